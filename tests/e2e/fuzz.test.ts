/**
 * URL fuzzing against the production build: generated URLs (seeded, reproducible; TEST_SEED to vary,
 * the seed is printed) mixing valid ids with SQL and HTML payloads, overlong and unicode values,
 * duplicate and unknown parameters and absurd year ranges. For each URL: no uncaught page error, no
 * script execution (no `window.__pwned`, no dialog), no request off localhost, the panel settles on a
 * chart or a clear message, the page does not widen, and a notice is shown exactly when the oracle
 * below says a parameter was rejected.
 *
 * The oracle imports nothing from src/: it knows the valid ids from the built boot.json read as plain
 * JSON, and the URL rules from the README (parameter names, views, year ranges 1900..2100, sort keys,
 * `grp=-` for no groups, list length limited to every id of its kind joined).
 *
 * Speed: one page. A share of the URLs is opened cold with page.goto (the app boots from boot.json,
 * the first navigation also waits for the engine to start: those check the boot path and the
 * notices); the rest are walked to in the same page as the back button does (pushState + popstate),
 * so DuckDB-WASM stays warm and every view is drawn to the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SCREENSHOTS, startHarness, waitForEngine, type Harness } from './harness';
import { rng, seedOf, type Rng } from '../helpers/prng';

const SEED = seedOf(4242);
const COUNT = 510;
/** Every how many URLs one is opened cold with page.goto rather than walked to. */
const COLD_EVERY = 130;

// ---- The oracle: what the URL rules (README) say about a query, from the catalog as plain JSON. ----

interface Coverage {
  indicator: string;
  geo: string;
  group: string;
  n: number;
}
interface CatalogJson {
  indicators: { id: string }[];
  groups: { id: string }[];
  geos: { id: string }[];
  coverage: Coverage[];
}
const catalog = (JSON.parse(readFileSync(join(ROOT, 'dist', 'data', 'boot.json'), 'utf8')) as { catalog: CatalogJson }).catalog;

const DEFAULT_INDICATOR = 'werkzaamheidsgraad';
const VIEW_NAMES = ['trend', 'compare', 'gap', 'target', 'representation', 'table'];
const SORT_KEYS = ['geo', 'group', 'period', 'value', 'source'];
const KNOWN_PARAMS = ['lang', 'view', 'ind', 'geo', 'grp', 'yrs', 'yr', 'ref', 'sort', 'v', 'embed'];
const NON_LIST_LIMIT = 200;

const indicatorIds = catalog.indicators.map((i) => i.id);
const withFigures = indicatorIds.filter((id) => catalog.coverage.some((r) => r.indicator === id));
const geoIds = catalog.geos.map((g) => g.id);
const groupIds = catalog.groups.map((g) => g.id);
const listLimit = { geo: Math.max(NON_LIST_LIMIT, geoIds.join('~').length), grp: Math.max(NON_LIST_LIMIT, groupIds.join('~').length) };

const placesOf = (ind: string) => [...new Set(catalog.coverage.filter((r) => r.indicator === ind).map((r) => r.geo))];
/**
 * The place a view opens on when the URL names none it can use (the rule in src/lib/data/catalog.ts,
 * written again here): the Flemish Region, or Flanders and Brussels, when it has at least half as
 * many figures as the best-covered place; otherwise the best-covered place (first in catalog order).
 */
function openingPlace(ind: string): string {
  const places = geoIds.filter((g) => placesOf(ind).includes(g));
  const n = (g: string) => catalog.coverage.filter((r) => r.indicator === ind && r.geo === g).reduce((a, r) => a + r.n, 0);
  const most = Math.max(...places.map(n));
  const preferred = ['vlaams_gewest', 'vlaanderen_brussel'].find((g) => places.includes(g) && n(g) * 2 >= most);
  return preferred ?? places.find((g) => n(g) === most)!;
}
/** Groups with figures for the indicator in any of these places. */
const groupsIn = (ind: string, geos: string[]) =>
  groupIds.filter((g) => catalog.coverage.some((r) => r.indicator === ind && geos.includes(r.geo) && r.group === g));
/** Groups with figures in every place of the indicator: valid whatever places the URL picks. */
function groupsEverywhere(ind: string): string[] {
  const places = placesOf(ind);
  return groupIds.filter((g) => places.every((p) => catalog.coverage.some((r) => r.indicator === ind && r.geo === p && r.group === g)));
}
/** Groups with no figures for the indicator in any place: refused whatever places the URL picks. */
const groupsNowhere = (ind: string) => groupIds.filter((g) => !catalog.coverage.some((r) => r.indicator === ind && r.group === g));

function yearsOk(text: string, single: boolean): boolean {
  const m = /^(\d{4})(?:\.\.(\d{4}))?$/.exec(text);
  if (!m) return false;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  if (a < 1900 || b > 2100 || a > b) return false;
  return !single || a === b;
}

interface Expectation {
  rejected: string[];
  embed: boolean;
  indicator: string;
}

/** Which parameters the app must name in a notice, from the name/value pairs as URLSearchParams reads them. */
function oracle(pairs: [string, string][]): Expectation {
  const rejected: string[] = [];
  const values = new Map<string, string[]>();
  for (const [k, v] of pairs) values.set(k, [...(values.get(k) ?? []), v]);
  for (const [k, vs] of values) {
    if (!KNOWN_PARAMS.includes(k)) rejected.push(`unknown ${k}`);
    else if (vs.length > 1) rejected.push(`duplicate ${k}`);
  }
  const first = (k: string) => values.get(k)?.[0] ?? null;
  const tooLong = (k: string, v: string) => v.length > (k === 'geo' || k === 'grp' ? listLimit[k] : NON_LIST_LIMIT);
  const check = (k: string, ok: (v: string) => boolean) => {
    const v = first(k);
    if (v !== null && (tooLong(k, v) || !ok(v))) rejected.push(k);
  };
  const ind = first('ind');
  const indicator = ind !== null && !tooLong('ind', ind) && withFigures.includes(ind) ? ind : DEFAULT_INDICATOR;
  const list = (v: string) => v.split('~').filter((p) => p !== '');
  check('lang', (v) => v === 'nl' || v === 'en');
  check('view', (v) => VIEW_NAMES.includes(v));
  check('ind', (v) => withFigures.includes(v));
  const places = placesOf(indicator);
  check('geo', (v) => list(v).length > 0 && list(v).every((p) => places.includes(p)));
  // The places the view uses: the known ones with figures the URL names, else the opening place.
  const geoText = first('geo');
  const named = geoText === null || tooLong('geo', geoText) ? [] : list(geoText).filter((p) => places.includes(p));
  const available = groupsIn(indicator, named.length ? named : [openingPlace(indicator)]);
  check('grp', (v) => v === '-' || (list(v).length > 0 && list(v).every((g) => available.includes(g))));
  check('yrs', (v) => yearsOk(v, false));
  check('yr', (v) => yearsOk(v, true));
  check('ref', (v) => available.includes(v));
  check('sort', (v) => SORT_KEYS.includes(v.startsWith('-') ? v.slice(1) : v));
  check('embed', (v) => ['1', 'true', '0', 'false'].includes(v));
  check('v', (v) => /^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/.test(v));
  const embedValue = first('embed');
  return { rejected, embed: embedValue === '1' || embedValue === 'true', indicator };
}

// ---- The generator. ----

const PAYLOADS = [
  '<img src=x onerror=window.__pwned=1>',
  '<img src=//evil.example/x.png onerror=alert(1)>',
  '"><script>window.__pwned=1</script>',
  "'><svg onload=window.__pwned=1>",
  'javascript:window.__pwned=1',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '${window.__pwned=1}',
  "gent' OR '1'='1",
  "'; DROP TABLE observations; --",
  "1; SELECT * FROM read_csv_auto('https://evil.example/x')",
  "niet_eu') UNION SELECT 1,2,3 --",
  '%27%22%3C%3E',
  '</style><style>*{display:none}</style>',
  '<iframe src="https://evil.example"></iframe>',
  '\u202Eevil\u202C',
  'gent\u200B',
  'g\u0435nt',
  '\uFEFFlang',
  '\u0000\u0001\u001F\u007F',
  'Ünïcödé 漢字 🙂',
  'a\nb\r\nc\t',
];

function junk(r: Rng): string {
  switch (r.int(0, 6)) {
    case 0:
      return r.pick(PAYLOADS);
    case 1:
      return 'x'.repeat(r.pick([201, 1000, 5000]));
    case 2:
      return Array.from({ length: r.int(1, 12) }, () =>
        String.fromCodePoint(r.pick([0x202e, 0x2066, 0x200b, 0x41, 0x430, 0x1f600, 0xe9, 0x20, 0x7e])),
      ).join('');
    case 3:
      return '';
    case 4:
      return r.pick(['NL', 'Trend', 'GENT', 'null', 'undefined', 'NaN', '-1', '0', '1e9', 'true']);
    default:
      return r.pick(PAYLOADS) + r.pick(['', '~', '..', '&', '=']);
  }
}

function yearsText(r: Rng): string {
  const y = () => r.pick([r.int(1900, 2100), r.int(1000, 9999), r.int(2010, 2024), 0, -5, 1899, 2101]);
  return r.pick([
    `${y()}..${y()}`,
    String(y()),
    `${y()}`.padStart(6, '0'),
    `${r.int(2010, 2024)}-${r.int(2010, 2024)}`,
    '２０２０',
    '9999..0000',
    junk(r),
  ]);
}

function valueFor(name: string, r: Rng): string {
  const valid = r.chance(0.55);
  const ind = r.pick(withFigures);
  switch (name) {
    case 'lang':
      return valid ? r.pick(['nl', 'en']) : junk(r);
    case 'view':
      return valid ? r.pick(VIEW_NAMES) : junk(r);
    case 'ind':
      return valid ? ind : r.chance(0.3) ? r.pick(indicatorIds) : junk(r);
    case 'geo': {
      const parts = Array.from({ length: r.int(1, 6) }, () => (r.chance(0.8) ? r.pick(geoIds) : junk(r)));
      if (r.chance(0.05)) return Array(60).fill(r.pick(geoIds)).join('~');
      return valid && r.chance(0.3) ? geoIds.join('~') : parts.join('~');
    }
    case 'grp': {
      if (r.chance(0.1)) return '-';
      if (r.chance(0.1)) return groupIds.join('~');
      const everywhere = groupsEverywhere(DEFAULT_INDICATOR);
      const pool = [
        ...everywhere,
        ...groupsIn(DEFAULT_INDICATOR, ['vlaams_gewest']),
        ...groupsNowhere(DEFAULT_INDICATOR).slice(0, 5),
        ...groupIds.slice(0, 8),
      ];
      return Array.from({ length: r.int(1, 5) }, () => (r.chance(0.85) ? r.pick(pool) : junk(r))).join('~');
    }
    case 'yrs':
    case 'yr':
      return valid ? (name === 'yr' ? String(r.int(1900, 2100)) : `${r.int(2010, 2015)}..${r.int(2016, 2024)}`) : yearsText(r);
    case 'ref':
      return valid ? r.pick(r.chance(0.5) ? groupsIn(DEFAULT_INDICATOR, ['vlaams_gewest']) : groupIds) : junk(r);
    case 'sort':
      return valid ? `${r.chance(0.5) ? '-' : ''}${r.pick(SORT_KEYS)}` : junk(r);
    case 'embed':
      return r.chance(0.5) ? r.pick(['0', 'false', '1']) : junk(r);
    case 'v':
      return valid ? r.pick(['bb474afe7422', 'old-version.1']) : junk(r);
    default:
      return junk(r);
  }
}

function unknownName(r: Rng): string {
  if (r.chance(0.02)) return 'n'.repeat(100_000);
  return r.pick([
    'colour',
    'Lang',
    'lang ',
    'lang\u200B',
    'ｌａｎｇ',
    'utm_source',
    '__proto__',
    'constructor',
    'q',
    '',
    'grp[]',
    '<b>x</b>',
    junk(r) || 'z',
  ]);
}

/** One generated query: name/value pairs and the encoded query string. */
function generate(r: Rng): { pairs: [string, string][]; query: string } {
  const pairs: [string, string][] = [];
  const n = r.int(0, 7);
  for (let i = 0; i < n; i++) {
    const name = r.chance(0.8) ? r.pick(KNOWN_PARAMS) : unknownName(r);
    // Embed mode hides the notices: keep it rare, so most URLs check them.
    const value = name === 'embed' && r.chance(0.7) ? '0' : valueFor(name, r);
    pairs.push([name, value]);
    if (r.chance(0.08)) pairs.push([name, valueFor(name, r)]);
  }
  if (r.chance(0.02)) for (let i = 0; i < 300; i++) pairs.push([`p${i}`, String(i)]);
  const query = pairs.length ? `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}` : '';
  return { pairs, query };
}

// ---- The run. ----

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('notices of a hostile link', () => {
  it('lists five notices and counts the rest, shows invisible characters, and does not widen the page', async () => {
    // 1,000 unknown parameters, a 100 KB parameter name, a right-to-left override and a zero-width space in a place.
    const query = [
      ...Array.from({ length: 1000 }, (_, i) => `p${i}=1`),
      `${'n'.repeat(100_000)}=1`,
      `geo=${encodeURIComponent('gent\u200B')}`,
      `ind=${encodeURIComponent('\u202Eevil')}`,
      'p0=again',
    ].join('&');
    // Longer than the request line a server takes: walked to in the page, as a link followed inside the app would be.
    const page = await h.open('/');
    await page.waitForSelector('[data-testid="panel"]');
    await page.evaluate((url) => {
      history.pushState(null, '', url);
      dispatchEvent(new PopStateEvent('popstate'));
    }, `/?${query}`);
    await page.waitForSelector('[data-testid="url-notice"]');
    const items = await page.locator('[data-testid="url-notice"] li').allInnerTexts();
    // 1,000 + 1 unknown names, the place and the indicator: 1,003 distinct notices, 5 listed, 998 counted.
    expect(items).toHaveLength(6);
    expect(items[0]).toBe('Onbekende parameter “p0” genegeerd.');
    expect(items[5]).toBe('en nog 998 andere');
    const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    expect(wide).toBe(false);
    // The chart is not pushed far down by the list.
    const top = (await page.getByTestId('panel').boundingBox())?.y ?? Infinity;
    expect(top).toBeLessThan(1500);
    await page.screenshot({ path: join(SCREENSHOTS, 'url-notices-hostile.png') });
    await page.goto(new URL(`/?ind=${encodeURIComponent('\u202Eevil')}&geo=${encodeURIComponent('gent\u200B')}`, h.url).toString());
    await page.waitForSelector('[data-testid="url-notice"]');
    const text = await page.getByTestId('url-notice').innerText();
    expect(text).toContain('Onbekende waarde “\\u{202E}evil” voor “ind”; de standaard wordt getoond.');
    expect(text).toContain('Onbekende waarde “gent\\u{200B}” voor “geo”; de standaard wordt getoond.');
    expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F]/);
    await page.screenshot({ path: join(SCREENSHOTS, 'url-notices-bidi.png') });
    await page.context().close();
  }, 120_000);
});

describe('links the app writes', () => {
  it('unticking every group writes grp=- and a reload shows no groups, without a notice', async () => {
    const page = await h.open('/');
    await page.waitForSelector('[data-testid="groups"] input:checked');
    while (await page.locator('[data-testid="groups"] input:checked').count())
      await page.locator('[data-testid="groups"] input:checked').first().uncheck();
    await page.waitForFunction(() => location.search === '?grp=-');
    await page.reload();
    await page.waitForSelector('[data-testid="panel"][data-status="empty"]');
    expect(await page.locator('[data-testid="groups"] input:checked').count()).toBe(0);
    expect(await page.getByTestId('url-notice').count()).toBe(0);
    expect(await page.getByTestId('panel').innerText()).toContain('Kies minstens één groep.');
    await page.context().close();
  }, 120_000);
});

describe('URL fuzzing', () => {
  it(`contains ${COUNT} generated URLs (seed ${SEED})`, async () => {
    console.log(`url fuzz: seed ${SEED}, ${COUNT} URLs (TEST_SEED=${SEED} to repeat)`);
    const started = Date.now();
    const r = rng(SEED);
    const page = await h.open('/');
    const errors: string[] = [];
    const dialogs: string[] = [];
    const offsite: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (req) => {
      const host = new URL(req.url()).hostname;
      if (!['127.0.0.1', 'localhost'].includes(host) && !req.url().startsWith('data:') && !req.url().startsWith('blob:'))
        offsite.push(req.url());
    });
    await waitForEngine(page);
    const failures: string[] = [];
    let cold = 0;
    let coldMs = 0;
    let withNotice = 0;
    const statuses: Record<string, number> = {};
    for (let i = 0; i < COUNT; i++) {
      const { pairs, query } = generate(r);
      const expected = oracle(pairs);
      const path = `/${query}`;
      const t0 = Date.now();
      // A URL longer than a server's request line (the 100 KB names) is walked to, never opened cold.
      const isCold = i % COLD_EVERY === 0 && path.length < 8000;
      if (isCold) {
        cold++;
        await page.goto(new URL(path, h.url).toString());
      }
      // One round trip per URL: walk to it (as the back button does), wait until the panel settles, read the page.
      const seen = await page.evaluate(
        async ([url, walk]) => {
          if (walk) {
            history.pushState(null, '', url);
            dispatchEvent(new PopStateEvent('popstate'));
          }
          const statusOf = () => document.querySelector('[data-testid="panel"]')?.getAttribute('data-status') ?? '';
          const until = Date.now() + 30_000;
          await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
          while (!['ready', 'empty', 'error'].includes(statusOf()) && Date.now() < until) await new Promise((done) => setTimeout(done, 25));
          return {
            status: statusOf() || 'none',
            pwned: (window as unknown as { __pwned?: unknown }).__pwned !== undefined,
            notice: document.querySelector('[data-testid="url-notice"]') !== null,
            items: document.querySelectorAll('[data-testid="url-notice"] li').length,
            indicator: document.querySelector('[data-testid="panel"]')?.getAttribute('data-indicator') ?? '',
            wide: document.documentElement.scrollWidth > window.innerWidth + 1,
            injected: document.querySelectorAll('main script, main iframe, main img[src="x"], main img[src^="//"]').length,
          };
        },
        [path, !isCold] as const,
      );
      if (isCold) coldMs += Date.now() - t0;
      const status = seen.status;
      statuses[status] = (statuses[status] ?? 0) + 1;
      const want = expected.rejected.length > 0 && !expected.embed;
      if (want) withNotice++;
      const problems = [
        !['ready', 'empty', 'error'].includes(status) && `panel ${status}`,
        seen.pwned && 'script ran',
        seen.injected && 'markup injected',
        seen.notice !== want && `notice ${seen.notice}, oracle ${want} (${expected.rejected.join('; ') || 'nothing rejected'})`,
        seen.items > 6 && `${seen.items} notice lines`,
        seen.indicator !== expected.indicator && `indicator ${seen.indicator}, oracle ${expected.indicator}`,
        seen.wide && 'page wider than the window',
      ].filter(Boolean);
      if (i % 100 === 99) console.log(`url fuzz: ${i + 1} URLs after ${Math.round((Date.now() - started) / 1000)} s`);
      if (problems.length) failures.push(`#${i} ${path.slice(0, 300)}: ${problems.join(', ')}`);
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(
      `url fuzz: ${COUNT} URLs (${cold} opened cold, ${Math.round(coldMs / 1000)} s of it) in ${seconds} s; notices expected on ${withNotice}; panel`,
      statuses,
    );
    await page.context().close();
    expect(failures.slice(0, 20)).toEqual([]);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(offsite).toEqual([]);
    // The generator reached both sides of the oracle.
    expect(withNotice).toBeGreaterThan(COUNT / 4);
    expect(COUNT - withNotice).toBeGreaterThan(COUNT / 10);
  }, 1_200_000);
});
