/**
 * npm run bench: measures the production build in headless Chromium and writes the figures to
 * bench-results/latest.json. Alternatives are compared in one run:
 *   - first chart from the precomputed boot.json (default view) vs first chart that needs
 *     DuckDB-WASM (a shared URL with a non-default view): boot + Parquet decode + query;
 *   - a link to another domain's indicator: from its prebuilt file (views/<hash>.json) vs the same
 *     link with the prebuilt files blocked, so only the engine can answer;
 *   - bundle sizes, raw and gzip.
 * Run `npm run data && npm run build` first.
 */
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { ROOT, startHarness } from '../tests/e2e/harness';
import type { BootData } from '../src/lib/data/manifest';
import { defaultState } from '../src/lib/state/view-state';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function measure(h: Awaited<ReturnType<typeof startHarness>>, path: string, blockPrebuilt = false) {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, serviceWorkers: 'block' });
  if (blockPrebuilt) await context.route('**/data/views/*.json', (route) => route.fulfill({ status: 404, body: '' }));
  const page = await context.newPage();
  await page.goto(new URL(path, h.url).toString());
  await page.waitForFunction(() => performance.getEntriesByName('herkomstkloof:engine-ready').length > 0, null, { timeout: 60_000 });
  await page.waitForFunction(() => performance.getEntriesByName('herkomstkloof:first-chart').length > 0, null, { timeout: 60_000 });
  const marks = await page.evaluate(() => ({
    firstChart: performance.getEntriesByName('herkomstkloof:first-chart')[0].startTime,
    engineReady: performance.getEntriesByName('herkomstkloof:engine-ready')[0].startTime,
  }));
  await page.context().close();
  return marks;
}

const assets = join(ROOT, 'dist', 'assets');
const bundle = readdirSync(assets).map((f) => {
  const bytes = readFileSync(join(assets, f));
  return { file: f, bytes: statSync(join(assets, f)).size, gzip: gzipSync(bytes).length };
});
const dataDir = join(ROOT, 'dist', 'data');
const data = readdirSync(dataDir).map((f) => ({ file: f, bytes: statSync(join(dataDir, f)).size }));

const h = await startHarness();
const boot = JSON.parse(readFileSync(join(dataDir, 'boot.json'), 'utf8')) as BootData;
const defaultGroups = defaultState(boot.catalog).groups;
// A view that is not the default: the same indicator with one group fewer, so DuckDB must answer.
const engineView = `/?grp=${defaultGroups.slice(0, -1).join('~') || defaultGroups[0]}`;
// Another domain's indicator that is not its domain's default, so not in boot.json.
const otherIndicator = boot.catalog.indicators.find(
  (i) => i.domain === 'onderwijs' && !i.domain_default && boot.catalog.coverage.filter((r) => r.indicator === i.id).length > 3,
)!.id;
const scenarios: Record<string, { path: string; block?: boolean; firstChart: number[]; engineReady: number[] }> = {
  'precomputed default view': { path: '/', firstChart: [], engineReady: [] },
  'view that needs DuckDB-WASM': { path: engineView, firstChart: [], engineReady: [] },
  [`link ?ind=${otherIndicator}, prebuilt file`]: { path: `/?ind=${otherIndicator}`, firstChart: [], engineReady: [] },
  [`link ?ind=${otherIndicator}, prebuilt files blocked`]: {
    path: `/?ind=${otherIndicator}`,
    block: true,
    firstChart: [],
    engineReady: [],
  },
};
await measure(h, '/'); // warm the OS file cache once; not counted
for (let i = 0; i < RUNS; i++) {
  for (const s of Object.values(scenarios)) {
    const m = await measure(h, s.path, s.block);
    s.firstChart.push(m.firstChart);
    s.engineReady.push(m.engineReady);
  }
}
await h.close();

const result = {
  date: new Date().toISOString(),
  machine: 'headless Chromium, fresh browser context per run, served from localhost',
  runs: RUNS,
  firstChartMs: Object.fromEntries(
    Object.entries(scenarios).map(([k, s]) => [
      k,
      { median: Math.round(median(s.firstChart)), min: Math.round(Math.min(...s.firstChart)), max: Math.round(Math.max(...s.firstChart)) },
    ]),
  ),
  engineReadyMs: Object.fromEntries(Object.entries(scenarios).map(([k, s]) => [k, Math.round(median(s.engineReady))])),
  bundle,
  data,
};
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results', 'latest.json'), JSON.stringify(result, null, 2));
console.table(result.firstChartMs);
console.table(result.engineReadyMs);
console.table(bundle);
