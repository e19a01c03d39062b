/**
 * The own-file pipeline on DuckDB in Node (the browser's engine, same version): the app's
 * stageOwnFile, detectMapping, checkOwn and addOwn run unchanged on an Engine made of a Node
 * connection. Registered files are written to a temporary folder DuckDB searches.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { tableFromIPC, type Table } from 'apache-arrow';
import { openMemory } from '../../scripts/lib/duckdb-node';
import { STORAGE_COLUMNS } from '../../src/lib/data/storage';
import type { TableName } from '../../src/lib/data/schema';
import type { Engine } from '../../src/lib/db/engine';
import { stageOwnFile } from '../../src/lib/own/load';
import { checkMapping, detectMapping, type Mapping } from '../../src/lib/own/mapping';
import { checkOwn, rejectionsOf, sampleOf } from '../../src/lib/own/pipeline';
import { acceptedQuery, longQuery } from '../../src/lib/own/sql';
import type { OwnTableNames } from '../../src/lib/own/sql';
import { DEFAULT_OWN_OPTIONS, type OwnOptions } from '../../src/lib/own/validate';
import { realCatalog } from './own-catalog';
import type { Observation } from '../../src/lib/data/types';

function sqlType(arrowType: string): string {
  if (arrowType === 'Utf8' || arrowType === 'LargeUtf8') return 'VARCHAR';
  if (arrowType.startsWith('Float')) return 'DOUBLE';
  if (arrowType === 'Int32' || arrowType === 'Int16' || arrowType === 'Int8') return 'INTEGER';
  if (arrowType.startsWith('Int') || arrowType.startsWith('Uint')) return 'BIGINT';
  if (arrowType === 'Bool') return 'BOOLEAN';
  return 'VARCHAR';
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function cell(v: unknown): DuckDBValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

/** An Engine over a Node DuckDB connection, with the app's (empty) tables. */
export async function nodeEngine(): Promise<Engine & { conn: DuckDBConnection; close(): void }> {
  const conn = await openMemory();
  const dir = mkdtempSync(join(tmpdir(), 'own-'));
  await conn.run(`SET file_search_path = '${dir.replace(/'/g, "''")}'`);
  for (const name of Object.keys(STORAGE_COLUMNS) as TableName[])
    await conn.run(`CREATE TABLE ${name} (${STORAGE_COLUMNS[name].map(([c, type]) => `${quote(c)} ${type}`).join(', ')})`);

  async function insertTable(name: string, table: Table, { append = false } = {}) {
    const fields = table.schema.fields;
    if (!append)
      await conn.run(`CREATE TABLE ${quote(name)} (${fields.map((f) => `${quote(f.name)} ${sqlType(String(f.type))}`).join(', ')})`);
    const rows = table.toArray().map((r) => fields.map((f) => cell((r as Record<string, unknown>)[f.name])));
    for (let i = 0; i < rows.length; i += 200) {
      const batch = rows.slice(i, i + 200);
      const values = batch.map(() => `(${fields.map(() => '?').join(', ')})`).join(', ');
      await conn.run(`INSERT INTO ${quote(name)} (${fields.map((f) => quote(f.name)).join(', ')}) VALUES ${values}`, batch.flat());
    }
  }

  return {
    conn,
    query: async <T>(q: { sql: string; params: unknown[] }) =>
      (await conn.runAndReadAll(q.sql, q.params as DuckDBValue[])).getRowObjectsJS() as T[],
    execute: async (q) => void (await conn.run(q.sql, q.params as DuckDBValue[])),
    queryColumns: async (q) => {
      const reader = await conn.runAndReadAll(q.sql, q.params as DuckDBValue[]);
      return { names: reader.columnNames(), columns: reader.getColumnsJS().map((c) => c.map((v) => (v === null ? null : String(v)))) };
    },
    insertTable,
    insertIpc: (name, ipc, options) => insertTable(name, tableFromIPC(ipc), options),
    registerFile: async (name, bytes) => writeFileSync(join(dir, name), bytes),
    registerBlob: async (name, blob) => writeFileSync(join(dir, name), new Uint8Array(await blob.arrayBuffer())),
    dropFile: async (name) => rmSync(join(dir, name), { force: true }),
    close: () => {
      conn.closeSync();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An accepted figure as the checks leave it in own_checked_N (line and the observation's fields). */
/** An accepted figure as it would enter observations (before the app gives ids), with the line it is on. */
export type CheckedFigure = Pick<
  Observation,
  | 'indicator'
  | 'geo'
  | 'period'
  | 'period_kind'
  | 'period_start'
  | 'period_end'
  | 'period_sort'
  | 'year_start'
  | 'year_end'
  | 'group'
  | 'sex'
  | 'age'
  | 'value'
  | 'note'
> & { line: number };

export async function acceptedOf(engine: Engine, t: OwnTableNames): Promise<CheckedFigure[]> {
  const { sql } = acceptedQuery(t, 'test', false);
  return engine.query<CheckedFigure>({
    sql: `SELECT line, indicator, geo, period, period_kind, period_start, period_end, period_sort, year_start, year_end, "group",
      sex, age, value, note FROM (${sql}) ORDER BY line, ord`,
    params: [],
  });
}

/** An own file staged in a fresh engine and its columns detected (then corrected, when asked), as the page does. */
async function stagedAndMapped(engine: Engine, file: Blob, fileName: string, correct?: (m: Mapping) => Mapping) {
  const staged = await stageOwnFile(engine, { name: fileName, file }, 1);
  const detected = detectMapping(
    staged.header,
    staged.sample.map((r) => r.cells),
    realCatalog(),
    fileName,
  );
  return { staged, mapping: correct ? correct(detected) : detected };
}

/** An own file's bytes through staging, detection and the checks, as the page runs them. */
export async function runOwnNode(
  content: string | Uint8Array,
  options: OwnOptions = DEFAULT_OWN_OPTIONS,
  fileName = 'eigen.csv',
  correct?: (m: Mapping) => Mapping,
) {
  const engine = await nodeEngine();
  try {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    const { staged, mapping } = await stagedAndMapped(engine, new Blob([bytes as BlobPart]), fileName, correct);
    const problems = checkMapping(mapping, staged.header.length);
    if (problems.length) throw new Error(`the mapping cannot be used: ${problems.map((p) => p.code).join(', ')}`);
    const check = await checkOwn(engine, staged.tables, staged.header, mapping, realCatalog(), options);
    return {
      staged,
      header: staged.header,
      /** Every row of the file with its line, as the rejection report reads them. */
      records: await sampleOf(engine, staged.tables, staged.header.length, Number.MAX_SAFE_INTEGER),
      mapping,
      check,
      accepted: await acceptedOf(engine, staged.tables),
      rejected: await rejectionsOf(engine, staged.tables, null),
    };
  } finally {
    engine.close();
  }
}

/** A long figure as own_long_N holds it: every role's cell as text ('' where the file has none). */
export interface LongFigure {
  line: number;
  column: number;
  indicator: string;
  place: string;
  period: string;
  group: string;
  value: string;
  sex: string;
  age: string;
  note: string;
  blank: boolean;
}

/** An own file staged, and reshaped to one row per figure under the detected (or corrected) mapping. */
export async function longOf(content: string, fileName = 'eigen.csv', correct?: (m: Mapping) => Mapping) {
  const engine = await nodeEngine();
  try {
    const { staged, mapping } = await stagedAndMapped(engine, new Blob([content]), fileName, correct);
    await engine.execute(longQuery(staged.tables, staged.header, mapping));
    const rows = await engine.query<LongFigure>({
      sql: `SELECT line, "column", indicator, place, period, "group", value, sex, age, note, blank FROM ${staged.tables.long} ORDER BY line, ord`,
      params: [],
    });
    return { staged, mapping, rows };
  } finally {
    engine.close();
  }
}
