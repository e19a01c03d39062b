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
import type { LineSteps } from './lines';
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

/** What JavaScript's trim() removes: spaces, tabs, line ends, no-break and the other Unicode spaces. */
const SPACES =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const SPACE_CODES = [...SPACES].map((c) => c.codePointAt(0)).join(', ');
const ONLY_SPACES = `'[\\s\\x{0B}\\x{A0}\\x{FEFF}\\x{2028}\\x{2029}\\p{Zs}]*'`;

/**
 * A row whose cells are all blank. CASE, not AND/OR: DuckDB then looks at a cell only while the
 * ones before it were blank, and runs the (slow) pattern only on a cell that starts with a space.
 */
function blankRow(cells: string[]): string {
  if (!cells.length) return 'true';
  const blank = (c: string) =>
    `CASE WHEN ${c} = '' THEN true WHEN unicode(${c}) NOT IN (${SPACE_CODES}) THEN false ELSE regexp_full_match(${c}, ${ONLY_SPACES}) END`;
  return `CASE ${cells.map((c) => `WHEN NOT (${blank(c)}) THEN false`).join(' ')} ELSE true END`;
}

/**
 * The file as text cells `c0…ck` with its record (the raw row's rowid) and the line it is on: a
 * view, so the cells are not copied. `lines` gives the line as arithmetic on the record (the first
 * record's line, plus the lines cells across lines and blank lines added before it: lines.ts), or
 * is 'table': the lines the scan of the CSV found (own_lines_N, in the file's order, as the rows of
 * own_raw_N are: a positional join). Arithmetic is not only shorter: DuckDB estimates a positional
 * join at 0 rows, and then builds the check's hash joins on the million-row side (twice as slow).
 */
export function cellsQuery(t: OwnTableNames, header: string[], lines: LineSteps | 'table'): Query {
  const cells = header.map((h, i) => `COALESCE(CAST(r.${identifier(h)} AS VARCHAR), '') AS c${i}`);
  const int = (n: number) => String(Math.trunc(n));
  const extra = (steps: [number, number][]) =>
    steps.length
      ? ` + CASE ${[...steps]
          .reverse()
          .map(([record, add]) => `WHEN r.rowid >= ${int(record)} THEN ${int(add)}`)
          .join(' ')} ELSE 0 END`
      : '';
  const line = lines === 'table' ? 'l.line' : `CAST(r.rowid + ${int(lines.first)}${extra(lines.steps)} AS INTEGER)`;
  const join = lines === 'table' ? ` POSITIONAL JOIN ${t.lines} l` : '';
  return q(`CREATE OR REPLACE VIEW ${t.cells} AS SELECT r.rowid AS record, ${line} AS line, ${cells.join(', ')} FROM ${t.raw} r${join}`);
}

/** Rows of one of the load's tables (a name from ownTableNames, never the user's). */
export function countQuery(table: string): Query {
  if (!/^own_[a-z]+_\d+$/.test(table)) throw new Error('table names come from ownTableNames()');
  return q(`SELECT CAST(count(*) AS VARCHAR) AS n FROM ${table}`);
}

/**
 * The first rows, as the detector and the rejection report read them. By record (the raw table's
 * rowid, in the file's order, as the lines are): DuckDB then reads only those rows, where sorting
 * by line made every cell of a million-row file (a Parquet number cast to text) for 500 of them.
 */
export function sampleQuery(t: OwnTableNames, columns: number, limit: number): Query {
  const cells = Array.from({ length: columns }, (_, i) => `c${i}`);
  return q(
    `SELECT CAST(line AS VARCHAR) AS line, ${cells.join(', ')} FROM ${t.cells} f WHERE f.record < ${Math.max(0, Math.floor(limit))} ORDER BY f.record`,
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
  const blank = blankRow(header.map((_, i) => `c${i}`));
  const indicator = m.columns.indicator === undefined ? literal((m.indicatorName ?? '').trim()) : cell(m.columns.indicator);
  const select = (ord: number, column: number, axis: Partial<Record<'period' | 'group', string>>, value: string) =>
    `SELECT line, ${ord} AS ord, ${column} AS "column", ${indicator} AS indicator, ${cell(m.columns.place)} AS place, ` +
    `${axis.period ?? cell(m.columns.period)} AS period, ${axis.group ?? cell(m.columns.group)} AS "group", ${value} AS value, ` +
    `${cell(m.columns.sex)} AS sex, ${cell(m.columns.age)} AS age, ${cell(m.columns.note)} AS note, ${blank} AS blank FROM ${t.cells}`;
  const parts = m.wide
    ? m.wide.columns.map((column, ord) => select(ord, column, { [m.wide!.axis]: literal(axisLabel(header[column] ?? '')) }, `c${column}`))
    : [select(0, m.columns.value ?? 0, {}, cell(m.columns.value))];
  return q(`CREATE OR REPLACE VIEW ${t.long} AS ${parts.join(' UNION ALL ')}`);
}

export type LongColumn = 'indicator' | 'place' | 'period' | 'group' | 'value' | 'sex' | 'age' | 'note';

export const LONG_COLUMNS: LongColumn[] = ['indicator', 'place', 'period', 'group', 'value', 'sex', 'age', 'note'];

/**
 * The distinct cells of the given roles in one pass over the file (grouping sets), with how many
 * figures carry each and where it first appears (line × 65536 + column order), apart for blank
 * rows (the checks never read their names); and the figures of blank and other rows (role '').
 */
export function distinctQuery(t: OwnTableNames, columns: LongColumn[]): Query {
  const sets = [...columns.map((c) => `(blank, ${identifier(c)})`), '(blank)'];
  const role = `CASE ${columns.map((c) => `WHEN GROUPING(${identifier(c)}) = 0 THEN '${c}'`).join(' ')} ELSE '' END`;
  const cell = columns.length ? `COALESCE(${columns.map(identifier).join(', ')}, '')` : `''`;
  return q(
    `SELECT ${role} AS role, CAST(blank AS VARCHAR) AS blank, ${cell} AS cell, CAST(count(*) AS VARCHAR) AS n, ` +
      `CAST(min(CAST(line AS BIGINT) * 65536 + ord) AS VARCHAR) AS first FROM ${t.long} GROUP BY GROUPING SETS (${sets.join(', ')})`,
  );
}

export interface CheckOptions {
  rejectUnknownPlaces: boolean;
  rejectUnknownGroups: boolean;
}

/**
 * Every figure with its reason (NULL: accepted), checked in one order for every row: a blank row;
 * an empty indicator, place, period or group; an unreadable period; no figure or not a number; an
 * unreadable sex or age; an unknown place or group (when asked); a duplicate of an earlier figure
 * (the same indicator, place, period, group, sex and age). A figure is kept as the rows of the
 * lookups that read its cells (`*_row`), so the table holds numbers, not a copy of the cells.
 */
export function checkedQuery(t: OwnTableNames, o: CheckOptions, constant: ReadonlySet<LongColumn> = new Set()): Query {
  // A role whose cell is the same on every row (no column, or the name the user gave) has one
  // reading: a join with that one row, not a lookup per figure.
  const lookup = (table: string, alias: string, column: LongColumn, role?: string) => {
    const where = role ? `${alias}.role = '${role}' AND ` : '';
    return constant.has(column)
      ? `LEFT JOIN ${table} ${alias} ON ${where}true`
      : `LEFT JOIN ${table} ${alias} ON ${where}${alias}.cell = l.${identifier(column)}`;
  };
  const joined = `SELECT l.line, l.ord, l."column", l.blank,
      i.row AS i_row, i.key_id AS i_key, p.row AS p_row, p.key_id AS p_key, p.matched AS p_matched,
      g.row AS g_row, g.key_id AS g_key, g.matched AS g_matched,
      pe.row AS pe_row, pe.empty AS pe_empty, pe.text_id AS pe_key, v.row AS v_row, v.reason AS v_reason,
      s.row AS s_row, s.sex_id AS s_key, a.row AS a_row, a.age_id AS a_key, n.row AS n_row
    FROM ${t.long} l
    ${lookup(t.names, 'i', 'indicator', 'indicator')}
    ${lookup(t.names, 'p', 'place', 'place')}
    ${lookup(t.names, 'g', 'group', 'group')}
    ${lookup(t.periods, 'pe', 'period')}
    ${lookup(t.values, 'v', 'value')}
    ${lookup(t.sexes, 's', 'sex')}
    ${lookup(t.ages, 'a', 'age')}
    ${lookup(t.notes, 'n', 'note')}`;
  const early = `CASE
      WHEN blank THEN 'row_empty'
      WHEN i_key IS NULL THEN 'cell_empty:indicator'
      WHEN p_key IS NULL THEN 'cell_empty:place'
      WHEN pe_empty THEN 'cell_empty:period'
      WHEN g_key IS NULL THEN 'cell_empty:group'
      WHEN pe_key IS NULL THEN 'period_unreadable'
      WHEN v_reason IS NOT NULL THEN v_reason
      WHEN s_key IS NULL THEN 'sex_unreadable'
      WHEN a_key IS NULL THEN 'age_unreadable'
      ${o.rejectUnknownPlaces ? `WHEN NOT p_matched THEN 'place_unknown'` : ''}
      ${o.rejectUnknownGroups ? `WHEN NOT g_matched THEN 'group_unknown'` : ''}
    END`;
  const key = ['i_key', 'p_key', 'pe_key', 'g_key', 's_key', 'a_key'];
  // Duplicates by aggregation, not a window over every figure: only keys held more than once are
  // kept, and each figure of those keys but the first (by line, then column) is a duplicate. `e`
  // is read twice, so DuckDB keeps it whole: it holds only the columns read after it.
  return q(`CREATE OR REPLACE TABLE ${t.checked} AS
    WITH e AS (SELECT line, ord, "column", i_row, p_row, g_row, pe_row, v_row, s_row, a_row, n_row, ${key.join(', ')},
      ${early} AS early, CAST(line AS BIGINT) * 65536 + ord AS pos FROM (${joined})),
    twice AS (SELECT ${key.join(', ')}, min(pos) AS first_pos FROM e WHERE early IS NULL GROUP BY ALL HAVING count(*) > 1)
    SELECT e.line, e.ord, e."column", e.i_row, e.p_row, e.g_row, e.pe_row, e.v_row, e.s_row, e.a_row, e.n_row,
      CASE WHEN e.early IS NULL AND d.first_pos IS NOT NULL AND e.pos <> d.first_pos THEN 'duplicate' ELSE e.early END AS reason,
      CAST(d.first_pos // 65536 AS INTEGER) AS first_line
    FROM e LEFT JOIN twice d ON e.early IS NULL AND ${key.map((k) => `d.${k} = e.${k}`).join(' AND ')}`);
}

/** Figures per reason ('' for accepted), and the first and last line of the accepted ones. */
export const summaryQuery = (t: OwnTableNames): Query =>
  q(`SELECT COALESCE(reason, '') AS reason, CAST(count(*) AS VARCHAR) AS n, CAST(min(line) AS VARCHAR) AS first_line,
      CAST(max(line) AS VARCHAR) AS last_line FROM ${t.checked} GROUP BY 1 ORDER BY 1`);

/** Rejections by line and column, with the cell their reason names; `limit` null: all of them. */
export function rejectionsQuery(t: OwnTableNames, limit: number | null): Query {
  return q(`SELECT CAST(c.line AS VARCHAR) AS line, CAST(c."column" AS VARCHAR) AS "column", c.reason,
      CASE WHEN c.reason = 'period_unreadable' THEN pe.cell
           WHEN c.reason IN ('no_figure', 'value_not_a_number') THEN v.cell
           WHEN c.reason = 'sex_unreadable' THEN s.cell
           WHEN c.reason = 'age_unreadable' THEN a.cell
           WHEN c.reason = 'place_unknown' THEN p.cell
           WHEN c.reason = 'group_unknown' THEN g.cell
           ELSE '' END AS cell,
      CAST(c.first_line AS VARCHAR) AS first_line
    FROM ${t.checked} c
    LEFT JOIN ${t.periods} pe ON pe.row = c.pe_row
    LEFT JOIN ${t.values} v ON v.row = c.v_row
    LEFT JOIN ${t.sexes} s ON s.row = c.s_row
    LEFT JOIN ${t.ages} a ON a.row = c.a_row
    LEFT JOIN ${t.names} p ON p.row = c.p_row
    LEFT JOIN ${t.names} g ON g.row = c.g_row
    WHERE c.reason IS NOT NULL ORDER BY c.line, c.ord${limit === null ? '' : ` LIMIT ${Math.max(0, Math.floor(limit))}`}`);
}

/** The most decimals an accepted figure of each indicator is written with, by the indicator's key. */
export const decimalsQuery = (t: OwnTableNames): Query =>
  q(`SELECT i.key AS indicator, CAST(max(v.decimals) AS VARCHAR) AS decimals FROM ${t.checked} c
      JOIN ${t.names} i ON i.row = c.i_row JOIN ${t.values} v ON v.row = c.v_row WHERE c.reason IS NULL GROUP BY 1`);

/**
 * The accepted figures as the app's observations (and the line each is on), under the ids the app
 * gave the file's names (own_ids_N) or, before it did (`withIds` false), under their keys.
 */
export function acceptedQuery(t: OwnTableNames, sourceId: string, withIds: boolean): Query {
  const value: Record<string, string> = {
    indicator: 'i.id',
    geo: 'p.id',
    group: 'g.id',
    period: 'pe.text',
    period_kind: 'pe.kind',
    period_start: 'pe.start_date',
    period_end: 'pe.end_date',
    period_sort: 'pe.sort',
    year_start: 'pe.year_start',
    year_end: 'pe.year_end',
    sex: 's.sex',
    age: `NULLIF(a.age, '')`,
    value: 'v.value',
    source: literal(sourceId),
    note: 'n.note',
    approx: 'false',
    note_en: 'n.note',
  };
  const columns = STORAGE_COLUMNS.observations.map(([name]) => name);
  const missing = columns.filter((name) => !(name in value));
  if (missing.length) throw new Error(`insertObservationsQuery: no value for ${missing.join(', ')}`);
  return q(`WITH nm AS (${namesWithIds(t, withIds)})
    SELECT ${columns.map((name) => `${value[name]} AS ${identifier(name)}`).join(', ')}, c.line, c.ord FROM ${t.checked} c
    JOIN nm i ON i.row = c.i_row JOIN nm p ON p.row = c.p_row JOIN nm g ON g.row = c.g_row
    JOIN ${t.periods} pe ON pe.row = c.pe_row JOIN ${t.values} v ON v.row = c.v_row
    JOIN ${t.sexes} s ON s.row = c.s_row JOIN ${t.ages} a ON a.row = c.a_row JOIN ${t.notes} n ON n.row = c.n_row
    WHERE c.reason IS NULL`);
}

/** Each name's lookup row with the id its figures carry in the app (its key, before ids are given). */
function namesWithIds(t: OwnTableNames, withIds: boolean): string {
  const ids = withIds ? `COALESCE(d.id, n.key)` : 'n.key';
  const join = withIds ? ` LEFT JOIN ${t.ids} d ON d.kind = n.role AND d.key = n.key` : '';
  return `SELECT n.row, ${ids} AS id FROM ${t.names} n${join}`;
}

/** The first and last year any period of the file ends in: the span ownCoverageQuery's year sets are written over. */
export function periodYearsQuery(t: OwnTableNames): Query {
  return q(`SELECT min(year_end) AS first, max(year_end) AS last FROM ${t.periods}`);
}

/**
 * The coverage of the accepted figures (per indicator, place and group: first and last year, the
 * years, the number of figures), for the whole population as the catalog's coverage counts it;
 * grouped by lookup rows (numbers) and named only at the end. The years are a bitstring over the
 * file's span (`years`, from periodYearsQuery): one bit per year from the first, so equal sets are
 * equal texts, read once in the page. One text comes back, a line per row
 * (`indicator|place|group|first|last|bits|n`): tens of thousands of rows cross to the page as one
 * string to split, not as hundreds of thousands of cells to decode.
 */
export function ownCoverageQuery(t: OwnTableNames, years: { first: number; last: number }): Query {
  const span = (n: number) => String(Math.trunc(n));
  // One pass over the figures, grouped by lookup rows: bitstring_agg sets a year's bit however
  // many figures it has.
  return q(`WITH nm AS (${namesWithIds(t, true)}),
    z AS (SELECT c.i_row, c.p_row, c.g_row, min(pe.year_start) AS first_year, max(pe.year_end) AS last_year,
      bitstring_agg(pe.year_end, ${span(years.first)}, ${span(years.last)})::VARCHAR AS years, count(*) AS n
      FROM ${t.checked} c JOIN ${t.periods} pe ON pe.row = c.pe_row JOIN ${t.sexes} s ON s.row = c.s_row
      WHERE c.reason IS NULL AND s.sex = 'T' GROUP BY ALL)
    SELECT COALESCE(string_agg(concat_ws('|', i.id, p.id, g.id, z.first_year, z.last_year, z.years, z.n), chr(10)), '') AS coverage
    FROM z JOIN nm i ON i.row = z.i_row JOIN nm p ON p.row = z.p_row JOIN nm g ON g.row = z.g_row`);
}

/** The accepted figures into the app's observations. */
export function insertObservationsQuery(t: OwnTableNames, sourceId: string): Query {
  const columns = STORAGE_COLUMNS.observations.map(([name]) => identifier(name)).join(', ');
  return q(`INSERT INTO observations (${columns}) SELECT ${columns} FROM (${acceptedQuery(t, sourceId, true).sql})`);
}

const VIEWS: (keyof OwnTableNames)[] = ['cells', 'long'];

/** Every table and view of load N, gone (views first: they name the tables), but those kept. */
export function dropQueries(t: OwnTableNames, keep: (keyof OwnTableNames)[] = []): Query[] {
  const gone = (Object.keys(t) as (keyof OwnTableNames)[]).filter((k) => !keep.includes(k));
  return [
    ...gone.filter((k) => VIEWS.includes(k)).map((k) => q(`DROP VIEW IF EXISTS ${t[k]}`)),
    ...gone.filter((k) => !VIEWS.includes(k)).map((k) => q(`DROP TABLE IF EXISTS ${t[k]}`)),
  ];
}
