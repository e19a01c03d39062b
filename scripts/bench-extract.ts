/**
 * npm run bench:extract [-- --sizes 100k,1m,10m] [--runs 3] [--timeout-s 300] [--note "text"] [--md-only]
 *
 * How the browser should load the product's extract when it grows to millions of rows (issue 12,
 * point 7): the ways compared in one run, in headless Chromium, on SYNTHETIC extracts with the
 * app's observations columns (scripts/make-synthetic-extract.ts, sorted by indicator, zstd):
 *
 *   arrow          the app's way today: the whole Parquet file fetched, decoded column by column into
 *                  one Arrow table by src/lib/db/parquet-to-arrow.ts (as it is), inserted into DuckDB
 *   arrow-streamed the same decoder, one Arrow table per row group, each appended as it is decoded
 *   duckdb-file    a DuckDB database file built from the same Parquet at build time (Node's DuckDB,
 *                  the engine the browser runs), fetched whole and attached read-only from a buffer
 *   duckdb-range   the same database file registered by URL (DuckDB-WASM's HTTP protocol) and
 *                  attached: meant to read only the blocks a query touches. DuckDB-WASM 1.32 fetched
 *                  the whole file in one GET without a Range header here (directIO on or off; with
 *                  `allowFullHTTPReads: false` the attach failed, "database does not exist"), and
 *                  the table says what it fetched
 *   parquet-range  one indicator's row groups and the view's columns read by range requests
 *                  (src/lib/db/remote-parquet.ts, as it is), inserted into DuckDB
 *
 * Each way runs in a fresh browser context on a blank page (bundled by esbuild into
 * bench-data/extract-page/, removed afterwards) that starts the app's DuckDB worker and wasm from
 * dist/assets. Per run: ready (from the first fetch to a table a query can read), the view query
 * (one indicator, the ten columns a view needs) first and then the median of 10 repeats, the bytes
 * Chromium received for the data file (CDP), and the peak memory of the renderer processes
 * (scripts/lib/chromium-memory.ts). Engine start is left out: it is the same for every way.
 *
 * BENCH_LOG=1 prints each request for the data file with its Range header.
 *
 * Writes bench-results/extract.json and extract.md. Run `npm run build` first (for the worker and
 * wasm in dist/assets).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { ROOT, startHarness, type Harness } from '../tests/e2e/harness';
// @ts-expect-error plain ESM module without types
import { startServer } from './serve.mjs';
import { openMemory } from './lib/duckdb-node';
import { browserPid, startSampler } from './lib/chromium-memory';
import { compressed } from './lib/precompress-plugin';
import { stats, syntheticExtractFile, type Stats } from './lib/bench-common';

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const SIZES = { '100k': 100_000, '1m': 1_000_000, '10m': 10_000_000 } as const;
type Size = keyof typeof SIZES;
const WAYS = ['arrow', 'arrow-streamed', 'duckdb-file', 'duckdb-range', 'parquet-range'] as const;
type Way = (typeof WAYS)[number];
const sizes = (argument('sizes') ?? '100k,1m,10m').split(',').map((s) => s.trim().toLowerCase()) as Size[];
for (const s of sizes) if (!(s in SIZES)) throw new Error(`--sizes: unknown size ${s} (100k, 1m, 10m)`);
const RUNS = Math.max(1, Number(argument('runs') ?? 3));
const NOTE = argument('note');
const MD_ONLY = process.argv.includes('--md-only');
const DATA = join(ROOT, 'bench-data');
const RESULTS = join(ROOT, 'bench-results');
const PAGE_DIR = join(DATA, 'extract-page');
const INDICATOR = 'synthetic_017';
const VIEW_COLUMNS = ['indicator', 'geo', 'period', 'period_sort', 'group', 'sex', 'age', 'value', 'source', 'approx'];
const REPEATS = 10;
const RUN_TIMEOUT_S = Math.max(10, Number(argument('timeout-s') ?? 300));

// ---- input files --------------------------------------------------------------------------------

/** The database file the build would write: the Parquet file's rows, in its order, as one table. */
async function databaseFile(parquet: string): Promise<string> {
  const file = parquet.replace(/\.parquet$/, '.duckdb');
  if (existsSync(file) && statSync(file).mtimeMs >= statSync(parquet).mtimeMs) return file;
  rmSync(file, { force: true });
  rmSync(`${file}.wal`, { force: true });
  const conn = await openMemory();
  const quoted = (path: string) => `'${path.replace(/'/g, "''")}'`;
  await conn.run(`ATTACH ${quoted(file)} AS x`);
  await conn.run(`CREATE TABLE x.observations AS SELECT * FROM read_parquet(${quoted(parquet)})`);
  await conn.run('DETACH x');
  conn.closeSync();
  return file;
}

// ---- the page -----------------------------------------------------------------------------------

const ENTRY = `
import * as duckdb from '@duckdb/duckdb-wasm';
import { parquetRowGroups, parquetToArrow } from ${JSON.stringify(join(ROOT, 'src/lib/db/parquet-to-arrow.ts'))};
import { readRemoteParquet } from ${JSON.stringify(join(ROOT, 'src/lib/db/remote-parquet.ts'))};

const settings = JSON.parse(document.body.dataset.settings);
const worker = new Worker(settings.worker);
const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
await db.instantiate(new URL(settings.wasm, location.href).href);
await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true }, allowUnsignedExtensions: false });
const conn = await db.connect();
await conn.query('SET autoinstall_known_extensions = false');
await conn.query('SET autoload_known_extensions = false');

const viewSql = (table) => 'SELECT ' + settings.columns.map((c) => '"' + c + '"').join(', ') + ' FROM ' + table +
  " WHERE indicator = '" + settings.indicator + "' ORDER BY geo, period_sort, \\"group\\", sex, age";

async function load(way) {
  const parquetUrl = new URL('extract.parquet', location.href).href;
  const dbUrl = new URL('extract.duckdb', location.href).href;
  switch (way) {
    case 'arrow': {
      const buffer = await (await fetch(parquetUrl)).arrayBuffer();
      await conn.insertArrowTable(await parquetToArrow(buffer), { name: 'observations' });
      return 'observations';
    }
    case 'arrow-streamed': {
      const buffer = await (await fetch(parquetUrl)).arrayBuffer();
      let first = true;
      for await (const table of parquetRowGroups(buffer)) {
        await conn.insertArrowTable(table, { name: 'observations', create: first });
        first = false;
      }
      return 'observations';
    }
    case 'duckdb-file': {
      const bytes = new Uint8Array(await (await fetch(dbUrl)).arrayBuffer());
      await db.registerFileBuffer('extract.duckdb', bytes);
      await conn.query("ATTACH 'extract.duckdb' AS x (READ_ONLY)");
      return 'x.observations';
    }
    case 'duckdb-range': {
      await db.registerFileURL('extract.duckdb', dbUrl, duckdb.DuckDBDataProtocol.HTTP, false);
      await conn.query("ATTACH 'extract.duckdb' AS x (READ_ONLY)");
      return 'x.observations';
    }
    case 'parquet-range': {
      const read = await readRemoteParquet(parquetUrl, { where: { column: 'indicator', value: settings.indicator }, columns: settings.columns });
      await conn.insertArrowTable(read.table, { name: 'observations' });
      return 'observations';
    }
  }
  throw new Error('unknown way ' + way);
}

window.runWay = async (way) => {
  const started = performance.now();
  let table;
  try {
    table = await load(way);
  } catch (e) {
    return { error: String(e && e.message ? e.message : e).split('\\n')[0].slice(0, 200) };
  }
  const ready = performance.now() - started;
  const times = [];
  let rows = 0;
  let sum = 0;
  for (let i = 0; i <= settings.repeats; i++) {
    const t0 = performance.now();
    const result = await conn.query(viewSql(table));
    times.push(performance.now() - t0);
    rows = result.numRows;
    sum = 0;
    for (const v of result.getChild('value').toArray()) sum += v ?? 0;
  }
  const repeats = times.slice(1).sort((a, b) => a - b);
  return { ready, firstQuery: times[0], queryMedian: repeats[Math.floor(repeats.length / 2)], rows, sum };
};
document.body.dataset.ready = '1';
`;

function writePage(parquet: string, database: string): void {
  rmSync(PAGE_DIR, { recursive: true, force: true });
  mkdirSync(PAGE_DIR, { recursive: true });
  const assets = readdirSync(join(ROOT, 'dist', 'assets'));
  const worker = assets.find((f) => f.startsWith('duckdb-browser-eh.worker') && f.endsWith('.js'));
  const wasm = assets.find((f) => f.startsWith('duckdb-eh') && f.endsWith('.wasm'));
  if (!worker || !wasm) throw new Error('no DuckDB worker or wasm in dist/assets: run `npm run build` first');
  for (const f of [worker, wasm]) copyFileSync(join(ROOT, 'dist', 'assets', f), join(PAGE_DIR, f));
  writeFileSync(join(PAGE_DIR, 'entry.js'), ENTRY);
  const built = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'esbuild'),
    [join(PAGE_DIR, 'entry.js'), '--bundle', '--format=esm', '--target=es2022', '--minify', `--outfile=${join(PAGE_DIR, 'page.js')}`],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`esbuild: ${built.stderr}`);
  const settings = JSON.stringify({ worker, wasm, indicator: INDICATOR, columns: VIEW_COLUMNS, repeats: REPEATS }).replace(/"/g, '&quot;');
  writeFileSync(
    join(PAGE_DIR, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>extract</title></head><body data-settings="${settings}"><script type="module" src="page.js"></script></body></html>`,
  );
  linkSync(parquet, join(PAGE_DIR, 'extract.parquet'));
  linkSync(database, join(PAGE_DIR, 'extract.duckdb'));
}

// ---- one run ------------------------------------------------------------------------------------

interface Run {
  error?: string;
  ready?: number;
  firstQuery?: number;
  queryMedian?: number;
  rows?: number;
  sum?: number;
  bytes: number;
  requests: number;
  rendererRss: number;
  rendererPss: number;
  rssBefore: number;
}

/**
 * What the server sent for the data file during a run, counted where it is sent: DuckDB's worker
 * reads the database file by synchronous requests that the page's CDP session does not report.
 */
const served = { requests: 0, bytes: 0 };

function countDataRequests(server: Server): void {
  server.on('request', (req, res) => {
    if (!/\/extract\.(parquet|duckdb)$/.test(new URL(req.url ?? '/', 'http://x').pathname)) return;
    served.requests++;
    if (process.env.BENCH_LOG) console.log(req.method, req.url, req.headers.range ?? '');
    if (req.method === 'HEAD') return;
    // Bodies as written (the server sets its headers with writeHead, so they are not readable here).
    const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
    const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => typeof res;
    const count = (chunk: unknown) => {
      if (chunk && typeof chunk !== 'function')
        served.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : (chunk as Uint8Array).byteLength;
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => (count(chunk), write(chunk, ...rest))) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => (count(chunk), end(chunk, ...rest))) as typeof res.end;
  });
}

async function runOnce(h: Harness, root: number, url: string, way: Way): Promise<Run> {
  const context = await h.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  served.requests = 0;
  served.bytes = 0;
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.ready === '1', null, { timeout: 60_000 });
  const sampler = startSampler(root, cdp);
  let result: Omit<Run, 'bytes' | 'requests' | 'rendererRss' | 'rendererPss' | 'rssBefore'>;
  try {
    const ran = page.evaluate((w) => (window as unknown as { runWay: (w: string) => Promise<unknown> }).runWay(w), way);
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${RUN_TIMEOUT_S} s`)), RUN_TIMEOUT_S * 1000),
    );
    result = (await Promise.race([ran, timeout])) as typeof result;
  } catch (e) {
    result = { error: `the page failed: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}` };
  }
  await new Promise((r) => setTimeout(r, 200));
  const peaks = await sampler.stop();
  await context.close();
  return {
    ...result,
    requests: served.requests,
    bytes: served.bytes,
    rendererRss: peaks.rendererRss,
    rendererPss: peaks.rendererPss,
    rssBefore: peaks.rssBefore,
  };
}

// ---- statistics and output ----------------------------------------------------------------------

interface Case {
  size: Size;
  rows: number;
  way: Way;
  file: string;
  fileBytes: number;
  /** The file as the build would precompress it (brotli, scripts/lib/precompress-plugin.ts): what a whole-file GET transfers from a host that sends it so. */
  fileBrotli?: number;
  runs: number;
  errors: string[];
  ready: Stats;
  firstQuery: Stats;
  queryMedian: Stats;
  viewRows: number | null;
  viewSum: number | null;
  bytes: Stats;
  requests: number;
  rendererRss: Stats;
  rendererPss: Stats;
  rssBefore: Stats;
}

interface Result {
  date: string;
  machine: string;
  load: { start: number[]; end: number[] };
  note: string | null;
  cases: Case[];
}

const ms = (s: Stats) => (s ? `${s.median.toLocaleString('en')} ms (${s.min.toLocaleString('en')}–${s.max.toLocaleString('en')})` : '–');
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e6 ? 2 : 1)} MB`;
const mbStats = (s: Stats) => (s ? mb(s.median) : '–');

/** Each case's file size under brotli, as the build compresses (computed once per file, cached by content). */
function withCompressedSizes(r: Result): Result {
  const sizes = new Map<string, number>();
  for (const c of r.cases) {
    if (c.fileBrotli !== undefined) continue;
    if (!sizes.has(c.file)) sizes.set(c.file, compressed(readFileSync(join(ROOT, c.file)), 'br').length);
    c.fileBrotli = sizes.get(c.file);
  }
  return r;
}

function markdown(r: Result): string {
  const lines = [
    `# Loading the extract at scale (scripts/bench-extract.ts), ${r.date}`,
    '',
    `${r.machine}. Load average (1, 5, 15 min) at the start ${r.load.start.join(', ')}, at the end ${r.load.end.join(', ')}.${r.note ? ` Note: ${r.note}` : ''}`,
    '',
    'SYNTHETIC observations (scripts/make-synthetic-extract.ts: 17 columns, sorted by indicator, 40 indicators, zstd Parquet with row groups of about 1 % of the rows); the database file holds the same rows, written by Node’s DuckDB 1.4.3 (the engine DuckDB-WASM 1.32 runs). A blank page with the app’s DuckDB worker and wasm; each way in a fresh context, cache off; engine start left out. Ready: from the first fetch to a table a query can read. View query: one indicator (1/40 of the rows), the ten columns a view needs, ordered; the first run, then the median of 10 repeats. Data file (brotli): its size, and its size brotli-compressed as the build precompresses files (scripts/lib/precompress-plugin.ts), which is what a whole-file GET transfers from a host that sends the compressed copy (here it was sent uncompressed). Bytes: the bodies the server sent for the data file (Content-Length of each GET, counted in the server: DuckDB’s worker reads the database file by synchronous requests the page’s CDP session does not see); requests include HEADs. Memory: peak RSS and PSS summed over the renderer processes (the page’s renderer runs DuckDB’s worker), sampled every 100 ms. Medians of the runs, ranges in brackets.',
    '',
    '| rows | way | data file (brotli) | ready | first view query | view query, median of 10 | bytes received | share of the file | peak renderer RSS | peak renderer PSS | outcome |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const c of r.cases) {
    const share = c.bytes ? `${((c.bytes.median / c.fileBytes) * 100).toFixed(1)} %` : '–';
    const outcome = c.errors.length
      ? `${c.runs - c.errors.length} of ${c.runs} ran; ${c.errors[0]}`
      : `${c.runs}× ${c.viewRows?.toLocaleString('en')} rows`;
    lines.push(
      `| ${c.rows.toLocaleString('en')} | ${c.way} | ${c.file} (${mb(c.fileBytes)}; ${c.fileBrotli ? mb(c.fileBrotli) : '–'}) | ${ms(c.ready)} | ${ms(c.firstQuery)} | ${ms(c.queryMedian)} | ${c.bytes ? mb(c.bytes.median) : '–'} in ${c.requests} request${c.requests === 1 ? '' : 's'} | ${share} | ${mbStats(c.rendererRss)} | ${mbStats(c.rendererPss)} | ${outcome} |`,
    );
  }
  // Every way that ran must have drawn the same view: the same rows and the same sum of values.
  const disagreements = [...new Set(r.cases.map((c) => c.size))]
    .map((size) => r.cases.filter((c) => c.size === size && c.viewRows !== null))
    .filter((cs) => new Set(cs.map((c) => `${c.viewRows}|${c.viewSum?.toFixed(3)}`)).size > 1)
    .map((cs) => cs[0].size);
  lines.push(
    '',
    disagreements.length
      ? `**The ways disagree on the view's rows or values at ${disagreements.join(', ')}.**`
      : 'Every way that ran returned the same view (rows and the sum of its values agree).',
  );
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  if (MD_ONLY) {
    const saved = withCompressedSizes(JSON.parse(readFileSync(join(RESULTS, 'extract.json'), 'utf8')) as Result);
    writeFileSync(join(RESULTS, 'extract.json'), JSON.stringify(saved, null, 2) + '\n');
    writeFileSync(join(RESULTS, 'extract.md'), markdown(saved));
    console.log(markdown(saved));
    return;
  }
  const loadAtStart = loadavg();
  const h = await startHarness();
  const root = browserPid();
  const chromium = h.browser.version();
  const cases: Case[] = [];
  try {
    for (const size of sizes) {
      const rows = SIZES[size];
      const parquet = syntheticExtractFile(rows);
      const database = await databaseFile(parquet);
      writePage(parquet, database);
      const { server, url } = (await startServer({ root: PAGE_DIR, port: 0, csp: false })) as { server: Server; url: string };
      countDataRequests(server);
      try {
        for (const way of WAYS) {
          const file = way.startsWith('duckdb') ? database : parquet;
          const runs: Run[] = [];
          for (let i = 0; i < RUNS; i++) {
            const run = await runOnce(h, root, url, way);
            console.log(`${size} ${way} ${i + 1}/${RUNS}: ${JSON.stringify(run)}`);
            runs.push(run);
            if (run.error) break; // a way that fails fails again: one run says so
          }
          const ok = runs.filter((r) => !r.error);
          cases.push({
            size,
            rows,
            way,
            file: file.slice(ROOT.length + 1),
            fileBytes: statSync(file).size,
            runs: runs.length,
            errors: runs.flatMap((r) => (r.error ? [r.error] : [])),
            ready: stats(ok.map((r) => r.ready!)),
            firstQuery: stats(ok.map((r) => r.firstQuery!)),
            queryMedian: stats(ok.map((r) => r.queryMedian!)),
            viewRows: ok[0]?.rows ?? null,
            viewSum: ok[0]?.sum ?? null,
            bytes: stats(ok.map((r) => r.bytes)),
            requests: ok.at(-1)?.requests ?? runs.at(-1)?.requests ?? 0,
            rendererRss: stats(runs.map((r) => r.rendererRss)),
            rendererPss: stats(runs.map((r) => r.rendererPss)),
            rssBefore: stats(runs.map((r) => r.rssBefore)),
          });
        }
      } finally {
        await new Promise((r) => server.close(() => r(null)));
      }
    }
  } finally {
    await h.close();
    // Leave no bundle behind for `eslint .` to find (it does not read .gitignore).
    rmSync(PAGE_DIR, { recursive: true, force: true });
  }
  const result: Result = withCompressedSizes({
    date: new Date().toISOString(),
    machine: `${cpus()[0]?.model.split(' ').slice(0, 2).join(' ')}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}; Chromium ${chromium} headless`,
    load: { start: loadAtStart.map((x) => Math.round(x * 100) / 100), end: loadavg().map((x) => Math.round(x * 100) / 100) },
    note: NOTE ?? null,
    cases,
  });
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'extract.json'), JSON.stringify(result, null, 2) + '\n');
  writeFileSync(join(RESULTS, 'extract.md'), markdown(result));
  console.log(markdown(result));
}

await main();
