/**
 * Reads the curated CSV files with DuckDB's own CSV reader (every column as text), and turns the
 * few typed columns into numbers and booleans here, so the oracle controls every conversion.
 *
 * Part of the test oracle: imports nothing from src/.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';

export const SOURCE_KINDS = ['statistics', 'agency', 'parliament', 'research', 'press'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface ObservationRow {
  indicator: string;
  geo: string;
  period: string;
  group: string;
  sex: string;
  age: string;
  value: number;
  source: string;
  note: string;
}

export interface SourceRow {
  id: string;
  publisher: string;
  /** `publisher_en`, or the publisher where the file has no English. */
  publisher_en: string;
  title: string;
  /** Publication year (`sources.year`). */
  year: number;
  /** `press` where the file has no `kind` column yet, or the cell is empty. */
  kind: SourceKind;
}

export interface GroupRow {
  id: string;
  kind: string;
  sort: number;
  /** `groups.reference`; false where the file has no such column yet. */
  reference: boolean;
}

export interface IndicatorRow {
  id: string;
  unit: string;
  decimals: number;
  better: 'higher' | 'lower' | 'none';
}

export interface TargetRow {
  id: string;
  indicator: string;
  geo: string;
  group: string;
  value: number;
  year: number;
  source: string;
}

export interface GeoRow {
  id: string;
  level: string;
}

export interface OracleData {
  observations: ObservationRow[];
  sources: SourceRow[];
  groups: GroupRow[];
  indicators: IndicatorRow[];
  targets: TargetRow[];
  geos: GeoRow[];
}

type TextRow = Record<string, string>;

async function readCsv(conn: Awaited<ReturnType<DuckDBInstance['connect']>>, path: string): Promise<TextRow[]> {
  const literal = `'${path.replaceAll("'", "''")}'`;
  const reader = await conn.runAndReadAll(
    `SELECT * FROM read_csv(${literal}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`,
  );
  return reader.getRowObjectsJS().map((row) => {
    const text: TextRow = {};
    for (const [key, value] of Object.entries(row)) text[key] = value === null || value === undefined ? '' : String(value);
    return text;
  });
}

function number(row: TextRow, column: string, file: string): number {
  const text = (row[column] ?? '').trim();
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) throw new Error(`${file}: ${column} is not a number: ${JSON.stringify(row[column])}`);
  return value;
}

function sourceKind(text: string | undefined, id: string): SourceKind {
  const kind = (text ?? '').trim();
  if (kind === '') return 'press';
  if ((SOURCE_KINDS as readonly string[]).includes(kind)) return kind as SourceKind;
  throw new Error(`sources.csv: source ${id} has an unknown kind ${JSON.stringify(kind)}`);
}

function better(text: string | undefined, id: string): IndicatorRow['better'] {
  const value = (text ?? '').trim();
  if (value === 'higher' || value === 'lower' || value === 'none') return value;
  if (value === '') return 'none';
  throw new Error(`indicators.csv: indicator ${id} has an unknown better ${JSON.stringify(value)}`);
}

function bool(text: string | undefined, file: string): boolean {
  const value = (text ?? '').trim().toLowerCase();
  if (value === 'true') return true;
  if (value === 'false' || value === '') return false;
  throw new Error(`${file}: not true/false: ${JSON.stringify(text)}`);
}

/** Every row of one CSV file, every cell as text ('' where empty). */
export async function readCsvText(path: string): Promise<TextRow[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    return await readCsv(conn, path);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** Every row of the six curated files in `dataDir`. */
export async function loadData(dataDir = 'data'): Promise<OracleData> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    const file = (name: string) => readCsv(conn, join(dataDir, name));
    // One query at a time on the one connection.
    const observations = await file('observations.csv');
    const sources = await file('sources.csv');
    const groups = await file('groups.csv');
    const indicators = await file('indicators.csv');
    const targets = await file('targets.csv');
    const geos = await file('geos.csv');
    return {
      observations: observations.map((r) => ({
        indicator: r.indicator,
        geo: r.geo,
        period: r.period,
        group: r.group,
        sex: r.sex,
        age: r.age ?? '',
        value: number(r, 'value', 'observations.csv'),
        source: r.source,
        note: r.note ?? '',
      })),
      sources: sources.map((r) => ({
        id: r.id,
        publisher: r.publisher,
        publisher_en: r.publisher_en || r.publisher,
        title: r.title,
        year: number(r, 'year', 'sources.csv'),
        kind: sourceKind(r.kind, r.id),
      })),
      groups: groups.map((r) => ({
        id: r.id,
        kind: r.group_kind,
        sort: number(r, 'sort', 'groups.csv'),
        reference: bool(r.reference, 'groups.csv'),
      })),
      indicators: indicators.map((r) => ({ id: r.id, unit: r.unit, decimals: Number(r.decimals), better: better(r.better, r.id) })),
      targets: targets.map((r) => ({
        id: r.id,
        indicator: r.indicator,
        geo: r.geo,
        group: r.group,
        value: number(r, 'value', 'targets.csv'),
        year: number(r, 'year', 'targets.csv'),
        source: r.source,
      })),
      geos: geos.map((r) => ({ id: r.id, level: r.level })),
    };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
