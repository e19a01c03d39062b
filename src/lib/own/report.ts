/**
 * The rejected rows of a researcher's file as a CSV to download: the line, the column of the
 * figure, the reason in the chosen language, then the line's original cells. Written like the
 * app's other CSV downloads (csvText): cells a spreadsheet would run as a formula are neutralised.
 */
import type { CsvRecord } from '../data/csv';
import { csvText, type CsvDialect } from '../export/figure-csv';
import type { Lang } from '../state/view-state';
import { ownReasonText } from './messages';
import type { OwnRejection } from './validate';

const REPORT_COLUMNS: Record<Lang, [string, string, string]> = {
  nl: ['regel', 'kolom', 'reden'],
  en: ['line', 'column', 'reason'],
};

/** The report of rejected rows; one row per rejection (a wide line can have several), by line and column. */
export function rejectedCsv(
  header: string[],
  records: CsvRecord[],
  rejected: OwnRejection[],
  lang: Lang = 'nl',
  dialect: CsvDialect = 'excel-nl',
): string {
  const cellsOf = new Map(records.map((r) => [r.line, r.cells]));
  const rows = [...rejected]
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .map((r) => [r.line, header[r.column] ?? '', ownReasonText(lang, r.reason), ...(cellsOf.get(r.line) ?? [])]);
  return csvText([...REPORT_COLUMNS[lang], ...header], rows, dialect);
}
