/**
 * A staged file (own_raw_N, see load.ts) through the checks and into the app's tables, in DuckDB:
 * cells → long figures → each distinct cell read once in JavaScript → every figure's reason → the
 * accepted figures inserted into observations. Only distinct cells, counts and the first rejections
 * cross to the page; a million-row file never becomes a million JavaScript objects.
 */
import type { Catalog } from '../data/catalog';
import type { CoverageRow } from '../queries/catalog';
import type { CsvRecord } from '../data/csv';
import type { Engine } from '../db/engine';
import { arrowTableOf } from './arrow';
import { assembleOwn, indicatorsOf, OWN_TABLE_ORDER, ownSourceId, type OwnChoices } from './assemble';
import { agesTable, cellsByRole, idsTable, nameLookup, namesTable, notesTable, periodsTable, sexesTable, valuesTable } from './lookups';
import type { LineSteps } from './lines';
import type { Mapping } from './mapping';
import { rejectedCsv } from './report';
import type { Lang } from '../state/view-state';
import {
  cellsQuery,
  checkedQuery,
  countQuery,
  decimalsQuery,
  distinctQuery,
  dropQueries,
  insertObservationsQuery,
  ownCoverageQuery,
  periodYearsQuery,
  LONG_COLUMNS,
  longQuery,
  rejectedLinesQuery,
  rejectionsQuery,
  sampleQuery,
  summaryQuery,
  type LongColumn,
  type OwnTableNames,
} from './sql';
import type { OwnCheck, OwnOptions, OwnReason, OwnReasonCode, OwnRejection } from './validate';

export type OwnEngine = Pick<Engine, 'execute' | 'queryColumns' | 'insertTable'>;

/** Rejections brought to the page with the check; the download asks for all of them. */
export const FIRST_REJECTIONS = 100;

/** The staged file as text cells with line numbers (see cellsQuery); its row count. */
export async function stageCells(engine: OwnEngine, t: OwnTableNames, header: string[], lines: LineSteps | 'table'): Promise<number> {
  await engine.execute(cellsQuery(t, header, lines));
  const { columns } = await engine.queryColumns(countQuery(t.cells));
  return Number(columns[0]?.[0] ?? 0);
}

function parseRecords(result: { columns: (string | null)[][] }): CsvRecord[] {
  const [lines = [], ...cells] = result.columns;
  return lines.map((line, i) => ({ line: Number(line), cells: cells.map((c) => c[i] ?? '') }));
}

/** The first rows of the file, for the column detector. */
export async function sampleOf(engine: OwnEngine, t: OwnTableNames, columns: number, limit: number): Promise<CsvRecord[]> {
  return parseRecords(await engine.queryColumns(sampleQuery(t, columns, limit)));
}

function reasonOf(code: string, cell: string, firstLine: number): OwnReason {
  if (code.startsWith('cell_empty:')) return { code: 'cell_empty', role: code.slice('cell_empty:'.length) as 'place' };
  if (code === 'row_empty') return { code };
  if (code === 'duplicate') return { code, firstLine };
  return { code: code as Exclude<OwnReasonCode, 'row_empty' | 'cell_empty' | 'duplicate'>, cell };
}

/** The file's rejections by line and column: the first `limit`, or all (null). */
export async function rejectionsOf(engine: OwnEngine, t: OwnTableNames, limit: number | null): Promise<OwnRejection[]> {
  const { columns } = await engine.queryColumns(rejectionsQuery(t, limit));
  const [lines = [], cols = [], codes = [], cells = [], firsts = []] = columns;
  return lines.map((line, i) => ({
    line: Number(line),
    column: Number(cols[i]),
    reason: reasonOf(codes[i] ?? '', cells[i] ?? '', Number(firsts[i])),
  }));
}

/** Every rejected figure with its reason and its line's original cells, as a CSV in the language asked for. */
export async function rejectedReport(engine: OwnEngine, t: OwnTableNames, header: string[], lang: Lang): Promise<string> {
  const rejected = await rejectionsOf(engine, t, null);
  const records = parseRecords(await engine.queryColumns(rejectedLinesQuery(t, header.length)));
  return rejectedCsv(header, records, rejected, lang);
}

/** The roles whose cell is the same on every row: no column (and not the wide axis). */
function constantRoles(m: Mapping): Set<LongColumn> {
  const roles: LongColumn[] = ['indicator', 'place', 'period', 'group', 'sex', 'age', 'note'];
  return new Set(roles.filter((r) => m.columns[r] === undefined && m.wide?.axis !== r));
}

/** Every figure of the file checked under the mapping; nothing is added yet. */
export async function checkOwn(
  engine: OwnEngine,
  t: OwnTableNames,
  header: string[],
  mapping: Mapping,
  catalog: Pick<Catalog, 'indicators' | 'groups' | 'geos'>,
  options: OwnOptions,
): Promise<OwnCheck> {
  // A second check (after the user corrected the mapping) starts from the cells again.
  await dropOwn(engine, t, ['raw', 'lines', 'cells']);
  await engine.execute(longQuery(t, header, mapping));
  const constant = constantRoles(mapping);
  const constantCells = new Map([...constant].map((role) => [role, role === 'indicator' ? (mapping.indicatorName ?? '').trim() : '']));
  const cells = cellsByRole(
    await engine.queryColumns(
      distinctQuery(
        t,
        LONG_COLUMNS.filter((c) => !constant.has(c)),
      ),
    ),
    constantCells,
  );
  const all = (role: LongColumn) => cells.get(role)?.all ?? [];
  const notBlank = (role: LongColumn) => cells.get(role)?.notBlank ?? [];

  const indicators = nameLookup('indicator', notBlank('indicator'), catalog);
  const places = nameLookup('place', notBlank('place'), catalog);
  const groups = nameLookup('group', notBlank('group'), catalog);
  const periods = periodsTable(all('period'));
  const values = valuesTable(all('value'));
  await engine.insertTable(t.names, namesTable([indicators, places, groups]));
  await engine.insertTable(t.periods, periods.table);
  await engine.insertTable(t.values, values.table);
  await engine.insertTable(t.sexes, sexesTable(all('sex')));
  await engine.insertTable(t.ages, agesTable(all('age')));
  await engine.insertTable(t.notes, notesTable(all('note')));
  await engine.execute(
    checkedQuery(
      t,
      { rejectUnknownPlaces: options.unknownPlaces === 'reject', rejectUnknownGroups: options.unknownGroups === 'reject' },
      constant,
    ),
  );

  const summary = await engine.queryColumns(summaryQuery(t));
  const [reasons = [], counts = [], firstLines = [], lastLines = []] = summary.columns;
  const byReason: OwnCheck['summary']['byReason'] = {};
  let rows = 0;
  let accepted = 0;
  let acceptedLines: [number, number] | null = null;
  reasons.forEach((reason, i) => {
    const n = Number(counts[i]);
    rows += n;
    if (!reason) {
      accepted = n;
      acceptedLines = [Number(firstLines[i]), Number(lastLines[i])];
      return;
    }
    const code = (reason.startsWith('cell_empty:') ? 'cell_empty' : reason) as OwnReasonCode;
    byReason[code] = (byReason[code] ?? 0) + n;
  });
  const decimals = await engine.queryColumns(decimalsQuery(t));
  const [keys = [], most = []] = decimals.columns;
  return {
    rejected: await rejectionsOf(engine, t, FIRST_REJECTIONS),
    places: places.names,
    unmatchedPlaces: places.names.filter((n) => !n.id),
    unmatchedGroups: groups.names.filter((n) => !n.id),
    indicators: indicators.names,
    decimals: new Map(keys.map((k, i) => [k ?? '', Number(most[i])])),
    summary: {
      rows,
      accepted,
      rejected: rows - accepted,
      byReason,
      decimalStyle: values.style,
      periodStyle: periods.style,
      acceptedLines,
    },
  };
}

/**
 * The checked file's accepted figures into the app's tables, its names first (ids of their own
 * where the catalogue lacks them), then its tables dropped. Returns what was added.
 */
export async function addOwn(
  engine: OwnEngine,
  t: OwnTableNames,
  check: OwnCheck,
  choices: OwnChoices,
  existing: Parameters<typeof assembleOwn>[2],
): Promise<{ figures: number; indicators: string[]; places: string[]; coverage: CoverageRow[] }> {
  const tables = assembleOwn(check, choices, existing);
  // The file's cells are not read again: their memory goes back to DuckDB before the figures are copied.
  await dropOwn(engine, t, ['names', 'periods', 'values', 'sexes', 'ages', 'notes', 'checked', 'ids']);
  for (const name of OWN_TABLE_ORDER) {
    const rows = tables[name];
    if (rows.length) await engine.insertTable(name, arrowTableOf(name, rows), { append: true });
  }
  await engine.insertTable(t.ids, idsTable({ indicator: tables.ids.indicators, place: tables.ids.places, group: tables.ids.groups }));
  await engine.execute(insertObservationsQuery(t, ownSourceId(choices.load)));
  const coverage = await coverageOf(engine, t);
  await dropOwn(engine, t);
  return { figures: check.summary.accepted, indicators: indicatorsOf(tables, check), places: tables.geos.map((g) => g.id), coverage };
}

/** The accepted figures' coverage rows, for the catalog. */
async function coverageOf(engine: OwnEngine, t: OwnTableNames): Promise<CoverageRow[]> {
  const [first, last] = (await engine.queryColumns(periodYearsQuery(t))).columns.map((c) => c[0]);
  if (first === null || first === undefined || last === null || last === undefined) return [];
  return coverageRows(await engine.queryColumns(ownCoverageQuery(t, { first: Number(first), last: Number(last) })), Number(first));
}

/** Coverage rows from ownCoverageQuery's text; each distinct set of years (a bitstring from `first`) is read once. */
function coverageRows(result: { columns: (string | null)[][] }, first: number): CoverageRow[] {
  const text = result.columns[0]?.[0] ?? '';
  const yearSets = new Map<string, number[]>();
  const yearsOf = (bits: string) => {
    let years = yearSets.get(bits);
    if (!years) {
      years = [];
      for (let i = 0; i < bits.length; i++) if (bits[i] === '1') years.push(first + i);
      yearSets.set(bits, Object.freeze(years) as number[]);
    }
    return years;
  };
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [indicator, geo, group, firstYear, lastYear, bits, n] = line.split('|');
      return { indicator, geo, group, first_year: Number(firstYear), last_year: Number(lastYear), years: yearsOf(bits), n: Number(n) };
    });
}

/** The tables of the load, gone (but those kept). */
export async function dropOwn(engine: OwnEngine, t: OwnTableNames, keep: (keyof OwnTableNames)[] = []): Promise<void> {
  for (const q of dropQueries(t, keep)) await engine.execute(q);
}
