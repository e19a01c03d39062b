/**
 * The Export / Share panel in real Chromium on the production build: each download's content is
 * read and checked (CSV rows written by hand from data/observations.csv for one view per domain,
 * a gap view among them; the SVG parses and names title, sources and data version; PNG sizes),
 * formula cells are neutralised, and the citation names the permalink and data version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import type { Page } from 'playwright-core';
import { settled } from './expect';
import { ROOT, SCREENSHOTS, startHarness, waitForEngine, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const version = () => (JSON.parse(readFileSync(join(ROOT, 'dist', 'data', 'manifest.json'), 'utf8')) as { version: string }).version;

async function openPanel(path: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await h.open(path, viewport);
  await waitForEngine(page);
  await settled(page);
  await page.locator('[data-testid="export"] > summary').click();
  return page;
}

/** Clicks a control that saves a file and returns the file's bytes. */
async function download(page: Page, testid: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return readFileSync((await file.path())!);
}

/** The plain CSV's rows as objects keyed by its header. */
async function csvRows(page: Page): Promise<Record<string, string>[]> {
  const text = (await download(page, 'export-csv-plain')).toString('utf8');
  const [header, ...lines] = text.trimEnd().split('\r\n');
  const cols = header.split(',');
  // The rows checked here hold no quoted commas in the columns read.
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}
const pick = (rows: Record<string, string>[], ...keys: string[]) => rows.map((r) => keys.map((k) => r[k]).join(' '));

describe('CSV of exactly the values drawn, one view per domain', () => {
  it('werk, origin gap by country of birth: one row per computed gap, naming both figures’ sources', async () => {
    // werkzaamheidsgraad, vlaams_gewest, reference geboren_belgie: 2011 73.3 − 53.0 = 20.3; 2015 73.6 − 53.7 = 19.9;
    // 2022 72.5 − 73.5 = −1 and 72.5 − 60.5 = 12; 2023 78.6 − 76.3 = 2.3 and 78.6 − 63.4 = 15.2.
    const page = await openPanel('/?view=gap');
    const rows = await csvRows(page);
    expect(pick(rows, 'group_id', 'reference_group', 'period', 'measure', 'value', 'unit')).toEqual([
      'geboren_eu geboren_belgie 2022 gap -1 pp',
      'geboren_eu geboren_belgie 2023 gap 2.3 pp',
      'geboren_buiten_eu geboren_belgie 2011 gap 20.3 pp',
      'geboren_buiten_eu geboren_belgie 2015 gap 19.9 pp',
      'geboren_buiten_eu geboren_belgie 2022 gap 12 pp',
      'geboren_buiten_eu geboren_belgie 2023 gap 15.2 pp',
    ]);
    expect(rows[0].source_publisher).toMatch(/Nieuwsblad/);
    await page.context().close();
  });

  it('onderwijs, early school leaving by home language, 2021/2022', async () => {
    // ongekwalificeerde_uitstroom, vlaanderen_brussel, 2021/2022: thuistaal_nl 8.5, thuistaal_niet_nl 27.2 (onderwijs_belga_esl_2024_thuistaal).
    const page = await openPanel(
      '/?ind=ongekwalificeerde_uitstroom&view=compare&geo=vlaanderen_brussel&grp=thuistaal_nl~thuistaal_niet_nl&yr=2022',
    );
    expect(pick(await csvRows(page), 'place_id', 'group_id', 'period', 'measure', 'value', 'approx')).toEqual([
      'vlaanderen_brussel thuistaal_nl 2021/2022 value 8.5 false',
      'vlaanderen_brussel thuistaal_niet_nl 2021/2022 value 27.2 false',
    ]);
    await page.context().close();
  });

  it('inburgering, certificates in 2019', async () => {
    // inburgering_attesten, vlaanderen_brussel, 2019, totaal: 16275 (inb_hln_attesten_2017_2019).
    const page = await openPanel('/?ind=inburgering_attesten&view=compare&geo=vlaanderen_brussel&yr=2019');
    expect(pick(await csvRows(page), 'place_id', 'group_id', 'period', 'measure', 'value')).toEqual([
      'vlaanderen_brussel totaal 2019 value 16275',
    ]);
    await page.context().close();
  });

  it('Huizen van het Kind 2019: the agency’s 222 drawn, the barometer’s 266 beside it as an alternative', async () => {
    // hvk_aantal_huizen, vlaanderen_brussel, 2019: 222 (hvk_opgroeien_2019, agency), 266 (hvk_kwb_2019, research).
    const page = await openPanel('/?ind=hvk_aantal_huizen&view=compare&geo=vlaanderen_brussel&yr=2019');
    expect(pick(await csvRows(page), 'period', 'measure', 'value')).toEqual(['2019 value 222', '2019 alternative 266']);
    await page.context().close();
  });

  it('personeel, representation: staff, population and their ratio', async () => {
    // stadspersoneel 13 (2014), 16 (2016-01-01); bevolking 31 (2014), 34 (2016-01-01, 18-65): 13/31 = 0.419355, 16/34 = 0.470588.
    const page = await openPanel('/?ind=stadspersoneel_buitenlandse_herkomst_pct&view=representation&geo=centrumsteden');
    expect(pick(await csvRows(page), 'indicator', 'period', 'measure', 'value', 'unit')).toEqual([
      'stadspersoneel_buitenlandse_herkomst_pct 2014 value 13 %',
      'bevolking_buitenlandse_herkomst_pct 2014 value 31 %',
      'stadspersoneel_buitenlandse_herkomst_pct 2014 ratio 0.419355 ratio',
      'stadspersoneel_buitenlandse_herkomst_pct 2016-01-01 value 16 %',
      'bevolking_buitenlandse_herkomst_pct 2016-01-01 value 34 %',
      'stadspersoneel_buitenlandse_herkomst_pct 2016-01-01 ratio 0.470588 ratio',
    ]);
    await page.context().close();
  });

  it('the Excel dialect: BOM, semicolons, decimal commas; a place name that starts with "=" comes out neutralised', async () => {
    const page = await h.open('/?view=compare');
    // A hostile extract: the Vlaams Gewest's name rewritten into a formula on its way to the page.
    await page.route('**/data/boot.json', async (route) => {
      const res = await route.fetch();
      const text = (await res.text()).replace('"name_nl":"Vlaams Gewest"', '"name_nl":"=HYPERLINK(\\"http://x\\")"');
      await route.fulfill({ response: res, body: text });
    });
    await page.reload();
    await settled(page);
    await page.locator('[data-testid="export"] > summary').click();
    const text = (await download(page, 'export-csv-excel')).toString('utf8');
    expect(text.startsWith('\ufeffindicator;indicator_label;place;')).toBe(true);
    const first = text.split('\r\n')[1];
    expect(first).toContain(';"\'=HYPERLINK(""http://x"")";vlaams_gewest;');
    expect(first).toContain(';78,6;%;');
    await page.context().close();
  });
});

describe('images', () => {
  it('the SVG stands alone: it parses and holds the title, every source, the data version and the permalink', async () => {
    const page = await openPanel('/?view=gap');
    const title = await page.getByTestId('title').innerText();
    const svg = (await download(page, 'export-svg')).toString('utf8');
    const doc = new new JSDOM('').window.DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const text = [...doc.getElementsByTagName('text')].map((t) => t.textContent).join(' ');
    expect(text).toContain(title.split(':')[0]);
    for (const publisher of await page.locator('[data-testid="source-line"] [data-testid="source"]').allInnerTexts()) {
      expect(text).toContain(publisher.split(',')[0].trim());
    }
    expect(text).toContain(version());
    expect(text).toContain('v=' + version());
    expect(svg).not.toMatch(/(?:href|src)\s*=|url\(|@import/);
    expect(svg.length).toBeLessThan(200_000);
    // The chart itself is drawn in: Plot's SVG, nested, with its lines.
    const chart = doc.documentElement.getElementsByTagName('svg')[0];
    expect(Number(chart.getAttribute('height'))).toBeGreaterThan(200);
    expect(chart.getElementsByTagName('path').length).toBeGreaterThan(2);

    // Drawn in the browser, no text runs past the image's edge.
    const overflow = await page.evaluate((s) => {
      document.body.insertAdjacentHTML('beforeend', `<div id="probe">${s}</div>`);
      const root = document.querySelector('#probe > svg')!;
      const frame = root.getBoundingClientRect();
      const out = [...root.querySelectorAll('text')]
        .map((t) => ({ t: t.textContent, b: t.getBoundingClientRect() }))
        .filter(({ b }) => b.width > 0 && (b.left < frame.left - 1 || b.right > frame.right + 1))
        .map(({ t }) => t);
      document.getElementById('probe')!.remove();
      return out;
    }, svg);
    expect(overflow).toEqual([]);
    await page.context().close();
  });

  it('PNG sizes: 800 px at 1×, 1600 px at 2×, and 10 cm at 300 dpi is 1181 px', async () => {
    const page = await openPanel('/');
    const width = (png: Buffer) => png.readUInt32BE(16);
    expect(width(await download(page, 'export-png1'))).toBe(800);
    const twice = await download(page, 'export-png2');
    expect(width(twice)).toBe(1600);
    await page.getByTestId('export-print-cm').fill('10');
    expect(width(await download(page, 'export-png-print'))).toBe(1181);
    await page.setContent(`<img src="data:image/png;base64,${twice.toString('base64')}">`);
    await page.screenshot({ path: join(SCREENSHOTS, 'export-png-2x.png'), fullPage: true });
    await page.context().close();
  });
});

describe('citation, link and the whole extract', () => {
  it('the citation names the view, the data version and the permalink; the link copies the same permalink', async () => {
    const page = await openPanel('/?lang=en&view=compare');
    const permalink = await page.getByTestId('export-permalink').inputValue();
    expect(permalink).toContain(`v=${version()}`);
    expect(new URL(permalink).origin).toBe(new URL(h.url).origin);
    const apa = await page.getByTestId('cite-apa').inputValue();
    expect(apa).toContain(permalink);
    expect(apa).toContain(`data version ${version()}`);
    expect(apa).toContain('Employment rate, Flemish Region, 2023');
    expect(await page.getByTestId('cite-bibtex').inputValue()).toMatch(/^@misc\{herkomstkloof_/);
    await page.screenshot({ path: join(SCREENSHOTS, 'export-panel-en.png'), fullPage: true });
    await page.context().close();
  });

  it('offers every Parquet file and the CSV zip of the extract, all served from this site', async () => {
    const page = await openPanel('/', { width: 360, height: 800 });
    // The list appears once the manifest (fetched when the panel opens) has arrived.
    await page.getByTestId('export-extract').waitFor();
    const links = await page.locator('[data-testid="export-extract"] a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.map((l) => l.split('/').pop())).toEqual([
      'indicators.parquet',
      'groups.parquet',
      'geos.parquet',
      'sources.parquet',
      'targets.parquet',
      'observations.parquet',
      `herkomstkloof-${version()}-csv.zip`,
    ]);
    for (const l of links) {
      const res = await page.request.get(l);
      expect(res.status()).toBe(200);
      expect((await res.body()).length).toBeGreaterThan(100);
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'export-panel-360.png'), fullPage: true });
    expect(h.requests.filter((u) => !u.startsWith(h.url) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    await page.context().close();
  });
});
