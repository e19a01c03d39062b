/**
 * The rows a Figure draws as CSV: one row per value drawn (stated figures, alternatives drawn
 * beside them, computed gaps and ratios, targets), with their place, group, period, unit,
 * approximation flag and sources. Two dialects: Flemish Excel (UTF-8 with BOM, `;`, decimal
 * comma) and plain CSV (UTF-8, `,`, decimal point). Text cells that a spreadsheet would run as
 * a formula are neutralised.
 */
import type { Catalog } from '../data/catalog';
import type { Source } from '../data/types';
import type { Figure } from '../figure/types';
import { label } from '../i18n';
import type { Lang } from '../state/view-state';

export type CsvDialect = 'excel-nl' | 'plain';
type Cell = string | number | boolean | null | undefined;

/**
 * A text cell a spreadsheet would read as a formula (it begins with =, +, -, @, a tab or a
 * carriage return) gets a leading apostrophe, as OWASP advises against CSV injection.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cellText(cell: Cell, dialect: CsvDialect): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return dialect === 'excel-nl' ? String(cell).replace('.', ',') : String(cell);
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return neutralise(cell);
}

/** CSV text (RFC 4180: CRLF line ends, quotes doubled) in a dialect; the Excel dialect starts with a BOM. */
export function csvText(header: string[], rows: Cell[][], dialect: CsvDialect): string {
  const sep = dialect === 'excel-nl' ? ';' : ',';
  const needsQuotes = (text: string) => text.includes(sep) || /["\r\n]/.test(text) || text !== text.trim();
  const quote = (text: string) => (needsQuotes(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const line = (cells: Cell[]) => cells.map((c) => quote(cellText(c, dialect))).join(sep);
  return (dialect === 'excel-nl' ? '\ufeff' : '') + [header, ...rows].map(line).join('\r\n') + '\r\n';
}

export const FIGURE_CSV_COLUMNS = [
  'indicator',
  'indicator_label',
  'place',
  'place_id',
  'group',
  'group_id',
  'reference_group',
  'period',
  'age',
  'measure',
  'value',
  'unit',
  'approx',
  'source_publisher',
  'source_title',
  'source_year',
  'source_url',
] as const;

/** The Figure's rows as CSV. A computed value lists the sources of both figures, joined by " | ". */
export function figureCsv(f: Figure, c: Catalog, sources: Source[], lang: Lang, dialect: CsvDialect): string {
  const name = <T extends { id: string } & Parameters<typeof label>[1]>(list: T[], id: string | undefined) => {
    if (!id) return '';
    const item = list.find((x) => x.id === id);
    return item ? label(lang, item) : id;
  };
  const join = (ids: string[], pick: (s: Source) => string | number | null) =>
    ids
      .map((id) => sources.find((s) => s.id === id))
      .map((s) => (s ? (pick(s) ?? '') : ''))
      .join(' | ');
  const rows = f.rows.map((r) => [
    r.indicator,
    name(c.indicators, r.indicator),
    name(c.geos, r.geo),
    r.geo,
    name(c.groups, r.group),
    r.group,
    r.reference ?? '',
    r.period,
    r.age ?? '',
    r.measure,
    r.value,
    r.unit,
    r.approx,
    join(r.sources, (s) => s.publisher),
    join(r.sources, (s) => s.title),
    join(r.sources, (s) => s.year),
    join(r.sources, (s) => s.url),
  ]);
  return csvText([...FIGURE_CSV_COLUMNS], rows, dialect);
}
