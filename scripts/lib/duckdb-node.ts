/** DuckDB in Node: the same engine as the browser's, reading the Parquet extract natively. */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { join } from 'node:path';
import { TABLE_NAMES } from '../../src/lib/data/schema';
import type { Query } from '../../src/lib/queries/sql';

export async function openMemory(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  return instance.connect();
}

/** A connection with one view per extract table over the Parquet files in `dir`. */
export async function openExtract(dir: string): Promise<DuckDBConnection> {
  const conn = await openMemory();
  for (const name of TABLE_NAMES) {
    const file = join(dir, `${name}.parquet`).replace(/'/g, "''");
    await conn.run(`CREATE VIEW ${name} AS SELECT * FROM read_parquet('${file}')`);
  }
  return conn;
}

export async function runQuery<T = Record<string, unknown>>(conn: DuckDBConnection, q: Query): Promise<T[]> {
  const reader = await conn.runAndReadAll(q.sql, q.params as DuckDBValue[]);
  return reader.getRowObjectsJS() as T[];
}
