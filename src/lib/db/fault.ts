/**
 * A file the app needs that failed, and how: named in the page's language where the figures would
 * be. The English `message` stays for logs and tests; `describeFault` gives the sentence users read.
 */
import { t } from '../i18n';
import type { Lang } from '../state/view-state';

export type FaultKind = 'http' | 'type' | 'hash' | 'corrupt' | 'timeout' | 'network' | 'json';

export class FileFault extends Error {
  constructor(
    readonly file: string,
    readonly kind: FaultKind,
    readonly detail: string = '',
    message?: string,
  ) {
    super(message ?? `${file}: ${kind === 'http' ? `HTTP ${detail}` : `${kind}${detail ? ` (${detail})` : ''}`}`);
    this.name = 'FileFault';
  }
}

/** A fault as users read it, in the page's language; any other error as its message. */
export function describeFault(lang: Lang, e: unknown): string {
  if (e instanceof FileFault) return t(lang, `fault_${e.kind}`, { file: e.file, detail: e.detail });
  return e instanceof Error ? e.message : String(e);
}
