/**
 * Text from a URL shown back to the reader in a notice: made visible and short. Parameter names and
 * ids are plain ASCII (ids are lowercase letters, digits and `_`), so every other character is shown
 * as its code point (`\u{202E}`): a right-to-left override cannot reverse the sentence, and a
 * zero-width or look-alike character cannot make an unknown id look like a known one.
 */

/** Longest text of a notice value or parameter name, in characters as shown, before `…`. */
export const MAX_NOTICE_TEXT = 40;
/** How many notices are listed; the rest are counted. */
export const MAX_NOTICES_SHOWN = 5;

/** One code point as the reader sees it: printable ASCII as itself, anything else as `\u{HEX}`. */
function visibleChar(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code >= 0x20 && code <= 0x7e) return ch;
  return `\\u{${code.toString(16).toUpperCase()}}`;
}

/** The text with invisible and non-ASCII characters made visible, cut at `max` shown characters with `…`. */
export function visibleText(text: string, max = MAX_NOTICE_TEXT): string {
  let out = '';
  for (const ch of text) {
    const shown = visibleChar(ch);
    if (out.length + shown.length > max) return `${out}…`;
    out += shown;
  }
  return out;
}

export interface NoticeLike {
  param: string;
  value: string;
  reason: string;
}

/** Each notice once (same parameter, reason and value), in their first order. */
export function uniqueNotices<T extends NoticeLike>(notices: T[]): T[] {
  const seen = new Set<string>();
  return notices.filter((n) => {
    const key = JSON.stringify([n.param, n.reason, n.value]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The notices to list (each once, in order, at most `max`) and how many more there are. */
export function noticeList<T extends NoticeLike>(notices: T[], max = MAX_NOTICES_SHOWN): { shown: T[]; more: number } {
  const unique = uniqueNotices(notices);
  return { shown: unique.slice(0, max), more: Math.max(0, unique.length - max) };
}
