/**
 * npx tsx scripts/make-synthetic-extract.ts --rows 100000|1000000|10000000 [--row-group-size N]
 *
 * Writes bench-data/observations-synthetic-<rows>.parquet: a SYNTHETIC observations table for
 * benchmarks and tests, never figures from a source. Every indicator id starts with `synthetic_`,
 * every source is `synthetic`, and the file's key-value metadata says `synthetic: true`.
 * The columns are those of the extract's observations table (STORAGE_COLUMNS.observations).
 *
 * Rows are sorted by indicator and cut into row groups of about 1 % of the file, so one
 * indicator (1/40 of the rows) lies in a few row groups and a reader that fetches only those
 * (src/lib/db/remote-parquet.ts) transfers a small part of the file. zstd compressed.
 * Values are pseudo-random from DuckDB's hash(), so every run writes the same file.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { STORAGE_COLUMNS } from '../src/lib/data/storage';
import { openMemory } from './lib/duckdb-node';

export const SYNTHETIC_INDICATORS = 40;
const VECTOR = 2048; // DuckDB writes row groups in whole vectors of 2048 rows

export function indicatorId(n: number): string {
  return `synthetic_${String(n).padStart(3, '0')}`;
}

/** About 1 % of the rows, in whole vectors: each indicator then spans 3 to 5 row groups. */
export function defaultRowGroupSize(rows: number): number {
  return Math.max(VECTOR, Math.floor(rows / 100 / VECTOR) * VECTOR);
}

/** The SELECT that makes `rows` synthetic observations, sorted by indicator. */
export function syntheticSelect(rows: number): string {
  const perIndicator = Math.ceil(rows / SYNTHETIC_INDICATORS);
  // j: the row's place within its indicator; it walks through periods, then places, groups, sexes.
  const columns: Record<string, string> = {
    indicator: `'synthetic_' || lpad((i // ${perIndicator})::VARCHAR, 3, '0')`,
    geo: `'synthetic_geo_' || lpad(((j // 25) % 300)::VARCHAR, 3, '0')`,
    period: `(2000 + j % 25)::VARCHAR`,
    period_kind: `'year'`,
    period_start: `(2000 + j % 25)::VARCHAR || '-01-01'`,
    period_end: `(2000 + j % 25)::VARCHAR || '-12-31'`,
    period_sort: `2000.5 + j % 25`,
    year_start: `(2000 + j % 25)::INTEGER`,
    year_end: `(2000 + j % 25)::INTEGER`,
    group: `'synthetic_group_' || ((j // 7500) % 8)::VARCHAR`,
    sex: `['T', 'M', 'F'][1 + (j // 60000) % 3]`,
    age: `CASE (j // 180000) % 4 WHEN 0 THEN NULL WHEN 1 THEN '20-64' WHEN 2 THEN '15-24' ELSE '65+' END`,
    value: `round((hash(i) % 100000) / 1000.0, 1)`,
    source: `'synthetic'`,
    note: `CASE WHEN hash(i, 'note') % 100 = 0 THEN 'synthetic figure' END`,
    approx: `hash(i, 'approx') % 20 = 0`,
    note_en: `CASE WHEN hash(i, 'note') % 100 = 0 THEN 'synthetic figure' END`,
  };
  const select = STORAGE_COLUMNS.observations.map(([name, sqlType]) => {
    if (!(name in columns)) throw new Error(`no synthetic values for observations column "${name}"`);
    return `(${columns[name]})::${sqlType} AS "${name}"`;
  });
  return `SELECT ${select.join(',\n  ')}\nFROM (SELECT i, i % ${perIndicator} AS j FROM range(${rows}) t(i))`;
}

function argument(name: string, fallback?: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const text = at >= 0 ? process.argv[at + 1] : undefined;
  if (text === undefined) {
    if (fallback === undefined) throw new Error(`give --${name} N`);
    return fallback;
  }
  const n = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive whole number, not "${text}"`);
  return n;
}

async function main(): Promise<void> {
  const rows = argument('rows');
  const rowGroupSize = argument('row-group-size', defaultRowGroupSize(rows));
  const dir = join(process.cwd(), 'bench-data');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `observations-synthetic-${rows}.parquet`);
  const started = performance.now();
  const conn = await openMemory();
  const label = `Synthetic observations (${rows} rows) for benchmarks and tests, made by scripts/make-synthetic-extract.ts: not figures from any source.`;
  await conn.run(
    `COPY (${syntheticSelect(rows)}) TO '${file.replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${rowGroupSize}, ` +
      `KV_METADATA {synthetic: 'true', description: '${label.replace(/'/g, "''")}'})`,
  );
  // range() keeps its order through COPY (DuckDB preserves insertion order): check it did.
  const stats = await conn.runAndReadAll(
    `SELECT stats_min_value AS lo, stats_max_value AS hi FROM parquet_metadata('${file.replace(/'/g, "''")}') ` +
      `WHERE path_in_schema = 'indicator' ORDER BY row_group_id`,
  );
  conn.closeSync();
  const groups = stats.getRowObjectsJS() as { lo: string; hi: string }[];
  if (groups.some((g, i) => i > 0 && g.lo < groups[i - 1].hi)) throw new Error(`${file} is not sorted by indicator`);
  const groupCount = groups.length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${file}: ${rows} rows, ${groupCount} row groups of ${rowGroupSize}, ${statSync(file).size} bytes, ${seconds} s`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
