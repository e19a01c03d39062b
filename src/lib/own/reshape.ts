/**
 * A researcher's file, long or wide, as long rows of text cells: one row per figure, each with the
 * line of the file it came from (the header is line 1), so a rejection can name it. Nothing is
 * read or dropped here; validate.ts decides what each cell means.
 */
import type { CsvRecord } from '../data/csv';
import { axisLabel, checkMapping, type Mapping } from './mapping';

export interface LongRow {
  /** The line of the file the figure is on (header: line 1). */
  line: number;
  /** The column (0-based) of the figure's cell: the value column, or one of the wide columns. */
  column: number;
  indicator: string;
  place: string;
  period: string;
  group: string;
  value: string;
  sex?: string;
  age?: string;
  note?: string;
  /** Every cell of the line is empty (a spreadsheet's trailing row of separators). */
  blank?: true;
}

/** Rows without their line numbers (as a reader that drops them gives them), numbered from line 2 on. */
export function numberRows(rows: string[][]): CsvRecord[] {
  return rows.map((cells, i) => ({ line: i + 2, cells }));
}

/** Long rows of a file under a mapping that `checkMapping` accepts; throws on one it does not. */
export function reshape(header: string[], records: CsvRecord[], m: Mapping): LongRow[] {
  const problems = checkMapping(m, header.length);
  if (problems.length) throw new Error(`reshape: the mapping cannot be used (${problems.map((p) => p.code).join(', ')})`);
  const out: LongRow[] = [];
  for (const r of records) {
    const cell = (column: number | undefined) => (column === undefined ? '' : (r.cells[column] ?? ''));
    const base = {
      line: r.line,
      indicator: m.columns.indicator === undefined ? (m.indicatorName ?? '').trim() : cell(m.columns.indicator),
      place: cell(m.columns.place),
      period: cell(m.columns.period),
      group: cell(m.columns.group),
      ...(m.columns.sex === undefined ? {} : { sex: cell(m.columns.sex) }),
      ...(m.columns.age === undefined ? {} : { age: cell(m.columns.age) }),
      ...(m.columns.note === undefined ? {} : { note: cell(m.columns.note) }),
      ...(r.cells.every((c) => c.trim() === '') ? { blank: true as const } : {}),
    };
    if (m.wide) {
      for (const column of m.wide.columns) out.push({ ...base, column, [m.wide.axis]: axisLabel(header[column]), value: cell(column) });
    } else {
      out.push({ ...base, column: m.columns.value!, value: cell(m.columns.value) });
    }
  }
  return out;
}
