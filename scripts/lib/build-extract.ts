/**
 * Build the extract: validate the curated CSVs, write Parquet files, manifest.json and
 * boot.json (catalog + the default view's rows, so the first chart needs no engine).
 */
import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TABLE_NAMES, type TableName } from '../../src/lib/data/schema';
import { validateDataset, type ValidationProblem } from '../../src/lib/data/validate';
import { createTableSql, STORAGE_COLUMNS } from '../../src/lib/data/storage';
import type { Catalog } from '../../src/lib/data/catalog';
import { defaultState, VIEWS } from '../../src/lib/state/view-state';
import { toDomain } from '../../src/lib/state/transitions';
import { needOf } from '../../src/lib/views/index';
import { loadNeed } from '../../src/lib/views/load';
import { fnv1a64, prebuiltFile } from '../../src/lib/views/prebuilt';
import { DOMAINS } from '../../src/lib/data/schema';
import type { BootData, Manifest } from '../../src/lib/data/manifest';
import type { Dataset } from '../../src/lib/data/types';
import { coverageQuery, geosQuery, groupsQuery, indicatorsQuery, targetsQuery } from '../../src/lib/queries/catalog';
import { openExtract, openMemory, runQuery } from './duckdb-node';

export class ValidationFailed extends Error {
  constructor(readonly problems: ValidationProblem[]) {
    super(`${problems.length} problem(s) in the curated data`);
  }
}

export async function readTexts(dataDir: string): Promise<Partial<Record<TableName, string>>> {
  const texts: Partial<Record<TableName, string>> = {};
  for (const name of TABLE_NAMES) {
    const file = join(dataDir, `${name}.csv`);
    if (existsSync(file)) texts[name] = await readFile(file, 'utf8');
  }
  return texts;
}

async function writeParquet(dataset: Dataset, outDir: string): Promise<Manifest['tables']> {
  const conn = await openMemory();
  const tables = {} as Manifest['tables'];
  for (const name of TABLE_NAMES) {
    await conn.run(createTableSql(name));
    const cols = STORAGE_COLUMNS[name];
    const insert = await conn.prepare(`INSERT INTO ${name} VALUES (${cols.map(() => '?').join(', ')})`);
    for (const row of dataset[name] as unknown as Record<string, unknown>[]) {
      cols.forEach(([col, type], i) => {
        const v = row[col];
        if (v === null || v === undefined) insert.bindNull(i + 1);
        else if (type === 'VARCHAR') insert.bindVarchar(i + 1, String(v));
        else if (type === 'INTEGER') insert.bindInteger(i + 1, Number(v));
        else insert.bindDouble(i + 1, Number(v));
      });
      await insert.run();
    }
    const file = join(outDir, `${name}.parquet`);
    await conn.run(`COPY ${name} TO '${file.replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION snappy)`);
    const bytes = await readFile(file);
    tables[name] = {
      file: `${name}.parquet`,
      rows: dataset[name].length,
      bytes: (await stat(file)).size,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
  }
  conn.closeSync();
  return tables;
}

async function buildBoot(version: string, outDir: string): Promise<BootData> {
  const conn = await openExtract(outDir);
  const catalog: Catalog = {
    indicators: await runQuery(conn, indicatorsQuery),
    groups: await runQuery(conn, groupsQuery),
    geos: await runQuery(conn, geosQuery),
    targets: await runQuery(conn, targetsQuery),
    coverage: await runQuery(conn, coverageQuery),
  };
  const state = defaultState(catalog);
  if (state.geos.length === 0) throw new Error('the extract has no observations to show');
  const runner = { query: <T>(q: Parameters<typeof runQuery>[1]) => runQuery(conn, q) as Promise<T[]> };
  const needs = new Map<string, ReturnType<typeof needOf>['need']>();
  for (const domain of DOMAINS) {
    const opening = toDomain(catalog, state, domain)?.state;
    if (!opening) continue;
    for (const view of VIEWS) {
      const { need, key } = needOf(catalog, { ...opening, view });
      needs.set(key, need);
    }
  }
  const views = [];
  for (const need of needs.values()) views.push(await loadNeed(runner, catalog, need));

  // Every other indicator's opening choice in every view, as a file of its own fetched on demand:
  // a shared link to any of them draws without waiting for the engine.
  await mkdir(join(outDir, 'views'), { recursive: true });
  const prebuilt: string[] = [];
  for (const indicator of catalog.indicators.filter((i) => catalog.coverage.some((r) => r.indicator === i.id))) {
    const opening = defaultState(catalog, indicator.id);
    if (opening.geos.length === 0) continue;
    for (const view of VIEWS) {
      const { need, key } = needOf(catalog, { ...opening, view });
      if (needs.has(key) || prebuilt.includes(key)) continue;
      const data = await loadNeed(runner, catalog, need);
      await writeFile(join(outDir, prebuiltFile(key)), JSON.stringify(data));
      prebuilt.push(key);
    }
  }
  conn.closeSync();
  return { version, catalog, views, prebuilt: prebuilt.map((k) => fnv1a64(k)) };
}

/**
 * The curated CSV files (and the data README) as one zip, for researchers who download the whole
 * extract. Fixed timestamps, so the same data always give the same bytes.
 */
async function zipOfCsv(dataDir: string): Promise<Uint8Array> {
  const names = (await readdir(dataDir)).filter((n) => n.endsWith('.csv') || n === 'README.md' || n === 'SOURCES.md').sort();
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const n of names)
    files[`herkomstkloof-data/${n}`] = [new Uint8Array(await readFile(join(dataDir, n))), { mtime: new Date('2026-01-01T00:00:00Z') }];
  return zipSync(files, { level: 9 });
}

/** Validate `dataDir` and write the extract into `outDir` (replacing what was there). */
export async function buildExtract(dataDir: string, outDir: string): Promise<Manifest> {
  const { dataset, problems } = validateDataset(await readTexts(dataDir));
  if (!dataset) throw new ValidationFailed(problems);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const tables = await writeParquet(dataset, outDir);
  const version = createHash('sha256')
    .update(TABLE_NAMES.map((n) => tables[n].sha256).join('\n'))
    .digest('hex')
    .slice(0, 12);
  const csvZip = `herkomstkloof-${version}-csv.zip`;
  await writeFile(join(outDir, csvZip), await zipOfCsv(dataDir));
  const manifest: Manifest = { version, built: new Date().toISOString(), tables, downloads: { csvZip } };
  await writeFile(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await writeFile(join(outDir, 'boot.json'), JSON.stringify(await buildBoot(version, outDir)));
  return manifest;
}
