/**
 * npm run bench:own [-- --runs N] [--sizes 100k,1m,10m] [--formats csv,parquet] [--timeout-s 600]
 *                      [--range-runs 3 | --no-range | --only-range] [--note "text"] [--md-only] [--out own-1m]
 *
 * "Bring your own data", timed in headless Chromium on the production build (served as
 * `npm run bench` serves it, scripts/bench.ts): a SYNTHETIC long file (`indicator;gemeente;jaar;
 * herkomst;waarde`, `;` and decimal commas, as a Flemish spreadsheet saves it) is chosen in the
 * "Eigen gegevens verkennen" panel, its columns read, every row checked, and the figures added and
 * charted. Only the panel's data-testids are used, so the script does not depend on how the app
 * does it. Each run is a fresh browser context. Per run:
 *
 *   read   setInputFiles → `own-mapping` visible
 *   check  click `own-check` → `own-report` visible
 *   add    click `own-add` → `own-done` and the chart panel ready, showing one of the file's indicators
 *   drop→chart  their sum: machine time from the drop to the chart, the user's review left out
 *   peak renderer RSS  every 100 ms, the RSS (/proc/<pid>/statm) of every Chromium renderer process
 *          of this browser (descendants of the browser process with --type=renderer) summed; the
 *          maximum of that sum over the flow. The DuckDB worker runs in the page's renderer, so its
 *          WebAssembly memory is in it. Also kept: the same sum by PSS (smaps_rollup; shared pages
 *          counted once), the largest single renderer, and the RSS of all the browser's processes.
 *   peak JS heap  CDP Runtime.getHeapUsage of the page's main thread, sampled as often as it
 *          answers (at most every 100 ms; a busy main thread answers late). Not the worker's heap.
 *   longest task  a PerformanceObserver for 'longtask' (main thread) installed before the page
 *          loads: the longest task during the flow and the sum of all long tasks in it
 *   outcome  charted, the text of `own-error`, a crash (the page's `crash` event: renderer gone),
 *          a timeout (--timeout-s per step), or blocked (`own-check` disabled by mapping problems)
 *
 * Input files: bench-data/synthetic-own-<size>.csv and .parquet (made when missing, reused when
 * their size matches the sidecar .json; deterministic). Parquet: the same rows written by Node's
 * DuckDB (zstd, row groups of 100,000 rows), text columns but waarde as DOUBLE.
 *
 * Also, in the browser, the "range-request view": src/lib/db/remote-parquet.ts bundled by esbuild
 * into a tiny page (bench-data/range-page/, removed afterwards; nothing in src/ touched) reading
 * one indicator of the 10M-row synthetic extract (scripts/make-synthetic-extract.ts, made when
 * missing) from a local server with Range support; the bytes Chromium received for the file are
 * counted from CDP Network events.
 *
 * Writes bench-results/own.json and bench-results/own.md (--out NAME: NAME.json and .md; --only-range: own-range.json and .md;
 * --md-only: own.md again from own.json). Run `npm run data && npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { once } from 'node:events';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT, startHarness, type Harness } from '../tests/e2e/harness';
// @ts-expect-error plain ESM module without types
import { startServer } from './serve.mjs';
import { openMemory } from './lib/duckdb-node';
import { median, stats, syntheticExtractFile, type Stats } from './lib/bench-common';
import { browserPid, PAGE_BYTES, SAMPLE_MS, startSampler, type Peaks } from './lib/chromium-memory';

// ---- options ------------------------------------------------------------------------------------

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const SIZES = {
  '100k': 3, // indicators: 3 × 300 places × 20 years × 5 groups = 90,000 rows
  '1m': 34, // 1,020,000 rows
  '10m': 334, // 10,020,000 rows
} as const;
type Size = keyof typeof SIZES;
const FORMATS = ['csv', 'parquet'] as const;
type Format = (typeof FORMATS)[number];

const sizes = (argument('sizes') ?? '100k,1m,10m').split(',').map((s) => s.trim().toLowerCase()) as Size[];
const formats = (argument('formats') ?? 'csv,parquet').split(',').map((s) => s.trim().toLowerCase()) as Format[];
for (const s of sizes) if (!(s in SIZES)) throw new Error(`--sizes: unknown size "${s}" (${Object.keys(SIZES).join(', ')})`);
for (const f of formats) if (!FORMATS.includes(f)) throw new Error(`--formats: unknown format "${f}" (${FORMATS.join(', ')})`);
const runsArg = argument('runs');
const runsFor = (size: Size) => Math.max(1, Number(runsArg ?? (size === '10m' ? 1 : 3)));
const STEP_TIMEOUT = Math.max(10, Number(argument('timeout-s') ?? 600)) * 1000;
const RANGE_RUNS = process.argv.includes('--no-range') ? 0 : Math.max(1, Number(argument('range-runs') ?? 3));
const NOTE = argument('note');
/** Write own.md again from bench-results/own.json, measuring nothing. */
const MD_ONLY = process.argv.includes('--md-only');
/** Only the range-request view, no own-data runs; written to bench-results/own-range.json and .md. */
const ONLY_RANGE = process.argv.includes('--only-range');

const DATA = join(ROOT, 'bench-data');
const RESULTS = join(ROOT, 'bench-results');

// ---- synthetic input files ----------------------------------------------------------------------

/** mulberry32: a small seeded PRNG, so every run writes the same files. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bump when the generator changes: files written by another version are made again. */
const GENERATOR_VERSION = 1;
const HEADER = 'indicator;gemeente;jaar;herkomst;waarde';
const GROUPS = ['Belgische herkomst', 'Buitenlandse herkomst', 'EU-herkomst', 'Niet-EU-herkomst', 'Totaal'];
const YEARS = Array.from({ length: 20 }, (_, i) => String(2005 + i));
const PLACE_COUNT = 300;
/** Real NIS codes of the 13 central cities (the catalogue knows them); the other places are made up. */
const REAL_PLACES = ['44021', '11002', '41002', '24062', '31005', '71022', '12025', '34022', '46021', '35013', '13040', '71016', '36015'];
/** Arrondissement prefixes of Flemish and Brussels NIS codes, for made-up but plausible codes. */
const PREFIXES = [
  '11',
  '12',
  '13',
  '21',
  '23',
  '24',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '38',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '71',
  '72',
  '73',
];
const INDICATOR_PREFIX = 'Synthetische indicator';
const indicatorName = (n: number) => `${INDICATOR_PREFIX} ${String(n + 1).padStart(3, '0')}`;

function places(): string[] {
  const random = mulberry32(20261201);
  const out = new Set(REAL_PLACES);
  while (out.size < PLACE_COUNT) {
    const code = PREFIXES[Math.floor(random() * PREFIXES.length)] + String(100 + Math.floor(random() * 900)).padStart(3, '0');
    out.add(code);
  }
  return [...out];
}

interface FileSet {
  size: Size;
  rows: number;
  csv: string;
  parquet: string;
  csvBytes: number;
  parquetBytes: number;
}

const rowsOf = (size: Size) => SIZES[size] * PLACE_COUNT * YEARS.length * GROUPS.length;

async function writeCsv(file: string, indicators: number): Promise<void> {
  const random = mulberry32(7 + GENERATOR_VERSION);
  const geos = places();
  const tmp = file + '.tmp';
  const out = createWriteStream(tmp);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(HEADER + '\n');
  for (let i = 0; i < indicators; i++) {
    const name = indicatorName(i);
    for (const geo of geos) {
      const lines: string[] = [];
      for (const year of YEARS) {
        for (const group of GROUPS) {
          const value = (random() * 100).toFixed(1).replace('.', ',');
          lines.push(`${name};${geo};${year};${group};${value}`);
        }
      }
      await write(lines.join('\n') + '\n');
    }
  }
  out.end();
  await once(out, 'finish');
  renameSync(tmp, file);
}

async function writeParquet(csv: string, file: string): Promise<void> {
  const conn = await openMemory();
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const tmp = file + '.tmp';
  await conn.run(
    `COPY (SELECT indicator, gemeente, jaar, herkomst, replace(waarde, ',', '.')::DOUBLE AS waarde
           FROM read_csv(${q(csv)}, delim = ';', header = true, all_varchar = true))
     TO ${q(tmp)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)`,
  );
  const count = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet(${q(tmp)})`);
  conn.closeSync();
  const n = (count.getRowObjectsJS()[0] as { n: number }).n;
  if (n !== rowsOf(sizeOfFile(csv))) throw new Error(`${tmp}: ${n} rows, expected ${rowsOf(sizeOfFile(csv))}`);
  renameSync(tmp, file);
}

const sizeOfFile = (path: string) => /synthetic-own-(\w+)\.csv$/.exec(path)![1] as Size;

/** The size's files, made when missing or when they do not match their sidecar description. */
async function inputFiles(size: Size): Promise<FileSet> {
  mkdirSync(DATA, { recursive: true });
  const base = join(DATA, `synthetic-own-${size}`);
  const set: FileSet = { size, rows: rowsOf(size), csv: `${base}.csv`, parquet: `${base}.parquet`, csvBytes: 0, parquetBytes: 0 };
  const metaFile = `${base}.json`;
  const meta = existsSync(metaFile) ? (JSON.parse(readFileSync(metaFile, 'utf8')) as Partial<FileSet> & { version?: number }) : {};
  const sizeOk = (path: string, bytes?: number) => existsSync(path) && statSync(path).size === bytes;
  const fresh = meta.version === GENERATOR_VERSION && meta.rows === set.rows;
  let made = false;
  if (!fresh || !sizeOk(set.csv, meta.csvBytes)) {
    const t = performance.now();
    await writeCsv(set.csv, SIZES[size]);
    console.log(`wrote ${set.csv} (${set.rows} rows) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    made = true;
  }
  if (made || !sizeOk(set.parquet, meta.parquetBytes)) {
    const t = performance.now();
    await writeParquet(set.csv, set.parquet);
    console.log(`wrote ${set.parquet} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  set.csvBytes = statSync(set.csv).size;
  set.parquetBytes = statSync(set.parquet).size;
  writeFileSync(
    metaFile,
    JSON.stringify(
      { version: GENERATOR_VERSION, synthetic: true, rows: set.rows, csvBytes: set.csvBytes, parquetBytes: set.parquetBytes },
      null,
      2,
    ),
  );
  return set;
}

/** Read a file once so every run finds it in the OS cache, as the first did not. */
async function warmFile(path: string): Promise<void> {
  const stream = createReadStream(path, { highWaterMark: 1 << 22 });
  for await (const chunk of stream) void chunk;
}

// ---- one run ------------------------------------------------------------------------------------

/** Installed before the page's scripts: every main-thread long task, kept on window. Plain text (tsx would add `__name`). */
const LONGTASK_SCRIPT = `(() => {
  const tasks = [];
  window.__benchLongTasks = tasks;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { window.__benchLongTasksError = String(e); }
})();`;

/**
 * Installed before the page's scripts: the page's own clock at each step's start (the file input's
 * change event, a click on a testid) and end (the step's result in the DOM, then the next frame
 * painted: a frame callback and a task after it), kept on window. Playwright's own time (its clicks
 * wait for the element to be stable, its polling) is not the app's and stays out of these.
 */
const PAGE_CLOCK_SCRIPT = `(() => {
  const m = {};
  window.__benchClock = m;
  const ended = (k) => {
    if (k in m || (k + ':dom') in m) return;
    m[k + ':dom'] = performance.now();
    requestAnimationFrame(() => setTimeout(() => { m[k] = performance.now(); }, 0));
  };
  document.addEventListener('change', (e) => { if (e.target && e.target.type === 'file' && !('change' in m)) m.change = e.timeStamp; }, true);
  document.addEventListener('click', (e) => {
    const t = e.target && e.target.closest ? e.target.closest('[data-testid]') : null;
    if (t) m['click:' + t.getAttribute('data-testid')] = e.timeStamp;
  }, true);
  const seen = (id) => { const e = document.querySelector('[data-testid="' + id + '"]'); return !!e && e.getClientRects().length > 0; };
  new MutationObserver(() => {
    if (seen('own-choose')) ended('choose');
    if (seen('own-mapping')) ended('mapping');
    if (seen('own-report')) ended('report');
    const panel = document.querySelector('[data-testid="panel"]');
    if (document.querySelector('[data-testid="own-done"]') && panel && panel.getAttribute('data-status') === 'ready' && (panel.textContent || '').includes(${JSON.stringify(INDICATOR_PREFIX)})) ended('charted');
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

/** The page's clock for each step (see PAGE_CLOCK_SCRIPT); a read by indicator counts both its parts. */
function pageClock(m: Record<string, number>): { read?: number; check?: number; add?: number } {
  const span = (from: string, to: string) => (m[from] !== undefined && m[to] !== undefined ? m[to] - m[from] : undefined);
  const chose = m.choose !== undefined;
  const read = chose ? sum(span('change', 'choose'), span('click:own-load-chosen', 'mapping')) : span('change', 'mapping');
  return { read, check: span('click:own-check', 'report'), add: span('click:own-add', 'charted') };
}
const sum = (...xs: (number | undefined)[]) => (xs.every((x) => x !== undefined) ? xs.reduce((a, b) => a! + b!, 0) : undefined);

type Outcome = 'charted' | 'error' | 'crash' | 'timeout' | 'blocked';

interface Run {
  outcome: Outcome;
  /** Read by indicator: what was chosen and what of the file was fetched (the page's own words). */
  chose?: string;
  /** The step that did not finish (read, check, add), when the flow stopped early. */
  failedAt?: string;
  message?: string;
  readMs?: number;
  checkMs?: number;
  addMs?: number;
  totalMs?: number;
  /** The same steps by the page's clock (PAGE_CLOCK_SCRIPT). */
  page?: { read?: number; check?: number; add?: number; total?: number };
  peaks: Peaks;
  longestTaskMs?: number;
  longTasksMs?: number;
  longTaskCount?: number;
  pageErrors: string[];
  loadBefore: number;
}

const mark = (page: Page, name: string) =>
  page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, `herkomstkloof:${name}`, { timeout: 120_000 });

/**
 * Wait until the page is ready (any of the `ready` testids visible, or, for 'charted', the file's
 * chart drawn), or `own-error` shows, or the page crashes, or the time runs out. The predicate is
 * a function, not a string: the page's policy allows no string evaluated as script.
 */
async function step(
  page: Page,
  crashed: Promise<void>,
  ready: string[] | 'charted',
): Promise<{ result: 'ok' | 'error' | 'crash' | 'timeout'; ms: number; message?: string }> {
  const started = performance.now();
  let failure: string | null = null;
  const check = page
    .waitForFunction(
      ([want, prefix]) => {
        if (document.querySelector('[data-testid="own-error"]')) return 'error';
        if (want === 'charted') {
          const panel = document.querySelector('[data-testid="panel"]');
          const done =
            !!document.querySelector('[data-testid="own-done"]') &&
            !!panel &&
            panel.getAttribute('data-status') === 'ready' &&
            (panel.textContent ?? '').includes(prefix);
          return done ? 'ok' : false;
        }
        for (const testid of want) {
          const e = document.querySelector(`[data-testid="${testid}"]`);
          if (e && e.getClientRects().length > 0) return 'ok';
        }
        return false;
      },
      [ready, INDICATOR_PREFIX] as const,
      { timeout: STEP_TIMEOUT, polling: 50 },
    )
    .then(async (handle) => (await handle.jsonValue()) as 'ok' | 'error')
    .catch((e: unknown) => {
      if (/Timeout/i.test(String(e))) return 'timeout' as const;
      // Not the page's crash (that is the race below): the wait itself failed; say why.
      failure = `the benchmark could not watch the page: ${String(e instanceof Error ? e.message : e).split('\n')[0]}`;
      return 'error' as const;
    });
  const result = await Promise.race([check, crashed.then(() => 'crash' as const)]);
  const ms = performance.now() - started;
  if (failure) return { result, ms, message: failure };
  if (result === 'error') {
    const message = await page
      .getByTestId('own-error')
      .innerText()
      .catch(() => '(could not read the message)');
    return { result, ms, message };
  }
  return { result, ms };
}

async function runOnce(h: Harness, root: number, file: string): Promise<Run> {
  const context: BrowserContext = await h.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  let crashedNow = false;
  const crashed = new Promise<void>((resolve) =>
    page.once('crash', () => {
      crashedNow = true;
      resolve();
    }),
  );
  await page.addInitScript(LONGTASK_SCRIPT);
  await page.addInitScript(PAGE_CLOCK_SCRIPT);
  await page.goto(h.url);
  await mark(page, 'engine-ready');
  await page.locator('[data-testid="own-data"] > summary').click();
  await page.waitForLoadState('networkidle');
  const loadBefore = loadavg()[0];
  const cdp = await context.newCDPSession(page);
  const sampler = startSampler(root, cdp);
  const flowStart = await page.evaluate(() => performance.now());

  const run: Partial<Run> & { pageErrors: string[]; loadBefore: number } = { pageErrors, loadBefore };
  const stopAt = (failedAt: string, r: Awaited<ReturnType<typeof step>>) => {
    run.outcome = r.result === 'ok' ? 'charted' : r.result;
    run.failedAt = failedAt;
    if (r.message) run.message = r.message;
    if (r.result === 'timeout') run.message = `no ${failedAt} result within ${STEP_TIMEOUT / 1000} s`;
  };

  const started = performance.now();
  const read = await page
    .getByTestId('own-file')
    .setInputFiles(file, { timeout: STEP_TIMEOUT })
    .then(() => step(page, crashed, ['own-mapping', 'own-choose']))
    .catch((e: unknown) => ({
      result: crashedNow ? ('crash' as const) : ('error' as const),
      ms: 0,
      message: `setInputFiles: ${String(e)}`,
    }));
  // A file past the rows the page loads at once is read by indicator: the first one (the default choice).
  if (read.result === 'ok' && (await page.getByTestId('own-choose').count())) {
    run.chose = `${await page.getByTestId('own-load-chosen').innerText()}; ${await page.getByTestId('own-transfer').innerText()}`;
    await page.getByTestId('own-load-chosen').click();
    Object.assign(read, await step(page, crashed, ['own-mapping']));
    if (read.result === 'ok') run.chose = `${run.chose.split(';')[0]}: ${await page.getByTestId('own-transfer').innerText()}`;
  }
  read.ms = performance.now() - started;
  if (read.result !== 'ok') stopAt('read', read);
  else {
    run.readMs = read.ms;
    const button = page.getByTestId('own-check');
    if (await button.isDisabled()) {
      run.outcome = 'blocked';
      run.failedAt = 'check';
      run.message = `own-check disabled: ${await page
        .getByTestId('own-problems')
        .innerText()
        .catch(() => '')}`;
    } else {
      const t = performance.now();
      await button.click();
      const check = await step(page, crashed, ['own-report']);
      check.ms = performance.now() - t;
      if (check.result !== 'ok') stopAt('check', check);
      else {
        run.checkMs = check.ms;
        const t2 = performance.now();
        await page.getByTestId('own-add').click();
        const add = await step(page, crashed, 'charted');
        add.ms = performance.now() - t2;
        if (add.result !== 'ok') stopAt('add', add);
        else {
          run.addMs = add.ms;
          run.totalMs = run.readMs + run.checkMs + run.addMs;
          run.outcome = 'charted';
        }
      }
    }
  }
  run.peaks = await sampler.stop();
  if (!crashedNow) {
    const tasks = await page
      .evaluate(() => (window as unknown as { __benchLongTasks?: [number, number][] }).__benchLongTasks ?? [])
      .catch(() => [] as [number, number][]);
    const during = tasks.filter(([start, duration]) => start + duration >= flowStart).map(([, duration]) => duration);
    run.longestTaskMs = during.length ? Math.max(...during) : 0;
    run.longTasksMs = during.reduce((a, b) => a + b, 0);
    run.longTaskCount = during.length;
    if (run.outcome === 'charted') {
      // The last frame may still be on its way when Playwright saw the chart.
      await page
        .waitForFunction(() => 'charted' in ((window as unknown as { __benchClock?: object }).__benchClock ?? {}), undefined, {
          timeout: 5000,
        })
        .catch(() => undefined);
      const clock = pageClock(
        await page.evaluate(() => (window as unknown as { __benchClock?: Record<string, number> }).__benchClock ?? {}),
      );
      run.page = { ...clock, total: sum(clock.read, clock.check, clock.add) };
    }
  }
  await context.close().catch(() => undefined);
  // Let the closed page's renderer exit before the next run samples.
  await new Promise((r) => setTimeout(r, 1000));
  return run as Run;
}

// ---- the range-request view ---------------------------------------------------------------------

const RANGE_ROWS = 10_000_000;
const RANGE_INDICATOR = 'synthetic_017';
const VIEW_COLUMNS = ['indicator', 'geo', 'period', 'period_sort', 'group', 'sex', 'age', 'value', 'source', 'approx'];

interface RangeRun {
  ms: number;
  rows: number;
  rowGroupsRead: number;
  rowGroups: number;
  fileBytes: number;
  /** The reader's own count of response bytes. */
  bytesFetched: number;
  rangeRequests: boolean | undefined;
  /** From CDP: requests for the file (GET and HEAD), and bytes Chromium received for them. */
  cdpRequests: number;
  cdpGets: number;
  cdpHeads: number;
  cdpBodyBytes: number;
  cdpEncodedBytes: number;
  statuses: number[];
}

/** A page that imports src/lib/db/remote-parquet.ts as it is (bundled by esbuild into bench-data/range-page/). */
function writeRangePage(parquet: string): string {
  const dir = join(DATA, 'range-page');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    `import { readRemoteParquet } from ${JSON.stringify(join(ROOT, 'src/lib/db/remote-parquet.ts'))};
(window as unknown as { runView: unknown }).runView = async (url: string, value: string, columns: string[]) => {
  const started = performance.now();
  const read = await readRemoteParquet(url, { where: { column: 'indicator', value }, columns });
  const ms = performance.now() - started;
  return { ms, rows: read.table.numRows, rowGroupsRead: read.rowGroups.length, rowGroups: read.rowGroupCount,
    fileBytes: read.fileBytes, bytesFetched: read.stats.bytesFetched, rangeRequests: read.stats.rangeRequests };
};
document.body.dataset.ready = '1';
`,
  );
  const esbuild = join(ROOT, 'node_modules', '.bin', 'esbuild');
  const built = spawnSync(
    esbuild,
    [entry, '--bundle', '--format=esm', '--target=es2022', '--minify', `--outfile=${join(dir, 'page.js')}`],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (built.status !== 0) throw new Error(`esbuild: ${built.stderr}`);
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>range view</title></head><body><script type="module" src="page.js"></script></body></html>',
  );
  linkSync(parquet, join(dir, 'extract.parquet'));
  return dir;
}

async function rangeView(h: Harness, runs: number) {
  const parquet = syntheticExtractFile(RANGE_ROWS);
  const dir = writeRangePage(parquet);
  const { server, url } = (await startServer({ root: dir, port: 0, csp: false })) as { server: Server; url: string };
  const out: RangeRun[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await h.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const ids = new Map<string, string>();
      const counted = { requests: 0, gets: 0, heads: 0, body: 0, encoded: 0, statuses: [] as number[] };
      cdp.on('Network.requestWillBeSent', (e) => {
        if (!e.request.url.endsWith('/extract.parquet')) return;
        ids.set(e.requestId, e.request.method);
        counted.requests++;
        if (e.request.method === 'HEAD') counted.heads++;
        else counted.gets++;
      });
      cdp.on('Network.responseReceived', (e) => {
        if (ids.has(e.requestId)) counted.statuses.push(e.response.status);
      });
      cdp.on('Network.dataReceived', (e) => {
        if (ids.has(e.requestId)) counted.body += e.dataLength;
      });
      cdp.on('Network.loadingFinished', (e) => {
        if (ids.has(e.requestId)) counted.encoded += e.encodedDataLength;
      });
      await page.goto(url);
      await page.waitForFunction(() => document.body.dataset.ready === '1');
      const r = (await page.evaluate(
        ([u, v, c]) => (window as unknown as { runView: (u: string, v: string, c: string[]) => Promise<unknown> }).runView(u, v, c),
        [new URL('extract.parquet', url).toString(), RANGE_INDICATOR, VIEW_COLUMNS] as [string, string, string[]],
      )) as Omit<RangeRun, `cdp${string}` | 'statuses'>;
      // Let the last loadingFinished events arrive.
      await new Promise((res) => setTimeout(res, 200));
      out.push({
        ...r,
        cdpRequests: counted.requests,
        cdpGets: counted.gets,
        cdpHeads: counted.heads,
        cdpBodyBytes: counted.body,
        cdpEncodedBytes: counted.encoded,
        statuses: counted.statuses,
      });
      console.log(`range view run ${i + 1}/${runs}: ${JSON.stringify(out.at(-1))}`);
      await context.close();
    }
  } finally {
    await new Promise((r) => server.close(() => r(null)));
    // Leave no bundle behind for `eslint .` to find (it does not read .gitignore).
    rmSync(dir, { recursive: true, force: true });
  }
  const med = (f: (r: RangeRun) => number) => stats(out.map(f));
  const last = out.at(-1)!;
  return {
    file: parquet.slice(ROOT.length + 1),
    indicator: RANGE_INDICATOR,
    columns: VIEW_COLUMNS,
    runs,
    fileBytes: last.fileBytes,
    rows: last.rows,
    rowGroupsRead: last.rowGroupsRead,
    rowGroups: last.rowGroups,
    requests: { total: last.cdpRequests, get: last.cdpGets, head: last.cdpHeads, statuses: last.statuses },
    bytesBody: med((r) => r.cdpBodyBytes),
    bytesOnWire: med((r) => r.cdpEncodedBytes),
    bytesReader: med((r) => r.bytesFetched),
    percent: Math.round((median(out.map((r) => r.cdpBodyBytes)) / last.fileBytes) * 1000) / 10,
    ms: med((r) => r.ms),
    rangeRequests: last.rangeRequests,
  };
}

// ---- statistics and output ----------------------------------------------------------------------

function git(...args: string[]): string {
  return spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
}

function buildId(): string {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'dist', 'data', 'manifest.json'), 'utf8')) as { version?: string };
  const index = readdirSync(join(ROOT, 'dist', 'assets')).find((f) => /^index-.*\.js$/.test(f)) ?? '?';
  const dirty = git('status', '--porcelain', '--', 'src').length > 0 ? ' (src/ with uncommitted changes)' : '';
  return `commit ${git('rev-parse', '--short', 'HEAD')} (src/ as of ${git('log', '-1', '--format=%h', '--', 'src')})${dirty}, ${index}, data ${manifest.version ?? '?'}`;
}

async function main(): Promise<void> {
  if (MD_ONLY) {
    const saved = JSON.parse(readFileSync(join(RESULTS, 'own.json'), 'utf8')) as Result;
    writeFileSync(join(RESULTS, 'own.md'), markdown(saved));
    console.log(markdown(saved));
    return;
  }
  const loadAtStart = loadavg();
  const sets: FileSet[] = [];
  if (!ONLY_RANGE) for (const size of sizes) sets.push(await inputFiles(size));

  const h = await startHarness();
  const chromiumVersion = h.browser.version();
  const root = browserPid();
  {
    // Warm the OS file cache and the server once; not counted.
    const context = await h.newContext();
    const page = await context.newPage();
    await page.goto(h.url);
    await mark(page, 'engine-ready');
    await context.close();
  }

  const cases: {
    format: Format;
    size: Size;
    rows: number;
    fileBytes: number;
    runs: Run[];
  }[] = [];
  for (const format of ONLY_RANGE ? [] : formats) {
    for (const set of sets) {
      const file = format === 'csv' ? set.csv : set.parquet;
      await warmFile(file);
      const runs: Run[] = [];
      for (let i = 0; i < runsFor(set.size); i++) {
        const run = await runOnce(h, root, file);
        runs.push(run);
        const shown = { ...run, peaks: { rendererRssMB: mb(run.peaks.rendererRss), heapMB: mb(run.peaks.heapUsed) } };
        console.log(`${format} ${set.size} run ${i + 1}/${runsFor(set.size)}: ${JSON.stringify(shown)}`);
      }
      cases.push({ format, size: set.size, rows: set.rows, fileBytes: format === 'csv' ? set.csvBytes : set.parquetBytes, runs });
    }
  }
  const range = RANGE_RUNS ? await rangeView(h, RANGE_RUNS) : null;
  await h.close();
  const loadAtEnd = loadavg();

  const result = {
    date: new Date().toISOString(),
    machine: `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`,
    chromium: chromiumVersion,
    build: buildId(),
    loadAverage: { start: loadAtStart.map((x) => Math.round(x * 100) / 100), end: loadAtEnd.map((x) => Math.round(x * 100) / 100) },
    note: NOTE ?? null,
    method: {
      server: 'scripts/serve.mjs on localhost (tests/e2e/harness.ts, as npm run bench), service workers off, a fresh context per run',
      read: 'setInputFiles(path) → own-mapping visible',
      check: 'click own-check → own-report visible',
      add: 'click own-add → own-done present and the panel data-status="ready" showing one of the file’s indicators',
      pageClock:
        "the page's performance.now(): from the file input's change event (setInputFiles; a dropped file starts the same way) or the click event on the button to the step's result in the DOM (MutationObserver) and the next frame after it (requestAnimationFrame, then a task). Playwright's own time is not in it: its polling (every 50 ms) and its clicks, which wait for the button to be visible and stable",
      rss: `every ${SAMPLE_MS} ms, RSS (/proc/<pid>/statm, resident pages × ${PAGE_BYTES}) summed over every process of this Chromium instance whose command line has --type=renderer (descendants of the browser process: the page's renderer, which also runs the DuckDB worker, and any other renderer alive, such as a spare one); the maximum of the sum. Shared pages count once per process.`,
      pss: 'the same renderers, sampled at the same times, by proportional set size (/proc/<pid>/smaps_rollup Pss: a page shared by n processes counts 1/n in each), so the sum counts shared pages once.',
      heap: 'CDP Runtime.getHeapUsage usedSize of the page (main thread), at most every 100 ms and only when the main thread answers; the worker and WebAssembly memory are not in it',
      longTasks: "PerformanceObserver 'longtask' (main thread, tasks ≥ 50 ms) from the drop to the end of the flow",
    },
    files: sets.map((s) => ({
      size: s.size,
      rows: s.rows,
      csv: s.csv.slice(ROOT.length + 1),
      csvBytes: s.csvBytes,
      parquet: s.parquet.slice(ROOT.length + 1),
      parquetBytes: s.parquetBytes,
    })),
    cases: cases.map((c) => {
      const ok = c.runs.filter((r) => r.outcome === 'charted');
      return {
        format: c.format,
        size: c.size,
        rows: c.rows,
        fileBytes: c.fileBytes,
        runs: c.runs.length,
        readMs: stats(c.runs.filter((r) => r.readMs !== undefined).map((r) => r.readMs!)),
        checkMs: stats(c.runs.filter((r) => r.checkMs !== undefined).map((r) => r.checkMs!)),
        addMs: stats(ok.map((r) => r.addMs!)),
        dropToChartMs: stats(ok.map((r) => r.totalMs!)),
        pageReadMs: stats(ok.filter((r) => r.page?.read !== undefined).map((r) => r.page!.read!)),
        pageCheckMs: stats(ok.filter((r) => r.page?.check !== undefined).map((r) => r.page!.check!)),
        pageAddMs: stats(ok.filter((r) => r.page?.add !== undefined).map((r) => r.page!.add!)),
        pageDropToChartMs: stats(ok.filter((r) => r.page?.total !== undefined).map((r) => r.page!.total!)),
        peakRendererRssMB: stats(c.runs.map((r) => mb(r.peaks.rendererRss))),
        peakRendererPssMB: stats(c.runs.map((r) => mb(r.peaks.rendererPss))),
        peakAllRssMB: stats(c.runs.map((r) => mb(r.peaks.allRss))),
        peakLargestRendererRssMB: stats(c.runs.map((r) => mb(r.peaks.largestRendererRss))),
        rendererRssBeforeMB: stats(c.runs.map((r) => mb(r.peaks.rssBefore))),
        peakJsHeapMB: stats(c.runs.map((r) => mb(r.peaks.heapUsed))),
        longestTaskMs: stats(c.runs.filter((r) => r.longestTaskMs !== undefined).map((r) => r.longestTaskMs!)),
        longTasksSumMs: stats(c.runs.filter((r) => r.longTasksMs !== undefined).map((r) => r.longTasksMs!)),
        outcomes: c.runs.map((r) => ({ outcome: r.outcome, failedAt: r.failedAt, message: r.message, chose: r.chose })),
        detail: c.runs,
      };
    }),
    rangeView: range,
  };

  const lines = markdown(result);
  mkdirSync(RESULTS, { recursive: true });
  // --only-range (and --out NAME) write files of their own, so own.json keeps the last full run.
  const base = argument('out') ?? (ONLY_RANGE ? 'own-range' : 'own');
  writeFileSync(join(RESULTS, `${base}.json`), JSON.stringify(result, null, 2) + '\n');
  writeFileSync(join(RESULTS, `${base}.md`), lines);
  console.log(lines);
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

type Result = {
  date: string;
  machine: string;
  chromium: string;
  build: string;
  loadAverage: { start: number[]; end: number[] };
  note: string | null;
  method: Record<string, string>;
  cases: {
    format: Format;
    size: Size;
    rows: number;
    fileBytes: number;
    runs: number;
    readMs: Stats;
    checkMs: Stats;
    addMs: Stats;
    dropToChartMs: Stats;
    /** Absent in results written before the page's clock was read. */
    pageReadMs?: Stats;
    pageCheckMs?: Stats;
    pageAddMs?: Stats;
    pageDropToChartMs?: Stats;
    peakRendererRssMB: Stats;
    peakRendererPssMB: Stats;
    peakLargestRendererRssMB: Stats;
    peakAllRssMB: Stats;
    rendererRssBeforeMB: Stats;
    peakJsHeapMB: Stats;
    longestTaskMs: Stats;
    longTasksSumMs: Stats;
    outcomes: { outcome: Outcome; failedAt?: string; message?: string; chose?: string }[];
    detail: { peaks: Peaks }[];
  }[];
  rangeView: Awaited<ReturnType<typeof rangeView>> | null;
};

const n = (x: number) => x.toLocaleString('en');
/** A message on one line, cut to 200 characters (own.json keeps it whole). */
const short = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
};

function markdown(r: Result): string {
  const range = (s: Stats, unit: string) =>
    s ? (s.min === s.max ? `${n(s.median)} ${unit}` : `${n(s.median)} ${unit} (${n(s.min)}–${n(s.max)})`) : '–';
  const ok = (pass: boolean) => (pass ? 'met' : '**not met**');
  const outcome = (c: Result['cases'][number]) => {
    const counts = new Map<string, number>();
    for (const o of c.outcomes) {
      const chose = o.chose ? ` (by indicator: ${o.chose})` : '';
      const text =
        (o.outcome === 'charted' ? 'charted' : `${o.outcome} at ${o.failedAt}${o.message ? `: “${short(o.message)}”` : ''}`) + chose;
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
    return [...counts].map(([text, n]) => (c.outcomes.length > 1 ? `${n}× ${text}` : text)).join('; ');
  };
  const busy = r.loadAverage.start[0] > 0.5 || r.loadAverage.end[0] > 2.5;
  const each = (f: (c: Result['cases'][number]) => string) => r.cases.map((c) => `${c.format} ${c.size} ${f(c)}`).join(', ');
  const lines = [
    `# Own data benchmark, ${r.date}`,
    '',
    `${r.machine}; Chromium ${r.chromium} headless; build: ${r.build}.`,
    `Load average (1, 5, 15 min) at the start ${r.loadAverage.start.join(', ')}, at the end ${r.loadAverage.end.join(', ')}${busy ? ': **run while other work was using the CPU**, times are longer than on an idle machine' : ''}.`,
    ...(r.note ? [`Note: ${r.note}`] : []),
  ];
  if (r.cases.length) {
    lines.push(
      '',
      `${r.method.server}. Files: SYNTHETIC long CSV (\`indicator;gemeente;jaar;herkomst;waarde\`, \`;\`, decimal commas; 300 places, 20 years, 5 origin groups, 3 / 34 / 334 indicators) and the same rows as Parquet (zstd, row groups of 100,000), made by scripts/bench-own.ts in bench-data/.`,
      '',
      'Read: the file given → mapping shown; check: click "check" → report shown; add: click "add" → chart drawn with the file’s indicator; drop→chart: their sum (machine time, the user’s review left out). Times by the page’s clock: ' +
        (r.method.pageClock ?? '(not measured in this run)') +
        '. Harness: the same flow timed from the benchmark (Playwright) around each step, its waits included. Medians, ranges in brackets.',
      '',
      '| format | rows | file MB | runs | read | check | add | drop→chart | harness drop→chart | peak renderer RSS | peak renderer PSS | peak JS heap | longest task (sum of long tasks) | outcome |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
      ...r.cases.map(
        (c) =>
          `| ${c.format} | ${n(c.rows)} | ${(c.fileBytes / 1e6).toFixed(1)} | ${c.runs} | ${range(c.pageReadMs ?? null, 'ms')} | ${range(c.pageCheckMs ?? null, 'ms')} | ${range(c.pageAddMs ?? null, 'ms')} | ${range(c.pageDropToChartMs ?? null, 'ms')} | ${range(c.dropToChartMs, 'ms')} | ${range(c.peakRendererRssMB, 'MB')} | ${range(c.peakRendererPssMB, 'MB')} | ${range(c.peakJsHeapMB, 'MB')} | ${c.longestTaskMs ? `${range(c.longestTaskMs, 'ms')} (${range(c.longTasksSumMs, 'ms')})` : '–'} | ${outcome(c)} |`,
      ),
      '',
      `Peak renderer RSS: ${r.method.rss} Before the drop the renderers held ${each((c) => `${c.rendererRssBeforeMB?.median ?? '–'} MB`)}; the largest single renderer at its peak (the page's): ${each((c) => `${c.peakLargestRendererRssMB?.median ?? '–'} MB`)}; renderer processes in the sum at its peak: ${each((c) => [...new Set(c.detail.map((d) => d.peaks.renderersAtPeak))].join(' or '))} (they all exit when the context closes; the page's is the largest); all of Chromium's processes at their peak: ${each((c) => `${c.peakAllRssMB?.median ?? '–'} MB`)}.`,
      `Peak renderer PSS: ${r.method.pss}`,
      `Peak JS heap: ${r.method.heap}.`,
      `Longest task: ${r.method.longTasks}.`,
      '',
      '| budget | case | measured | |',
      '|---|---|---|---|',
    );
    for (const c of r.cases.filter((c) => c.size === '1m')) {
      // By the page's clock, every run: the worst run must be within the budget too.
      const t = (c.pageDropToChartMs ?? c.dropToChartMs)?.max;
      lines.push(
        `| 1M rows charted within 3 s of the drop (page's clock, slowest run) | ${c.format} 1m | ${t === undefined ? outcome(c) : `${n(t)} ms`} | ${ok(t !== undefined && t <= 3000)} |`,
      );
    }
    for (const c of r.cases) {
      const peak = c.peakRendererRssMB?.max ?? Infinity;
      const stopped = c.outcomes.some((o) => o.outcome !== 'charted') ? ` until the flow stopped (${outcome(c).split(':')[0]})` : '';
      lines.push(
        `| peak memory ≤ 1 GB (renderer RSS, worst run) | ${c.format} ${c.size} | ${n(peak)} MB${stopped} | ${ok(peak <= 1000)} |`,
      );
    }
  }
  const v = r.rangeView;
  if (v) {
    lines.push(
      '',
      '## Range-request view in the browser',
      '',
      `src/lib/db/remote-parquet.ts \`readRemoteParquet\` as it is, bundled by esbuild into a blank page, reading indicator \`${v.indicator}\` (${v.columns.length} columns: ${v.columns.join(', ')}) from ${v.file} (the SYNTHETIC extract of scripts/make-synthetic-extract.ts) served by scripts/serve.mjs with Range support, cache off, fresh context, ${v.runs} run${v.runs === 1 ? '' : 's'} (medians, ranges). Bytes as Chromium received them (CDP Network events for the file: body bytes of dataReceived, and encodedDataLength of loadingFinished, headers included).`,
      '',
      '| file bytes | rows read | row groups read | requests (GET + HEAD) | bytes received (body) | on the wire | share of the file | time |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|',
      `| ${n(v.fileBytes)} | ${n(v.rows)} | ${v.rowGroupsRead} of ${v.rowGroups} | ${v.requests.get} + ${v.requests.head} | ${range(v.bytesBody, 'B')} | ${range(v.bytesOnWire, 'B')} | ${v.percent} % | ${range(v.ms, 'ms')} |`,
      '',
      `The reader's own count: ${range(v.bytesReader, 'B')}; range requests honoured: ${String(v.rangeRequests)}; statuses ${v.requests.statuses.join(', ')}.`,
    );
  }
  return lines.join('\n') + '\n';
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
