/**
 * Issue 12, end to end on the production build: a researcher's own file, chosen in the page, is read
 * by DuckDB-WASM in the browser, its columns recognised, every row checked and reported, and the
 * accepted figures drawn, tabled, sourced and exported as the user's — without a byte leaving the
 * machine. Bad files get a message naming the file and the problem. The files are SYNTHETIC,
 * written here by hand; every expected value below is read off them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { settled } from './expect';
import { SCREENSHOTS, startHarness, type Harness } from './harness';
import { join } from 'node:path';
import { openOwnPanel } from './own-panel';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const FILE_NAME = 'synthetische-enquete-gent.csv';
/** A marker that appears only in the file's content: no request may carry it. */
const MARKER = 'Tewerkstelling (synthetische enquête)';
const LONG_CSV = [
  'indicator;gemeente;jaar;herkomst;waarde;opmerking',
  `${MARKER};44021;2019;Belgische herkomst;71,5;synthetisch`,
  `${MARKER};44021;2019;Niet-EU-herkomst;48,25;synthetisch`,
  `${MARKER};44021;2020;Belgische herkomst;72,0;synthetisch`,
  `${MARKER};44021;2020;Niet-EU-herkomst;abc;synthetisch`,
  `${MARKER};Antwerpen;2020;Belgische herkomst;-;synthetisch`,
  `${MARKER};Antwerpen;2020;Niet-EU-herkomst;45,0;synthetisch`,
  `${MARKER};Wijk Zuid;2020;Niet-EU-herkomst;39,5;synthetisch`,
].join('\r\n');

/** The text as Windows-1252, as older Excel on Windows saves it (é is one byte, 0xE9). */
function windows1252(text: string): Buffer {
  return Buffer.from([...text].map((c) => (c === 'é' ? 0xe9 : c === 'ê' ? 0xea : c.charCodeAt(0))));
}

async function choose(page: Page, name: string, bytes: Buffer, mimeType = 'text/csv'): Promise<void> {
  await page.getByTestId('own-file').setInputFiles({ name, mimeType, buffer: bytes });
}

async function download(page: Page, testid: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return readFileSync((await file.path())!, 'utf8');
}

describe('a long CSV with ; and decimal commas, in Windows-1252', () => {
  it('is recognised, checked row by row, added, drawn and exported as the user’s, and nothing leaves the page', async () => {
    const page = await openOwnPanel(h);
    const sent: { url: string; body: string }[] = [];
    page.on('request', (r) => sent.push({ url: r.url(), body: r.postData() ?? '' }));
    await choose(page, FILE_NAME, windows1252(LONG_CSV));

    const mapping = page.getByTestId('own-mapping');
    await mapping.waitFor({ timeout: 30_000 });
    expect(await mapping.innerText()).toContain(`${FILE_NAME}: 7 rijen`);
    // Columns: indicator 0, gemeente 1, jaar 2, herkomst 3, waarde 4, opmerking 5.
    for (const [role, column] of [
      ['indicator', '0'],
      ['place', '1'],
      ['period', '2'],
      ['group', '3'],
      ['value', '4'],
      ['note', '5'],
    ])
      expect(await page.getByTestId(`own-role-${role}`).inputValue(), role).toBe(column);
    await page.screenshot({ path: join(SCREENSHOTS, 'own-mapping-nl.png'), fullPage: true });

    await page.getByTestId('own-check').click();
    const summary = await page.getByTestId('own-summary').innerText();
    expect(summary).toBe('5 van 7 rijen aanvaard, 2 afgewezen.');
    const rejections = await page.getByTestId('own-rejections').locator('li').allInnerTexts();
    expect(rejections).toHaveLength(2);
    expect(rejections[0]).toMatch(/^regel 5: .*abc/);
    expect(rejections[1]).toMatch(/^regel 6: /);
    expect(await page.getByTestId('own-report').innerText()).toContain('Wijk Zuid');
    const report = await download(page, 'own-rejected-download');
    expect(report).toContain('abc');
    await page.screenshot({ path: join(SCREENSHOTS, 'own-report-nl.png'), fullPage: true });

    await page.getByTestId('own-add').click();
    await page.getByTestId('own-done').waitFor();
    expect(await page.getByTestId('own-done').innerText()).toContain(`5 cijfers uit ${FILE_NAME} toegevoegd`);
    await page.waitForFunction(
      (m) =>
        document.querySelector('[data-testid="panel"]')?.getAttribute('data-status') === 'ready' && document.body.innerText.includes(m),
      MARKER,
      { timeout: 30_000 },
    );
    // The chart of the file's indicator, in Gent (its best-covered place), sourced to the file.
    expect(await page.getByTestId('sources-panel').innerText()).toContain(FILE_NAME);
    expect(await page.getByTestId('sources-panel').innerText()).toContain('Uw bestand');
    await page.screenshot({ path: join(SCREENSHOTS, 'own-chart-nl.png'), fullPage: true });

    // The CSV export holds exactly the accepted Gent figures: 71.5 and 48.25 in 2019, 72 in 2020.
    await page.locator('[data-testid="export"] > summary').click();
    const csv = await download(page, 'export-csv-plain');
    const values = csv
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(','))
      .map((cells) => cells.find((c) => /^\d+(\.\d+)?$/.test(c) && !/^20\d\d$/.test(c)));
    expect(values.sort()).toEqual(['48.25', '71.5', '72']);

    // Privacy: every request stayed on this origin, and none carried the file's name or content.
    expect(sent.length).toBeGreaterThan(0);
    for (const r of sent) {
      expect(r.url.startsWith(h.url), r.url).toBe(true);
      expect(decodeURIComponent(r.url)).not.toContain(FILE_NAME);
      expect(decodeURIComponent(r.url)).not.toContain('synthetische');
      expect(r.body).not.toContain('synthetische');
    }
    await page.context().close();
  });
});

describe('bad files get a message naming the file, and the page keeps working', () => {
  const cases: [string, string, Buffer, RegExp][] = [
    ['an empty file', 'leeg.csv', Buffer.alloc(0), /^leeg\.csv is leeg/],
    [
      'binary garbage',
      'foto.csv',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
      /^foto\.csv is geen tekst- of Parquetbestand/,
    ],
    [
      'a truncated Parquet file',
      'afgebroken.parquet',
      Buffer.from('PAR1\x15\x04\x15\x10\x15\x14L\x15\x02\x15\x00', 'latin1'),
      /^afgebroken\.parquet kon niet als Parquet gelezen worden/,
    ],
  ];
  for (const [what, name, bytes, message] of cases)
    it(`${what}`, async () => {
      const page = await openOwnPanel(h);
      await choose(page, name, bytes);
      const error = page.getByTestId('own-error');
      await error.waitFor({ timeout: 30_000 });
      expect(await error.innerText()).toMatch(message);
      // The chart is still there and the controls still answer.
      expect(await page.locator('[data-testid="panel"]').getAttribute('data-status')).toBe('ready');
      await page.context().close();
    });

  it('payloads as labels stay text: no formula, no script, no SQL', async () => {
    const page = await openOwnPanel(h, '/?lang=en');
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const csv = [
      'indicator,place,year,group,value',
      `"<img src=x onerror=alert(1)>",44021,2019,Belgian origin,1.5`,
      `"<img src=x onerror=alert(1)>","'; DROP TABLE observations; --",2019,Belgian origin,2.5`,
      `"<img src=x onerror=alert(1)>",=cmd|' /C calc'!A0,2019,Belgian origin,3.5`,
    ].join('\n');
    await choose(page, 'payloads.csv', Buffer.from(csv));
    await page.getByTestId('own-check').click({ timeout: 30_000 });
    expect(await page.getByTestId('own-summary').innerText()).toBe('3 of 3 rows accepted, 0 rejected.');
    expect(await page.getByTestId('own-report').innerText()).toContain("'; DROP TABLE observations; --");
    await page.getByTestId('own-add').click();
    await page.getByTestId('own-done').waitFor({ timeout: 30_000 });
    await settled(page);
    // The label is on screen as text, the curated tables still answer, no script ran.
    expect(await page.locator('main').innerText()).toContain('<img src=x onerror=alert(1)>');
    expect(dialogs).toBe(0);
    await page.locator('[data-testid="domains"] button[data-domain="onderwijs"]').click();
    await settled(page);
    expect(await page.locator('[data-testid="panel"]').getAttribute('data-status')).toBe('ready');
    await page.context().close();
  });
});
