/**
 * npm run bench: the production build in headless Chromium, three ways side by side in one run,
 * written to bench-results/latest.json and bench-results/latest.md (a table with the budgets of
 * issue 11 and the ratio of each time to the floor page's first paint).
 *
 *   (a) the app as built: first charts from boot.json and the prebuilt view files, the engine
 *       started at once beside them;
 *   (b) the naive path: the same build with boot.json's views and the prebuilt files taken away (the
 *       browser is served a boot.json without them), so every link waits for DuckDB-WASM, then
 *       queries, then draws;
 *   (c) the floor: a static HTML page holding the default view's chart as inline SVG, the least any
 *       page showing that chart can cost;
 *   (d) the engine's floor: a blank page that only starts DuckDB-WASM's worker and opens a database
 *       (DuckDB's own worker protocol, no app code), the least the engine can take on this machine.
 *
 * Cold runs each get a fresh browser context (empty cache), with service workers off (the offline
 * copy would add its own downloads); `BENCH_RUNS` runs of each (default 7), medians and ranges.
 * Also measured: bytes transferred cold and warm (a second visit in the same context), the peak of
 * the page's JS heap, control-to-paint over scripted interactions once the engine is ready, and the
 * size of the app's own JavaScript. Run `npm run data && npm run build` first (`npm run bench`
 * builds nothing itself).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT, startHarness } from '../tests/e2e/harness';
import type { BootData } from '../src/lib/data/manifest';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 7));
const INTERACTIONS = Math.max(10, Number(process.env.BENCH_INTERACTIONS ?? 120));
/** The pause after each paint in the paced control-to-paint run: a reader looking at the chart. */
const PACE_MS = 1000;
const DIST = join(ROOT, 'dist');
const FLOOR_PAGE = 'bench-floor.html';
const ENGINE_PAGE = 'bench-engine.html';
const ENGINE_SCRIPT = 'bench-engine.mjs';

const boot = JSON.parse(readFileSync(join(DIST, 'data', 'boot.json'), 'utf8')) as BootData;
const catalog = boot.catalog;
const coverage = (id: string) => catalog.coverage.filter((r) => r.indicator === id);
// Another domain's indicator that is not its domain's opening one, with figures in several places.
const otherIndicator = catalog.indicators.find(
  (i) => i.domain === 'onderwijs' && !i.domain_default && new Set(coverage(i.id).map((r) => r.geo)).size > 1,
)!.id;
// A target whose place has figures of its indicator, so the target view draws.
const target = catalog.targets.find((t) => coverage(t.indicator).some((r) => r.geo === t.geo && r.group === t.group))!;
const placesOf = (id: string) => [...new Set(coverage(id).map((r) => r.geo))];
const defaultIndicator = catalog.indicators.find((i) => i.domain === 'werk' && i.domain_default)!.id;
const severalPlaces = placesOf(defaultIndicator).slice(0, 3).join('~');

const LINKS: [string, string][] = [
  ['default URL', '/'],
  ['other domain', `/?ind=${otherIndicator}`],
  ['gap view', '/?view=gap'],
  ['target view', `/?ind=${target.indicator}&geo=${target.geo}&view=target`],
  ['table in English', '/?view=table&lang=en'],
  ['several places', `/?geo=${severalPlaces}`],
];

/** boot.json without what lets a link draw before the engine: the naive path. */
const naiveBoot = JSON.stringify({ ...boot, views: [], prebuilt: [] });

interface Cold {
  firstChart: number;
  engineReady: number;
  bytes: number;
  heap: number;
}

async function newContext(h: Awaited<ReturnType<typeof startHarness>>, naive: boolean): Promise<BrowserContext> {
  const context = await h.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  if (naive)
    await context.route('**/data/boot.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: naiveBoot }));
  return context;
}

/**
 * Bytes on the wire, counted where they leave the server (the worker's requests included, which a
 * page's network events do not show). Loads run one at a time, so a difference is one load's bytes.
 */
function countBytes(h: Awaited<ReturnType<typeof startHarness>>): { total: () => number } {
  const start = h.bytesSent();
  return { total: () => h.bytesSent() - start };
}

const mark = (page: Page, name: string) =>
  page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, `herkomstkloof:${name}`, { timeout: 120_000 });

async function heapOf(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
}

async function coldLoad(h: Awaited<ReturnType<typeof startHarness>>, path: string, naive: boolean): Promise<Cold> {
  const context = await newContext(h, naive);
  const page = await context.newPage();
  const bytes = countBytes(h);
  await page.goto(new URL(path, h.url).toString());
  await mark(page, 'first-chart');
  const heapAtChart = await heapOf(page);
  await mark(page, 'engine-ready');
  await page.waitForLoadState('networkidle');
  const times = await page.evaluate(() => ({
    firstChart: performance.getEntriesByName('herkomstkloof:first-chart')[0].startTime,
    engineReady: performance.getEntriesByName('herkomstkloof:engine-ready')[0].startTime,
  }));
  const heap = Math.max(heapAtChart, await heapOf(page));
  const sent = bytes.total();
  await context.close();
  return { ...times, bytes: sent, heap };
}

/** A second visit in the same context: what the browser's cache saves. */
async function warmBytes(h: Awaited<ReturnType<typeof startHarness>>): Promise<{ cold: number; warm: number }> {
  const context = await newContext(h, false);
  const first = await context.newPage();
  const cold = countBytes(h);
  await first.goto(h.url);
  await mark(first, 'engine-ready');
  await first.waitForLoadState('networkidle');
  const coldBytes = cold.total();
  await first.close();
  const second = await context.newPage();
  const warm = countBytes(h);
  await second.goto(h.url);
  await mark(second, 'engine-ready');
  await second.waitForLoadState('networkidle');
  const result = { cold: coldBytes, warm: warm.total() };
  await context.close();
  return result;
}

async function floorLoad(h: Awaited<ReturnType<typeof startHarness>>): Promise<{ svgInDom: number; firstPaint: number }> {
  const context = await newContext(h, false);
  const page = await context.newPage();
  await page.goto(new URL(FLOOR_PAGE, h.url).toString());
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 30_000 });
  const t = await page.evaluate(() => ({
    // The page is parsed, its SVG in the DOM (the server's policy allows no inline script to mark it).
    svgInDom: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart,
    firstPaint: performance.getEntriesByName('first-contentful-paint')[0].startTime,
  }));
  await context.close();
  return t;
}

/** (d): DuckDB-WASM alone, from navigation to an open database. */
async function engineAloneLoad(h: Awaited<ReturnType<typeof startHarness>>): Promise<number> {
  const context = await newContext(h, false);
  const page = await context.newPage();
  await page.goto(new URL(ENGINE_PAGE, h.url).toString());
  await page.waitForFunction(() => performance.getEntriesByName('duckdb-open').length > 0, null, { timeout: 60_000 });
  const t = await page.evaluate(() => performance.getEntriesByName('duckdb-open')[0].startTime);
  await context.close();
  return t;
}

/** The page for (d): the same worker and wasm files the app uses, started by DuckDB's message protocol. */
function writeEnginePage(): void {
  const worker = assets.find((f) => f.startsWith('duckdb-browser-eh.worker') && f.endsWith('.js'));
  const wasm = assets.find((f) => f.startsWith('duckdb-eh') && f.endsWith('.wasm'));
  if (!worker || !wasm) throw new Error('no DuckDB worker or wasm in dist/assets');
  writeFileSync(
    join(DIST, ENGINE_PAGE),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>engine</title></head><body><p>engine</p><script type="module" src="${ENGINE_SCRIPT}"></script></body></html>`,
  );
  writeFileSync(
    join(DIST, ENGINE_SCRIPT),
    `const worker = new Worker('assets/${worker}');
let next = 1;
const call = (type, data) => new Promise((resolve, reject) => {
  const id = next++;
  const on = (e) => {
    if (e.data.requestId !== id || (e.data.type !== 'OK' && e.data.type !== 'ERROR')) return;
    worker.removeEventListener('message', on);
    if (e.data.type === 'OK') resolve(); else reject(new Error(type + ': ' + JSON.stringify(e.data.data)));
  };
  worker.addEventListener('message', on);
  worker.postMessage({ messageId: id, type, data });
});
await call('INSTANTIATE', [new URL('assets/${wasm}', location.href).href, null]);
await call('OPEN', {});
performance.mark('duckdb-open');
`,
  );
}

/**
 * Control-to-paint: from a click to the frame after the panel shows the new choice (status ready,
 * its figure redrawn), for scripted clicks on group and place checkboxes and view tabs, run inside
 * the page so no protocol round trip is counted. Back to back (`pauseMs` 0: the next click in the
 * frame after a paint) and at a reader's pace (a pause after each paint, in which the app may
 * prefetch the choices one click away).
 */
async function controlToPaint(h: Awaited<ReturnType<typeof startHarness>>, pauseMs: number): Promise<number[]> {
  const context = await newContext(h, false);
  const page = await context.newPage();
  // tsx keeps function names with a helper (`__name`) the page does not have.
  await page.addInitScript('window.__name = (f) => f');
  await page.goto(h.url);
  await mark(page, 'engine-ready');
  const times = await page.evaluate(
    async ([count, pause]) => {
      const panel = () => document.querySelector('[data-testid="panel"]')!;
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const settledAfter = (before: string) =>
        new Promise<void>((resolve) => {
          const check = () => {
            const p = panel();
            const key = `${p.getAttribute('data-view')}|${p.getAttribute('data-geos')}|${p.getAttribute('data-groups')}`;
            if (key !== before && p.getAttribute('data-status') !== 'loading') return resolve();
            requestAnimationFrame(check);
          };
          check();
        });
      const controls = () => [
        ...document.querySelectorAll<HTMLInputElement>('[data-testid="groups"] input[type="checkbox"]'),
        ...[...document.querySelectorAll<HTMLInputElement>('[data-testid="places"] input[type="checkbox"]')].slice(0, 4),
        ...document.querySelectorAll<HTMLButtonElement>('[data-testid="views"] [role="tab"]'),
      ];
      const out: number[] = [];
      for (let i = 0; out.length < count && i < count * 3; i++) {
        const all = controls().filter((c) => !(c as HTMLInputElement).disabled);
        const el = all[i % all.length];
        // Never untick the last group or place: the view would only say "choose one".
        if (el instanceof HTMLInputElement && el.checked) {
          const siblings = el.closest('fieldset')?.querySelectorAll('input[type="checkbox"]:checked').length ?? 0;
          if (siblings <= 1) continue;
        }
        const p = panel();
        const before = `${p.getAttribute('data-view')}|${p.getAttribute('data-geos')}|${p.getAttribute('data-groups')}`;
        if (el.getAttribute('aria-selected') === 'true') continue;
        const t0 = performance.now();
        el.click();
        await settledAfter(before);
        await frame();
        out.push(performance.now() - t0);
        if (pause) await new Promise((r) => setTimeout(r, pause));
      }
      return out;
    },
    [INTERACTIONS, pauseMs] as const,
  );
  await context.close();
  return times;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const clickStats = (xs: number[]) => ({
  interactions: xs.length,
  p50: Math.round(quantile(xs, 0.5)),
  p95: Math.round(quantile(xs, 0.95)),
  max: Math.round(Math.max(...xs)),
});
const stats = (xs: number[]) => ({ median: Math.round(median(xs)), min: Math.round(Math.min(...xs)), max: Math.round(Math.max(...xs)) });

// The app's own JavaScript: every script of the build but DuckDB's (its worker, and the `duckdb`
// chunk holding DuckDB-WASM's JavaScript and the Arrow library it speaks in; see vite.config.ts).
const assets = readdirSync(join(DIST, 'assets')).filter((f) => !f.endsWith('.br') && !f.endsWith('.gz'));
const duckdbScripts = assets.filter((f) => f.endsWith('.js') && f.startsWith('duckdb'));
const scripts = assets
  .filter((f) => f.endsWith('.js') && !duckdbScripts.includes(f))
  .map((f) => ({ file: f, gzip: gzipSync(readFileSync(join(DIST, 'assets', f)), { level: 9 }).length }));

const h = await startHarness();
// The floor page: the default view's chart, as the app draws it at this width, inline.
{
  const context = await newContext(h, false);
  const page = await context.newPage();
  await page.goto(h.url);
  await mark(page, 'first-chart');
  const svg = await page
    .locator('[data-testid="chart"] svg')
    .first()
    .evaluate((e) => e.outerHTML);
  writeFileSync(
    join(DIST, FLOOR_PAGE),
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>floor</title></head><body>${svg}</body></html>`,
  );
  await context.close();
}

const cold: Record<string, { app: Cold[]; naive: Cold[] }> = Object.fromEntries(LINKS.map(([name]) => [name, { app: [], naive: [] }]));
const floor: { svgInDom: number; firstPaint: number }[] = [];
const engineAlone: number[] = [];
writeEnginePage();
await coldLoad(h, '/', false); // warm the OS file cache once; not counted
for (let run = 0; run < RUNS; run++) {
  floor.push(await floorLoad(h));
  engineAlone.push(await engineAloneLoad(h));
  for (const [name, path] of LINKS) {
    cold[name].app.push(await coldLoad(h, path, false));
    cold[name].naive.push(await coldLoad(h, path, true));
  }
  console.log(`run ${run + 1}/${RUNS} done`);
}
const bytes = await warmBytes(h);
const interactions = await controlToPaint(h, 0);
const pacedInteractions = await controlToPaint(h, PACE_MS);
await h.close();
for (const f of [FLOOR_PAGE, ENGINE_PAGE, ENGINE_SCRIPT]) rmSync(join(DIST, f), { force: true });

const floorPaint = median(floor.map((f) => f.firstPaint));
const result = {
  date: new Date().toISOString(),
  machine: `headless Chromium, ${RUNS} cold runs per case (fresh context, service workers off), served by scripts/serve.mjs on localhost`,
  floor: { svgInDomMs: stats(floor.map((f) => f.svgInDom)), firstPaintMs: stats(floor.map((f) => f.firstPaint)) },
  engineAloneMs: stats(engineAlone),
  links: Object.fromEntries(
    LINKS.map(([name, path]) => [
      name,
      {
        path,
        app: {
          firstChartMs: stats(cold[name].app.map((c) => c.firstChart)),
          engineReadyMs: stats(cold[name].app.map((c) => c.engineReady)),
          bytes: Math.round(median(cold[name].app.map((c) => c.bytes))),
          heapMB: Math.round(Math.max(...cold[name].app.map((c) => c.heap)) / 1e5) / 10,
        },
        naive: {
          firstChartMs: stats(cold[name].naive.map((c) => c.firstChart)),
          engineReadyMs: stats(cold[name].naive.map((c) => c.engineReady)),
        },
        ratioToFloor: Math.round((median(cold[name].app.map((c) => c.firstChart)) / floorPaint) * 100) / 100,
        naiveRatioToFloor: Math.round((median(cold[name].naive.map((c) => c.firstChart)) / floorPaint) * 100) / 100,
      },
    ]),
  ),
  bytes,
  controlToPaintMs: clickStats(interactions),
  controlToPaintPacedMs: { pauseMs: PACE_MS, ...clickStats(pacedInteractions) },
  appScriptsGzip: { files: scripts, total: scripts.reduce((a, s) => a + s.gzip, 0) },
};

const ms = (s: { median: number; min: number; max: number }) => `${s.median} ms (${s.min}–${s.max})`;
const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
const ok = (pass: boolean) => (pass ? 'met' : '**not met**');
const engineReady = median(LINKS.map(([name]) => result.links[name].app.engineReadyMs.median));
const worstRatio = Math.max(...LINKS.map(([name]) => result.links[name].ratioToFloor));
const lines = [
  `# Benchmark, ${result.date}`,
  '',
  result.machine + '.',
  '',
  `Floor page (the default chart as inline SVG): SVG in DOM ${ms(result.floor.svgInDomMs)}, first paint ${ms(result.floor.firstPaintMs)}.`,
  `Engine floor (DuckDB-WASM alone in a blank page, navigation to an open database): ${ms(result.engineAloneMs)}.`,
  '',
  '| link | (a) app: first chart | ÷ floor paint | (b) naive: first chart | ÷ floor paint | (a) engine ready | (b) engine ready | bytes cold | JS heap peak |',
  '|---|---|---|---|---|---|---|---|---|',
  ...LINKS.map(([name, path]) => {
    const l = result.links[name];
    return `| ${name} \`${path}\` | ${ms(l.app.firstChartMs)} | ${l.ratioToFloor}× | ${ms(l.naive.firstChartMs)} | ${l.naiveRatioToFloor}× | ${ms(l.app.engineReadyMs)} | ${ms(l.naive.engineReadyMs)} | ${mb(l.app.bytes)} | ${l.app.heapMB} MB |`;
  }),
  '',
  `Bytes, default URL in one context: cold ${mb(bytes.cold)}, warm (second visit) ${mb(bytes.warm)}.`,
  `Control-to-paint after the engine is ready, ${result.controlToPaintMs.interactions} clicks back to back: p50 ${result.controlToPaintMs.p50} ms, p95 ${result.controlToPaintMs.p95} ms, max ${result.controlToPaintMs.max} ms.`,
  `Control-to-paint, ${result.controlToPaintPacedMs.interactions} clicks ${PACE_MS} ms apart: p50 ${result.controlToPaintPacedMs.p50} ms, p95 ${result.controlToPaintPacedMs.p95} ms, max ${result.controlToPaintPacedMs.max} ms.`,
  `The app's own JavaScript, gzip: ${(result.appScriptsGzip.total / 1024).toFixed(1)} KB (${result.appScriptsGzip.files.map((f) => `${f.file} ${(f.gzip / 1024).toFixed(1)}`).join(', ')}); DuckDB's, not counted: ${duckdbScripts.join(', ')}.`,
  '',
  '| budget | measured | |',
  '|---|---|---|',
  `| every link's first chart ≤ 2× the floor's first paint | worst ${worstRatio}× | ${ok(worstRatio <= 2)} |`,
  `| engine ready ≤ 1.5 s on localhost | median of links ${Math.round(engineReady)} ms (DuckDB alone: ${result.engineAloneMs.median} ms) | ${ok(engineReady <= 1500)} |`,
  `| cold bytes ≤ 8 MB | ${mb(bytes.cold)} | ${ok(bytes.cold <= 8e6)} |`,
  `| control-to-paint p95 ≤ 50 ms, clicks back to back | ${result.controlToPaintMs.p95} ms | ${ok(result.controlToPaintMs.p95 <= 50)} |`,
  `| control-to-paint p95 ≤ 50 ms, clicks ${PACE_MS} ms apart | ${result.controlToPaintPacedMs.p95} ms | ${ok(result.controlToPaintPacedMs.p95 <= 50)} |`,
  `| app JavaScript ≤ 150 KB gzip | ${(result.appScriptsGzip.total / 1024).toFixed(1)} KB | ${ok(result.appScriptsGzip.total <= 150 * 1024)} |`,
  '',
];
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results', 'latest.json'), JSON.stringify(result, null, 2));
writeFileSync(join(ROOT, 'bench-results', 'latest.md'), lines.join('\n'));
console.log(lines.join('\n'));
