/** Citations grouped by the document they quote, for a source line that names each document once. */
import type { Source } from '../data/types';

export interface CitedDocument {
  publisher: string;
  title: string;
  year: number;
  url: string | null;
  /** The language the title (and its quotes) are published in. */
  lang: string;
  citations: Source[];
}

export function groupByDocument(sources: Source[]): CitedDocument[] {
  const docs = new Map<string, CitedDocument>();
  for (const s of sources) {
    const key = [s.publisher, s.title, s.year, s.url ?? ''].join('\u0000');
    const doc = docs.get(key);
    if (doc) doc.citations.push(s);
    else docs.set(key, { publisher: s.publisher, title: s.title, year: s.year, url: s.url, lang: s.lang || 'nl', citations: [s] });
  }
  return [...docs.values()];
}

/** "Bronnen: Publisher, Title (year); …." — the source line as one text (images, citations). */
export function sourceLineText(sources: Source[], labels: { one: string; many: string }): string {
  const docs = groupByDocument(sources);
  if (docs.length === 0) return '';
  return `${docs.length > 1 ? labels.many : labels.one}: ${docs.map((d) => `${d.publisher}, ${d.title} (${d.year})`).join('; ')}.`;
}
