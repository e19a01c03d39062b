/**
 * English mode has no Dutch left on screen except quoted source text, which carries its language
 * (`lang="nl"`, or the language it was published in). Every view of every domain, and the table of
 * every indicator (where the notes are), with every fold-out opened, in the production build.
 *
 * How Dutch is recognised (an oracle that imports nothing from src/): words that are Dutch and not
 * English, searched in the page's text after taking out (1) elements marked with another language,
 * (2) names — of publishers, titles, places, groups, indicators and targets, read from data/*.csv in
 * their English form — and (3) passages in quotation marks inside our notes, which quote a source.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { settled } from './expect';
import { ROOT, startHarness, waitForEngine, type Harness } from './harness';
import { readCsvText } from '../oracle/load';

const DOMAINS = ['onderwijs', 'werk', 'inburgering', 'huizen_van_het_kind', 'personeel'];
const VIEWS = ['trend', 'compare', 'gap', 'target', 'table'];
/** Dutch words that are not English words (nor parts of the names taken out). */
const DUTCH =
  /\b(het|een|geen|niet|voor|werd|wordt|zijn|naar|cijfers?|bronn?e?n?|tegenover|gemiddelde|procent|alinea|artikel|tabel|schooljaar|leerlingen|inburgeraars|herkomst|weergaven?|kloof|streefcijfer|tussenkop|rubriek|op basis van|afgerond)\b/gi;

let h: Harness;
let names: string[];
beforeAll(async () => {
  h = await startHarness();
  const csv = (name: string) => readCsvText(join(ROOT, 'data', name));
  const [sources, geos, groups, indicators, targets] = [
    await csv('sources.csv'),
    await csv('geos.csv'),
    await csv('groups.csv'),
    await csv('indicators.csv'),
    await csv('targets.csv'),
  ];
  names = [
    ...sources.flatMap((s) => [s.publisher_en, s.title]),
    ...geos.map((g) => g.name_en),
    ...groups.map((g) => g.label_en),
    ...indicators.map((i) => i.label_en),
    ...targets.map((t) => t.label_en),
  ]
    .filter((n) => n && n.length > 2)
    .sort((a, b) => b.length - a.length);
});
afterAll(async () => {
  await h?.close();
});

/**
 * Dutch proper names of organisations and reports (no English name exists; written as the
 * organisations write them).
 */
const PROPER_NAMES = [
  'Een beeld op de Huizen van het Kind',
  'Huis van het Kind Brussel',
  'Huis van het Nederlands',
  'Huizen van het Kind',
  'Huis van het Kind',
  'Centrum voor Basiseducatie',
];

/** Dutch words on screen outside elements marked with another language, with some context each. */
async function dutchOnScreen(page: Page): Promise<string[]> {
  // One string per text node: a quotation never spans two cells.
  const texts = await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const el of clone.querySelectorAll('[lang]:not([lang="en"]), script, style, svg')) el.remove();
    const out: string[] = [];
    const walker = document.createTreeWalker(clone, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent?.trim()) out.push(n.textContent);
    return out;
  });
  const hits: string[] = [];
  for (const text of texts) {
    let rest = text.replace(/\s+/g, ' ');
    for (const n of [...names, ...PROPER_NAMES]) rest = rest.split(n).join(' ');
    rest = rest.replace(/(^|[\s(])'[^']*'(?![a-z])|‘[^’]*’|“[^”]*”|"[^"]*"/g, ' ');
    for (const m of rest.matchAll(DUTCH)) hits.push(rest.slice(Math.max(0, m.index - 40), m.index + 40).trim());
  }
  return hits;
}

describe('English mode', () => {
  it('no Dutch on any view of any domain, nor in the table of any indicator', async () => {
    const page = await h.open('/?lang=en');
    await waitForEngine(page);
    const found = new Set<string>();
    const record = async (where: string) => {
      await settled(page);
      for (const hit of await dutchOnScreen(page)) found.add(`${where}: …${hit}…`);
    };
    for (const domain of DOMAINS) {
      await page.locator(`[data-testid="domains"] button[data-domain="${domain}"]`).click();
      for (const view of VIEWS) {
        await page.locator(`[data-testid="views"] button[data-view="${view}"]`).click();
        await record(`${domain}/${view}`);
      }
      // The table of every indicator of the domain: the notes of its figures.
      const options = await page
        .getByTestId('indicator')
        .locator('option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      for (const id of options) {
        await page.getByTestId('indicator').selectOption(id);
        await expect.poll(() => page.getByTestId('panel').getAttribute('data-indicator')).toBe(id);
        await record(`${domain}/${id}/table`);
      }
    }
    expect([...found]).toEqual([]);
    await page.context().close();
  }, 600_000);

  it('quoted source text carries its language: a Dutch quote is marked lang="nl"', async () => {
    const page = await h.open('/?lang=en');
    await settled(page);
    await page.locator('[data-testid="quotes"] > summary').click();
    const langs = await page.locator('[data-testid="quotes"] q').evaluateAll((qs) => qs.map((q) => q.getAttribute('lang')));
    expect(langs.length).toBeGreaterThan(0);
    expect(langs.every((l) => l === 'nl' || l === 'en' || l === 'fr' || l === 'de')).toBe(true);
    // The page's default view (employment rate, Vlaams Gewest) quotes Steunpunt Werk in Dutch.
    expect(langs).toContain('nl');
    await page.context().close();
  });
});
