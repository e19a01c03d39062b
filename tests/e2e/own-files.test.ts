/**
 * Issue 12, end to end: Parquet files (zstd and snappy, DECIMAL and DATE columns, written here by
 * DuckDB in Node), a wide CSV in English, a file beside the curated figures, a file opened by URL,
 * and a read cancelled midway. Every file is SYNTHETIC and made by this test; every expected value
 * is read off the rows written below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openMemory } from '../../scripts/lib/duckdb-node';
import { settled } from './expect';
import { SCREENSHOTS, startHarness, type Harness } from './harness';
import { openOwnPanel } from './own-panel';

let h: Harness;
let dir: string;
beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(join(tmpdir(), 'own-files-'));
  const conn = await openMemory();
  // Two synthetic figures with a DECIMAL value (12.5 and 7.25 must not become 12 or 7) and a DATE period.
  const rows = `SELECT * FROM (VALUES
      ('Aandeel (synthetisch)', '44021', DATE '2019-12-31', 'Belgische herkomst', CAST(12.5 AS DECIMAL(6,2))),
      ('Aandeel (synthetisch)', '44021', DATE '2020-12-31', 'Belgische herkomst', CAST(7.25 AS DECIMAL(6,2))))
    AS t(indicator, nis, peildatum, herkomst, waarde)`;
  for (const codec of ['zstd', 'snappy'])
    await conn.run(`COPY (${rows}) TO '${join(dir, `synthetisch-${codec}.parquet`)}' (FORMAT parquet, COMPRESSION ${codec})`);
  // 2,100,000 synthetic rows, more than the page loads at once: 21 indicators × 100,000, sorted by indicator.
  await conn.run(`COPY (SELECT 'Synthetisch ' || lpad(CAST(i // 100000 AS VARCHAR), 2, '0') AS indicator, '44021' AS nis,
      CAST(2000 + i % 20 AS INTEGER) AS jaar, 'Herkomst ' || CAST(i // 20 % 5000 AS VARCHAR) AS herkomst, CAST(i % 1000 AS DOUBLE) / 10 AS waarde
      FROM range(2100000) t(i) ORDER BY i) TO '${join(dir, 'groot.parquet')}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)`);
  conn.closeSync();
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function download(page: Page, testid: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return readFileSync((await file.path())!, 'utf8');
}

/** Through the report to the chart; returns the report's summary. */
async function checkAndAdd(page: Page): Promise<string> {
  await page.getByTestId('own-check').click({ timeout: 30_000 });
  const summary = await page.getByTestId('own-summary').innerText({ timeout: 30_000 });
  await page.getByTestId('own-add').click();
  await page.getByTestId('own-done').waitFor({ timeout: 30_000 });
  await settled(page);
  return summary;
}

/** The figures of the plain CSV export: every cell that is a number and not a year. */
async function exportedValues(page: Page): Promise<string[]> {
  await page.locator('[data-testid="export"] > summary').click();
  const csv = await download(page, 'export-csv-plain');
  return csv
    .trimEnd()
    .split('\r\n')
    .slice(1)
    .flatMap((l) => l.split(','))
    .filter((c) => /^\d+(\.\d+)?$/.test(c) && !/^(19|20)\d\d$/.test(c))
    .sort();
}

describe('Parquet files', () => {
  for (const codec of ['zstd', 'snappy'])
    it(`${codec}: a DECIMAL keeps its decimals and a DATE is a period, drawn and exported`, async () => {
      const page = await openOwnPanel(h);
      await page.getByTestId('own-file').setInputFiles(join(dir, `synthetisch-${codec}.parquet`));
      await page.getByTestId('own-mapping').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('own-mapping').innerText()).toContain(`synthetisch-${codec}.parquet: 2 rijen`);
      expect(await checkAndAdd(page)).toBe('2 van 2 rijen aanvaard, 0 afgewezen.');
      expect(await page.getByTestId('panel').getAttribute('data-geos')).toBe('eigen_gent');
      expect(await page.locator('main').innerText()).toContain('Gent (uw bestand)');
      expect(await exportedValues(page)).toEqual(['12.5', '7.25']);
      await page.context().close();
    });
});

describe('a Parquet file larger than the page loads at once', () => {
  it('dropped: its indicators are listed, one is chosen, and only its rows are read', async () => {
    const page = await openOwnPanel(h);
    await page.getByTestId('own-file').setInputFiles(join(dir, 'groot.parquet'));
    const choose = page.getByTestId('own-choose');
    await choose.waitFor({ timeout: 60_000 });
    expect(await choose.innerText()).toContain('groot.parquet: 2.100.000 rijen, 21 indicatoren.');
    expect(await page.getByTestId('own-indicator-choice').count()).toBe(21);
    expect(await page.getByTestId('own-load-chosen').innerText()).toBe('100.000 rijen laden');
    await page.getByTestId('own-load-chosen').click();
    await page.getByTestId('own-mapping').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('own-mapping').innerText()).toContain('groot.parquet: 100.000 rijen');
    await page.screenshot({ path: join(SCREENSHOTS, 'own-choose-nl.png'), fullPage: true });
    await page.context().close();
  });

  it('by URL: read by range requests, and what was fetched is a small part of the file, counted by the server', async () => {
    const page = await openOwnPanel(h, '/?lang=en');
    const body = readFileSync(join(dir, 'groot.parquet'));
    let served = 0;
    await page.route('**/eigen/groot.parquet', async (route) => {
      const request = route.request();
      if (request.method() === 'HEAD') return route.fulfill({ status: 200, headers: { 'Content-Length': String(body.length) }, body: '' });
      const range = /^bytes=(\d+)-(\d*)$/.exec((await request.allHeaders())['range'] ?? '');
      if (!range) {
        served += body.length;
        return route.fulfill({ status: 200, body });
      }
      const start = Number(range[1]);
      const end = range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
      served += end - start + 1;
      return route.fulfill({
        status: 206,
        headers: { 'Content-Range': `bytes ${start}-${end}/${body.length}`, 'Content-Length': String(end - start + 1) },
        body: body.subarray(start, end + 1),
      });
    });
    await page.getByTestId('own-url').fill(new URL('eigen/groot.parquet', h.url).href);
    await page.getByTestId('own-url').press('Enter');
    await page.getByTestId('own-choose').waitFor({ timeout: 60_000 });
    const choices = page.getByTestId('own-indicator-choice');
    await choices.nth(0).uncheck();
    await choices.nth(20).check();
    await page.getByTestId('own-load-chosen').click();
    await page.getByTestId('own-mapping').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('own-mapping').innerText()).toContain('groot.parquet: 100,000 rows');
    // The page says what it fetched, and so does the server: under a fifth of the file.
    expect(served / body.length).toBeLessThan(0.2);
    const said = (await page.getByTestId('own-transfer').innerText()).match(/^([\d.]+) MB of ([\d.]+) MB read \(([\d.]+)%/);
    expect(said).not.toBeNull();
    expect(Number(said![3])).toBeLessThan(20);
    expect(Math.abs(Number(said![1]) * 1e6 - served)).toBeLessThan(0.02e6);
    await page.context().close();
  });
});

describe('a wide CSV, in English', () => {
  it('a column per year becomes a figure per year; the report and the chart speak English', async () => {
    const page = await openOwnPanel(h, '/?lang=en');
    const csv = ['Gemeente;Herkomst;2019;2020 (%)', 'Gent;Belgische herkomst;75,1;75,9', 'Gent;Niet-EU-herkomst;48,2;-'].join('\n');
    await page.getByTestId('own-file').setInputFiles({ name: 'werkzaamheid-breed.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const mapping = page.getByTestId('own-mapping');
    await mapping.waitFor({ timeout: 30_000 });
    expect(await mapping.innerText()).toContain('werkzaamheid-breed.csv: 2 rows');
    expect(await mapping.innerText()).toContain('Wide format: one column per period (2019, 2020 (%)).');
    expect(await checkAndAdd(page)).toBe('3 of 4 rows accepted, 1 rejected.');
    expect(await page.locator('main').innerText()).toContain('Ghent (your file)');
    expect(await exportedValues(page)).toEqual(['48.2', '75.1', '75.9']);
    await page.screenshot({ path: join(SCREENSHOTS, 'own-chart-en.png'), fullPage: true });
    await page.context().close();
  });
});

describe('beside the curated figures', () => {
  it('a file on a catalogue indicator is drawn in the file’s place beside the Flemish figure', async () => {
    const page = await openOwnPanel(h);
    const csv = ['indicator;gemeente;jaar;herkomst;waarde', 'Werkzaamheidsgraad;Gent;2019;Belgische herkomst;70,5'].join('\n');
    await page.getByTestId('own-file').setInputFiles({ name: 'gent.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('own-mapping').waitFor({ timeout: 30_000 });
    expect(await checkAndAdd(page)).toBe('1 van 1 rij aanvaard, 0 afgewezen.');
    const panel = page.getByTestId('panel');
    expect(await panel.getAttribute('data-indicator')).toBe('werkzaamheidsgraad');
    expect(await panel.getAttribute('data-geos')).toBe('eigen_gent~vlaams_gewest');
    await page.screenshot({ path: join(SCREENSHOTS, 'own-beside-nl.png'), fullPage: true });
    const sources = await page.getByTestId('source-line').innerText();
    expect(sources).toContain('Uw bestand, gent.csv');
    expect(await page.getByTestId('notes').innerText()).toContain(
      'Cijfers uit uw eigen bestand (gent.csv): niet nagekeken door Herkomstkloof.',
    );
    await page.context().close();
  });
});

describe('a file by URL', () => {
  it('a file on this site is read like a chosen one; a missing one gets a message naming it', async () => {
    const page = await openOwnPanel(h);
    const csv = ['indicator;gemeente;jaar;herkomst;waarde', 'Aandeel (synthetisch);Gent;2019;Belgische herkomst;3,5'].join('\n');
    await page.route('**/eigen/synthetisch.csv', (route) => route.fulfill({ status: 200, contentType: 'text/csv', body: csv }));
    await page.getByTestId('own-url').fill(new URL('eigen/synthetisch.csv', h.url).href);
    await page.getByTestId('own-url').press('Enter');
    await page.getByTestId('own-mapping').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('own-mapping').innerText()).toContain('synthetisch.csv: 1 rij');
    await page.getByTestId('own-url').fill(new URL('eigen/bestaat-niet.csv', h.url).href);
    await page.getByTestId('own-url').press('Enter');
    const error = page.getByTestId('own-error');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.innerText()).toMatch(/^bestaat-niet\.csv kon niet opgehaald worden \(HTTP 404\)/);
    await page.context().close();
  });
});

describe('cancelling', () => {
  it('a read cancelled midway leaves nothing behind and the page keeps working', async () => {
    const page = await openOwnPanel(h);
    // 40 MB of synthetic rows: long enough to cancel while it is read.
    const line = 'Aandeel (synthetisch);Gent;2019;Belgische herkomst;3,5\n';
    const big = Buffer.from('indicator;gemeente;jaar;herkomst;waarde\n' + line.repeat(Math.ceil(40e6 / line.length)));
    await page.getByTestId('own-file').setInputFiles({ name: 'groot.csv', mimeType: 'text/csv', buffer: big });
    await page.getByTestId('own-cancel').click({ timeout: 10_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="own-status"]')?.getAttribute('data-step') === 'idle');
    // Nothing appears later for the cancelled file, and the controls still answer.
    await page.waitForTimeout(3000);
    expect(await page.getByTestId('own-mapping').count()).toBe(0);
    expect(await page.getByTestId('own-error').count()).toBe(0);
    await page.locator('[data-testid="domains"] button[data-domain="onderwijs"]').click();
    expect((await settled(page)).status).toBe('ready');
    await page.context().close();
  });
});
