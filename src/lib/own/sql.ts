/**
 * A researcher's file checked inside DuckDB: its cells never come out row by row. JavaScript reads
 * each DISTINCT cell of a role once (src/lib/own/lookups.ts, with the readers of values.ts and
 * match.ts), DuckDB joins those readings back onto every row, gives each row its reason (the same
 * order of checks for every row) and adds the accepted ones to the app's observations.
 *
 * Tables of load N: own_raw_N (the file as DuckDB read it) → own_cells_N (line, c0…ck as text)
 * → own_long_N (one row per figure; a wide line gives one per wide column) → own_checked_N.
 * Every name in the SQL is ours; the user's header names only ever appear quoted as identifiers
 * and their texts as string literals, both escaped.
 */
import { STORAGE_COLUMNS } from '../data/storage';
import type { Query } from '../queries/sql';
import { axisLabel, type Mapping } from './mapping';

export interface OwnTableNames {
  raw: string;
  /** The line each record of a CSV starts on (lines.ts); absent for Parquet. */
  lines: string;
  cells: string;
  long: string;
  names: string;
  periods: string;
  values: string;
  sexes: string;
  ages: string;
  notes: string;
  checked: string;
  ids: string;
}

export function ownTableNames(n: number): OwnTableNames {
  if (!Number.isInteger(n) || n < 0) throw new Error(`a load number is a whole number, not ${n}`);
  const name = (what: string) => `own_${what}_${n}`;
  return {
    raw: name('raw'),
    lines: name('lines'),
    cells: name('cells'),
    long: name('long'),
    names: name('names'),
    periods: name('periods'),
    values: name('values'),
    sexes: name('sexes'),
    ages: name('ages'),
    notes: name('notes'),
    checked: name('checked'),
    ids: name('ids'),
  };
}

const q = (sql: string): Query => ({ sql, params: [] });
export const identifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Blank as JavaScript's trim() sees it: spaces, tabs, line ends, no-break and other Unicode spaces. */
const BLANK = `'[\\s\\x{0B}\\x{A0}\\x{FEFF}\\x{2028}\\x{2029}\\p{Zs}]*'`;

/**
 * The file as text cells `c0…ck` with the line each row is on. A table's rowid is its insertion
 * order, which is the file's: DuckDB keeps it when it reads. The line is the one the scan of the
 * CSV found (own_lines_N); without one (Parquet) it is the row's number after a header line.
 */
export function cellsQuery(t: OwnTableNames, header: string[], withLines: boolean): Query {
  const cells = header.map((h, i) => `COALESCE(CAST(r.${identifier(h)} AS VARCHAR), '') AS c${i}`);
  const line = withLines ? 'l.line' : 'CAST(r.rowid + 2 AS INTEGER)';
  const join = withLines ? ` JOIN ${t.lines} l ON l.record = r.rowid` : '';
  return q(`CREATE OR REPLACE TABLE ${t.cells} AS SELECT ${line} AS line, ${cells.join(', ')} FROM ${t.raw} r${join} ORDER BY r.rowid`);
}

export const countQuery = (t: OwnTableNames): Query => q(`SELECT CAST(count(*) AS VARCHAR) AS n FROM ${t.cells}`);

/** The first rows, as the detector and the rejection report read them. */
export function sampleQuery(t: OwnTableNames, columns: number, limit: number): Query {
  const cells = Array.from({ length: columns }, (_, i) => `c${i}`);
  return q(
    `SELECT CAST(line AS VARCHAR) AS line, ${cells.join(', ')} FROM ${t.cells} f ORDER BY f.line LIMIT ${Math.max(0, Math.floor(limit))}`,
  );
}

/** The cells of the lines that have a rejected figure, for the report of rejected rows. */
export function rejectedLinesQuery(t: OwnTableNames, columns: number): Query {
  const cells = Array.from({ length: columns }, (_, i) => `c${i}`);
  return q(
    `SELECT CAST(line AS VARCHAR) AS line, ${cells.join(', ')} FROM ${t.cells} f ` +
      `WHERE f.line IN (SELECT line FROM ${t.checked} WHERE reason IS NOT NULL) ORDER BY f.line`,
  );
}

/**
 * One row per figure: `ord` orders a wide line's figures by column; `column` is the figure's
 * column; a role without a column is '' (the indicator: the name the user gave).
 */
export function longQuery(t: OwnTableNames, header: string[], m: Mapping): Query {
  const cell = (column: number | undefined) => (column === undefined ? `''` : `c${column}`);
  const blank = header.length ? header.map((_, i) => `regexp_full_match(c${i}, ${BLANK})`).join(' AND ') : 'true';
  const indicator = m.columns.indicator === undefined ? literal((m.indicatorName ?? '').trim()) : cell(m.columns.indicator);
  const select = (ord: number, column: number, axis: Partial<Record<'period' | 'group', string>>, value: string) =>
    `SELECT line, ${ord} AS ord, ${column} AS "column", ${indicator} AS indicator, ${cell(m.columns.place)} AS place, ` +
    `${axis.period ?? cell(m.columns.period)} AS period, ${axis.group ?? cell(m.columns.group)} AS "group", ${value} AS value, ` +
    `${cell(m.columns.sex)} AS sex, ${cell(m.columns.age)} AS age, ${cell(m.columns.note)} AS note, ${blank} AS blank FROM ${t.cells}`;
  const parts = m.wide
    ? m.wide.columns.map((column, ord) => select(ord, column, { [m.wide!.axis]: literal(axisLabel(header[column] ?? '')) }, `c${column}`))
    : [select(0, m.columns.value ?? 0, {}, cell(m.columns.value))];
  return q(`CREATE OR REPLACE TABLE ${t.long} AS ${parts.join(' UNION ALL ')}`);
}

export type LongColumn = 'indicator' | 'place' | 'period' | 'group' | 'value' | 'sex' | 'age' | 'note';

/**
 * The distinct cells of one role, with how many figures carry each and where it first appears
 * (line × 65536 + ord); blank lines left out where the checks never look at their names.
 */
export function distinctQuery(t: OwnTableNames, column: LongColumn, withBlank = false): Query {
  return q(
    `SELECT ${identifier(column)} AS cell, CAST(count(*) AS VARCHAR) AS n, CAST(min(CAST(line AS BIGINT) * 65536 + ord) AS VARCHAR) AS first ` +
      `FROM ${t.long}${withBlank ? '' : ' WHERE NOT blank'} GROUP BY 1 ORDER BY min(CAST(line AS BIGINT) * 65536 + ord)`,
  );
}

export interface CheckOptions {
  rejectUnknownPlaces: boolean;
  rejectUnknownGroups: boolean;
}

/**
 * Every figure with its reason (NULL: accepted), checked in one order for every row: a blank row;
 * an empty indicator, place, period or group; an unreadable period; no figure or not a number; an
 * unreadable sex or age; an unknown place or group (when asked); a duplicate of an earlier figure.
 */
export function checkedQuery(t: OwnTableNames, o: CheckOptions): Query {
  const joined = `SELECT l.line, l.ord, l."column", l.blank, l.period AS period_cell, l.value AS value_cell, l.sex AS sex_cell,
      l.age AS age_cell, l.place AS place_cell, l."group" AS group_cell,
      i.key AS indicator, p.key AS geo, p.matched AS place_matched, g.key AS "group", g.matched AS group_matched,
      pe.empty AS period_empty, pe.text AS period, pe.kind AS period_kind, pe.start_date AS period_start, pe.end_date AS period_end,
      pe.sort AS period_sort, pe.year_start, pe.year_end, v.reason AS value_reason, v.value, v.decimals,
      s.sex, a.ok AS age_ok, a.age, n.note
    FROM ${t.long} l
    LEFT JOIN ${t.names} i ON i.role = 'indicator' AND i.cell = l.indicator
    LEFT JOIN ${t.names} p ON p.role = 'place' AND p.cell = l.place
    LEFT JOIN ${t.names} g ON g.role = 'group' AND g.cell = l."group"
    LEFT JOIN ${t.periods} pe ON pe.cell = l.period
    LEFT JOIN ${t.values} v ON v.cell = l.value
    LEFT JOIN ${t.sexes} s ON s.cell = l.sex
    LEFT JOIN ${t.ages} a ON a.cell = l.age
    LEFT JOIN ${t.notes} n ON n.cell = l.note`;
  const early = `CASE
      WHEN blank THEN 'row_empty'
      WHEN indicator IS NULL THEN 'cell_empty:indicator'
      WHEN geo IS NULL THEN 'cell_empty:place'
      WHEN period_empty THEN 'cell_empty:period'
      WHEN "group" IS NULL THEN 'cell_empty:group'
      WHEN period IS NULL THEN 'period_unreadable'
      WHEN value_reason IS NOT NULL THEN value_reason
      WHEN sex IS NULL THEN 'sex_unreadable'
      WHEN NOT age_ok THEN 'age_unreadable'
      ${o.rejectUnknownPlaces ? `WHEN NOT place_matched THEN 'place_unknown'` : ''}
      ${o.rejectUnknownGroups ? `WHEN NOT group_matched THEN 'group_unknown'` : ''}
    END`;
  // A figure's key; the first of each key (by line, then column) stands, the later ones are duplicates.
  const key = `PARTITION BY (early IS NULL), indicator, geo, period, "group", sex, age ORDER BY line, ord`;
  return q(`CREATE OR REPLACE TABLE ${t.checked} AS
    WITH j AS (${joined}), e AS (SELECT *, ${early} AS early FROM j)
    SELECT * EXCLUDE (early),
      CASE WHEN early IS NULL AND row_number() OVER (${key}) > 1 THEN 'duplicate' ELSE early END AS reason,
      first_value(line) OVER (${key}) AS first_line
    FROM e`);
}

/** Figures per reason ('' for accepted), and the first and last line of the accepted ones. */
export const summaryQuery = (t: OwnTableNames): Query =>
  q(`SELECT COALESCE(reason, '') AS reason, CAST(count(*) AS VARCHAR) AS n, CAST(min(line) AS VARCHAR) AS first_line,
      CAST(max(line) AS VARCHAR) AS last_line FROM ${t.checked} GROUP BY 1 ORDER BY 1`);

/** Rejections by line and column, with the cell their reason names; `limit` null: all of them. */
export function rejectionsQuery(t: OwnTableNames, limit: number | null): Query {
  return q(`SELECT CAST(line AS VARCHAR) AS line, CAST("column" AS VARCHAR) AS "column", reason,
      CASE WHEN reason = 'period_unreadable' THEN period_cell
           WHEN reason IN ('no_figure', 'value_not_a_number') THEN value_cell
           WHEN reason = 'sex_unreadable' THEN sex_cell
           WHEN reason = 'age_unreadable' THEN age_cell
           WHEN reason = 'place_unknown' THEN place_cell
           WHEN reason = 'group_unknown' THEN group_cell
           ELSE '' END AS cell,
      CAST(first_line AS VARCHAR) AS first_line
    FROM ${t.checked} c WHERE c.reason IS NOT NULL ORDER BY c.line, c.ord${limit === null ? '' : ` LIMIT ${Math.max(0, Math.floor(limit))}`}`);
}

/** The most decimals an accepted figure of each indicator is written with. */
export const decimalsQuery = (t: OwnTableNames): Query =>
  q(`SELECT indicator, CAST(max(decimals) AS VARCHAR) AS decimals FROM ${t.checked} WHERE reason IS NULL GROUP BY 1`);

/** The accepted figures into the app's observations, under the ids the app gave the file's names. */
export function insertObservationsQuery(t: OwnTableNames, sourceId: string): Query {
  const value: Record<string, string> = {
    indicator: 'COALESCE(di.id, c.indicator)',
    geo: 'COALESCE(dp.id, c.geo)',
    group: 'COALESCE(dg.id, c."group")',
    source: literal(sourceId),
    approx: 'false',
    note_en: 'c.note',
    age: `NULLIF(c.age, '')`,
  };
  const columns = STORAGE_COLUMNS.observations.map(([name]) => name);
  const select = columns.map((name) => value[name] ?? `c.${identifier(name)}`);
  return q(`INSERT INTO observations (${columns.map(identifier).join(', ')})
    SELECT ${select.join(', ')} FROM ${t.checked} c
    LEFT JOIN ${t.ids} di ON di.kind = 'indicator' AND di.key = c.indicator
    LEFT JOIN ${t.ids} dp ON dp.kind = 'place' AND dp.key = c.geo
    LEFT JOIN ${t.ids} dg ON dg.kind = 'group' AND dg.key = c."group"
    WHERE c.reason IS NULL ORDER BY c.line, c.ord`);
}

/** Every table of load N, gone (the file's cells are no longer held once its figures are added). */
export function dropQueries(t: OwnTableNames, keep: (keyof OwnTableNames)[] = []): Query[] {
  return (Object.keys(t) as (keyof OwnTableNames)[]).filter((k) => !keep.includes(k)).map((k) => q(`DROP TABLE IF EXISTS ${t[k]}`));
}
