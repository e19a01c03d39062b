/**
 * What each DISTINCT cell of a role means, read once by the readers of values.ts and match.ts: the
 * small tables DuckDB joins back onto every figure of the file (src/lib/own/sql.ts). A million rows
 * of percentages hold a few thousand distinct figures and a few hundred places.
 */
import type { Table } from 'apache-arrow';
import { tableOf } from './arrow';
import type { TextColumns } from '../db/engine';
import { matchGroup, matchIndicator, matchPlace, type OwnCatalog } from './match';
import { cleanLabel } from './text';
import type { OwnName } from './validate';
import { ownKey } from './validate';
import { countedDecimalStyle, periodStyle, readAge, readPeriod, readSex, readValue, type DecimalStyle, type PeriodStyle } from './values';

/** A distinct cell, how many figures carry it, and where it first appears (line × 65536 + column order). */
export interface DistinctCell {
  cell: string;
  n: number;
  first: number;
}

export const lineOf = (first: number) => Math.floor(first / 65536);

/** Each role's distinct cells, over every figure and over the figures of rows that are not blank. */
export interface RoleCells {
  all: DistinctCell[];
  notBlank: DistinctCell[];
}

/**
 * The answer of distinctQuery by role; a role the query did not group (its cell is the same on
 * every row: `constant`) gets that one cell, carried by every figure.
 */
export function cellsByRole(result: TextColumns, constant: Map<string, string>): Map<string, RoleCells> {
  const [roles = [], blanks = [], cells = [], counts = [], firsts = []] = result.columns;
  const byRole = new Map<string, { all: Map<string, DistinctCell>; notBlank: DistinctCell[] }>();
  roles.forEach((role, i) => {
    const key = role ?? '';
    let entry = byRole.get(key);
    if (!entry) byRole.set(key, (entry = { all: new Map(), notBlank: [] }));
    const d: DistinctCell = { cell: cells[i] ?? '', n: Number(counts[i]), first: Number(firsts[i]) };
    if (blanks[i] === 'false') entry.notBlank.push({ ...d });
    const seen = entry.all.get(d.cell);
    if (seen) {
      seen.n += d.n;
      seen.first = Math.min(seen.first, d.first);
    } else entry.all.set(d.cell, d);
  });
  const out = new Map<string, RoleCells>();
  for (const [role, entry] of byRole) out.set(role, { all: [...entry.all.values()], notBlank: entry.notBlank });
  const figures = out.get('') ?? { all: [], notBlank: [] };
  for (const [role, cell] of constant)
    out.set(role, {
      all: figures.all.length
        ? [{ cell, n: figures.all.reduce((sum, d) => sum + d.n, 0), first: Math.min(...figures.all.map((d) => d.first)) }]
        : [],
      notBlank: figures.notBlank.map((d) => ({ ...d, cell })),
    });
  return out;
}

export type NameRole = 'indicator' | 'place' | 'group';

const MATCHERS: Record<NameRole, (c: OwnCatalog, text: string) => string | null> = {
  indicator: matchIndicator,
  place: matchPlace,
  group: matchGroup,
};

export interface NameLookup {
  /** Distinct names in order of first appearance; spellings that differ only in case and spacing are one. */
  names: OwnName[];
  rows: { role: NameRole; cell: string; key: string | null; matched: boolean }[];
  /** Each name's number, the same for every spelling of it: what duplicates are found by. */
  keyIds: Map<string, number>;
}

/** Each distinct cell of a name role: an empty one has no key; the others the catalogue id or `own:<label>`. */
export function nameLookup(role: NameRole, distinct: DistinctCell[], c: OwnCatalog): NameLookup {
  const byKey = new Map<string, OwnName & { first: number }>();
  const rows: NameLookup['rows'] = [];
  for (const d of [...distinct].sort((a, b) => a.first - b.first)) {
    const text = cleanLabel(d.cell);
    if (text === '') {
      rows.push({ role, cell: d.cell, key: null, matched: false });
      continue;
    }
    const own = ownKey(text);
    let name = byKey.get(own);
    if (!name) {
      const id = MATCHERS[role](c, text);
      name = { text, key: id ?? own, id, rows: 0, firstLine: lineOf(d.first), first: d.first };
      byKey.set(own, name);
    }
    name.rows += d.n;
    rows.push({ role, cell: d.cell, key: name.key, matched: name.id !== null });
  }
  const names = [...byKey.values()].map(({ first: _first, ...n }) => n);
  return { names, rows, keyIds: new Map(names.map((n, i) => [n.key, i])) };
}

/** Row numbers: how own_checked_N refers to a lookup's reading of a cell. */
const rowNumbers = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Numbers for the distinct values of a reading (null stays null): duplicates are found by number. */
function idsOf<T>(values: (T | null)[]): (number | null)[] {
  const ids = new Map<T, number>();
  return values.map((v) => {
    if (v === null) return null;
    let id = ids.get(v);
    if (id === undefined) ids.set(v, (id = ids.size));
    return id;
  });
}

export function namesTable(lookups: NameLookup[]): Table {
  const rows = lookups.flatMap((l) => l.rows.map((r) => ({ ...r, keyId: r.key === null ? null : l.keyIds.get(r.key)! })));
  return tableOf({
    row: ['INTEGER', rowNumbers(rows.length)],
    key_id: ['INTEGER', rows.map((r) => r.keyId)],
    role: ['VARCHAR', rows.map((r) => r.role)],
    cell: ['VARCHAR', rows.map((r) => r.cell)],
    key: ['VARCHAR', rows.map((r) => r.key)],
    matched: ['BOOLEAN', rows.map((r) => r.matched)],
  });
}

/** The periods: the file's style (school years written 2019-20?) from all its cells, then each cell read. */
export function periodsTable(distinct: DistinctCell[]): { style: PeriodStyle; table: Table } {
  const style = periodStyle(distinct.map((d) => d.cell));
  const read = distinct.map((d) => readPeriod(d.cell, style));
  return {
    style,
    table: tableOf({
      row: ['INTEGER', rowNumbers(distinct.length)],
      cell: ['VARCHAR', distinct.map((d) => d.cell)],
      empty: ['BOOLEAN', distinct.map((d) => cleanLabel(d.cell) === '')],
      text_id: ['INTEGER', idsOf(read.map((p) => p?.text ?? null))],
      text: ['VARCHAR', read.map((p) => p?.text ?? null)],
      kind: ['VARCHAR', read.map((p) => p?.kind ?? null)],
      start_date: ['VARCHAR', read.map((p) => p?.start ?? null)],
      end_date: ['VARCHAR', read.map((p) => p?.end ?? null)],
      sort: ['DOUBLE', read.map((p) => p?.sort ?? null)],
      year_start: ['INTEGER', read.map((p) => p?.yearStart ?? null)],
      year_end: ['INTEGER', read.map((p) => p?.yearEnd ?? null)],
    }),
  };
}

/** Decimals a figure needs to be written as the file gives it, at most 3. */
export function decimalsOf(value: number): number {
  let d = 0;
  while (d < 3 && Math.abs(Math.round(value * 10 ** d) - value * 10 ** d) > 1e-9) d++;
  return d;
}

/** The figures: the file's decimal style from all its cells, then each cell read. */
export function valuesTable(distinct: DistinctCell[]): { style: DecimalStyle; table: Table } {
  const style = countedDecimalStyle(distinct);
  const read = distinct.map((d) => readValue(d.cell, style));
  return {
    style,
    table: tableOf({
      row: ['INTEGER', rowNumbers(distinct.length)],
      cell: ['VARCHAR', distinct.map((d) => d.cell)],
      reason: ['VARCHAR', read.map((v) => (v.ok ? null : v.reason))],
      value: ['DOUBLE', read.map((v) => (v.ok ? v.value : null))],
      decimals: ['INTEGER', read.map((v) => (v.ok ? decimalsOf(v.value) : null))],
    }),
  };
}

export function sexesTable(distinct: DistinctCell[]): Table {
  const read = distinct.map((d) => readSex(d.cell));
  return tableOf({
    row: ['INTEGER', rowNumbers(distinct.length)],
    cell: ['VARCHAR', distinct.map((d) => d.cell)],
    sex_id: ['INTEGER', idsOf(read)],
    sex: ['VARCHAR', read],
  });
}

export function agesTable(distinct: DistinctCell[]): Table {
  const read = distinct.map((d) => readAge(d.cell));
  return tableOf({
    row: ['INTEGER', rowNumbers(distinct.length)],
    cell: ['VARCHAR', distinct.map((d) => d.cell)],
    age_id: ['INTEGER', idsOf(read)],
    age: ['VARCHAR', read],
  });
}

export function notesTable(distinct: DistinctCell[]): Table {
  return tableOf({
    row: ['INTEGER', rowNumbers(distinct.length)],
    cell: ['VARCHAR', distinct.map((d) => d.cell)],
    note: ['VARCHAR', distinct.map((d) => cleanLabel(d.cell) || null)],
  });
}

/** The app's ids of the file's names (catalogue ids, or the `eigen_…` ids given to its own). */
export function idsTable(ids: Record<NameRole, Map<string, string>>): Table {
  const rows = (Object.keys(ids) as NameRole[]).flatMap((kind) => [...ids[kind]].map(([key, id]) => ({ kind, key, id })));
  return tableOf({
    kind: ['VARCHAR', rows.map((r) => r.kind)],
    key: ['VARCHAR', rows.map((r) => r.key)],
    id: ['VARCHAR', rows.map((r) => r.id)],
  });
}
