/**
 * "Cite this view": the view's title, the data version, the sources of the figures shown, the
 * permalink and the date accessed, in APA (7th edition, as for a dataset or visualisation with a
 * retrieval date, since the view can change), BibTeX and plain text.
 */
import type { Source } from '../data/types';
import { groupByDocument } from '../figure/documents';
import type { Lang } from '../state/view-state';

export interface CitationInput {
  lang: Lang;
  title: string;
  /** The data version (extract hash) the view was drawn from. */
  version: string;
  permalink: string;
  /** The date accessed, as an ISO date (yyyy-mm-dd). */
  accessed: string;
  sources: Source[];
}

const APP = 'Herkomstkloof';

const MONTHS: Record<Lang, string[]> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "30 november 2026" / "30 November 2026" (no locale data needed, so it reads the same everywhere). */
export function longDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[lang][m - 1]} ${y}`;
}

function documentsText(sources: Source[]): string {
  return groupByDocument(sources)
    .map((d) => `${d.publisher} (${d.year}). ${d.title}.`)
    .join(' ');
}

export function citeApa(i: CitationInput): string {
  const year = i.accessed.slice(0, 4);
  const kind = i.lang === 'en' ? 'Data visualisation, data version' : 'Datavisualisatie, dataversie';
  const retrieved =
    i.lang === 'en'
      ? `Retrieved ${longDate(i.accessed, 'en')}, from ${i.permalink}`
      : `Geraadpleegd op ${longDate(i.accessed, 'nl')}, van ${i.permalink}`;
  const based = i.sources.length ? ` ${i.lang === 'en' ? 'Based on' : 'Op basis van'}: ${documentsText(i.sources)}` : '';
  return `${APP}. (${year}). ${i.title} [${kind} ${i.version}]. ${retrieved}${based}`;
}

/** BibTeX's special characters escaped in a field value. */
export function bibEscape(text: string): string {
  return text
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([{}%&$#_])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\^{}');
}

export function citeBibtex(i: CitationInput): string {
  const key = `herkomstkloof_${i.version.slice(0, 8)}_${i.accessed.replace(/-/g, '')}`;
  const sources = documentsText(i.sources);
  const fields: [string, string][] = [
    ['author', `{${APP}}`],
    ['title', `{${bibEscape(i.title)}}`],
    ['year', i.accessed.slice(0, 4)],
    ['howpublished', `\\url{${i.permalink}}`],
    ['urldate', i.accessed],
    ['version', bibEscape(i.version)],
    [
      'note',
      `${i.lang === 'en' ? 'Data version' : 'Dataversie'} ${bibEscape(i.version)}${sources ? `. ${i.lang === 'en' ? 'Sources' : 'Bronnen'}: ${bibEscape(sources)}` : ''}`,
    ],
  ];
  return `@misc{${key},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
}

export function citePlain(i: CitationInput): string {
  const sources = documentsText(i.sources);
  return i.lang === 'en'
    ? `${i.title}. ${APP}, data version ${i.version}. ${i.permalink} (accessed ${longDate(i.accessed, 'en')}).${sources ? ` Sources: ${sources}` : ''}`
    : `${i.title}. ${APP}, dataversie ${i.version}. ${i.permalink} (geraadpleegd op ${longDate(i.accessed, 'nl')}).${sources ? ` Bronnen: ${sources}` : ''}`;
}
