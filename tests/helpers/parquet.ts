/** Small Parquet files for tests, written by DuckDB in Node (the same writer as the data build). */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openMemory } from '../../scripts/lib/duckdb-node';

/** The bytes of a Parquet file holding the result of `select`. */
export async function parquetOf(select: string): Promise<ArrayBuffer> {
  const file = join(mkdtempSync(join(tmpdir(), 'herkomstkloof-parquet-')), 'test.parquet');
  const conn = await openMemory();
  await conn.run(`COPY (${select}) TO '${file.replace(/'/g, "''")}' (FORMAT parquet)`);
  conn.closeSync();
  return toArrayBuffer(readFileSync(file));
}

/** A standalone ArrayBuffer with a copy of the bytes (a Node Buffer may share a larger pool). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}
