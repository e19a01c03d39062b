/**
 * Figures on the real extract, expected values written by hand from data/observations.csv and
 * data/sources.csv (the rows are quoted in the comments).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../../src/lib/data/catalog';
import type { BootData } from '../../src/lib/data/manifest';
import { defaultState, type ViewState } from '../../src/lib/state/view-state';
import { figureOf } from '../../src/lib/views/index';
import { loadView } from '../../src/lib/views/load';
import type { Figure } from '../../src/lib/figure/types';
import { openExtract, runQuery } from '../../scripts/lib/duckdb-node';
import { buildTempExtract } from '../helpers/extract';

let catalog: Catalog;
let figure: (s: ViewState) => Promise<Figure>;
beforeAll(async () => {
  const dir = await buildTempExtract();
  catalog = (JSON.parse(readFileSync(join(dir, 'boot.json'), 'utf8')) as BootData).catalog;
  const conn = await openExtract(dir);
  figure = async (s) => figureOf(catalog, s, await loadView({ query: (q) => runQuery(conn, q) }, catalog, s));
}, 60_000);

describe('comparison of the employment rate, Vlaams Gewest, 2023 (by country of birth)', () => {
  // werkzaamheidsgraad,vlaams_gewest,2023,geboren_belgie,…,78.6,sw_migratieachtergrond_2023 (and 76.3, 63.4)
  it('three bars, highest and lowest named, one source, a table with its columns', async () => {
    const f = await figure({ ...defaultState(catalog), view: 'compare' });
    expect(f.status).toBe('ready');
    expect(f.view).toBe('compare');
    expect(f.title).toBe('Werkzaamheidsgraad, Vlaams Gewest, 2023');
    expect(f.subtitle).toBe('');
    expect(f.unit).toBe('%');
    expect(f.table.columns.map((c) => [c.key, c.numeric ?? false])).toEqual([
      ['label', false],
      ['period', false],
      ['value', true],
      ['source', false],
    ]);
    expect(f.table.rows.map((r) => [r.cells.label, r.cells.period, r.cells.value, r.cells.source, r.primary, r.values.value])).toEqual([
      ['Geboren in België', '2023', '78,6\u00a0%', 'Steunpunt Werk 2024', true, 78.6],
      ['Geboren in andere EU-lidstaat', '2023', '76,3\u00a0%', 'Steunpunt Werk 2024', true, 76.3],
      ['Geboren buiten de EU', '2023', '63,4\u00a0%', 'Steunpunt Werk 2024', true, 63.4],
    ]);
    expect(f.sources.map((s) => s.id)).toEqual(['sw_migratieachtergrond_2023']);
    expect(f.summary).toBe(
      'Werkzaamheidsgraad, Vlaams Gewest, 2023. Geboren in België: 78,6\u00a0%. Geboren in andere EU-lidstaat: 76,3\u00a0%. Geboren buiten de EU: 63,4\u00a0%. Hoogste: Geboren in België, 78,6\u00a0%; laagste: Geboren buiten de EU, 63,4\u00a0%.',
    );
    expect(f.notes).toEqual([]);
    expect(f.disagreements).toEqual([]);
    expect(f.series.map((s) => s.group)).toEqual(['geboren_belgie', 'geboren_eu', 'geboren_buiten_eu']);
  });

  it('in English', async () => {
    const f = await figure({ ...defaultState(catalog, undefined, 'en'), view: 'compare' });
    expect(f.title).toBe('Employment rate, Flemish Region, 2023');
    expect(f.table.columns.map((c) => c.label)).toEqual(['Group', 'Period', 'Value', 'Source']);
  });

  it('no groups: says so; a place without any figure: says there are none', async () => {
    const none = await figure({ ...defaultState(catalog), view: 'compare', groups: [] });
    expect([none.status, none.message]).toEqual(['empty', 'Kies minstens één groep.']);
  });
});

describe('where sources disagree: Huizen van het Kind 2019', () => {
  // hvk_aantal_huizen,vlaanderen_brussel,2019,totaal,…,222,hvk_opgroeien_2019 (agency)
  // hvk_aantal_huizen,vlaanderen_brussel,2019,totaal,…,266,hvk_kwb_2019 (research)
  it('the comparison draws the agency’s 222, marks 266 and names both sources', async () => {
    const f = await figure({ ...defaultState(catalog, 'hvk_aantal_huizen'), view: 'compare', year: 2019 });
    expect(f.table.rows.map((r) => r.cells.value)).toEqual(['222']);
    expect(f.notes.map((n) => n.kind)).toEqual(['alternatives']);
    expect(f.sources.map((s) => s.id).sort()).toEqual(['hvk_kwb_2019', 'hvk_opgroeien_2019']);
    expect(f.disagreements.map((d) => d.text)).toEqual([
      'Totaal, 2019: getekend 222 (Opgroeien 2019, 2019); ook vermeld: 266 (Kinderwelzijnsbarometer 2019, 2019).',
    ]);
  });

  it('the trend lists both in its table, the drawn one first', async () => {
    const f = await figure(defaultState(catalog, 'hvk_aantal_huizen'));
    const in2019 = f.table.rows.filter((r) => r.cells.period === '2019');
    expect(in2019.map((r) => [r.cells.value, r.primary, r.cells.note])).toEqual([
      ['222', true, "getekend · 'sinds medio 2019'"],
      ['266', false, 'andere bron, niet getekend · Kinderwelzijnsbarometer; wijkt sterk af van 222-224 (Kind en Gezin/Opgroeien)'],
    ]);
  });
});

describe('early school leaving by home language (school years, lower is better)', () => {
  // ongekwalificeerde_uitstroom,vlaanderen_brussel,2021/2022: thuistaal_nl 8.5, thuistaal_niet_nl 27.2
  it('compares the latest school year and shows its period on the bar', async () => {
    const f = await figure({ ...defaultState(catalog, 'ongekwalificeerde_uitstroom'), view: 'compare' });
    expect(f.title).toMatch(/, 2022$/);
    expect(f.table.rows.map((r) => `${r.cells.period} ${r.cells.value}`)).toEqual(['2021/2022 8,5\u00a0%', '2021/2022 27,2\u00a0%']);
  });

  it('the gap is the group minus Dutch at home, 27,2 − 8,5 = 18,7 in 2021/2022', async () => {
    const f = await figure({ ...defaultState(catalog, 'ongekwalificeerde_uitstroom'), view: 'gap' });
    expect(f.status).toBe('ready');
    expect(f.view).toBe('gap');
    expect(f.unit).toBe('procentpunt');
    const last = f.table.rows.at(-1)!;
    expect([last.cells.period, last.cells.value, last.cells.reference, last.cells.gap]).toEqual([
      '2021/2022',
      '27,2\u00a0%',
      '8,5\u00a0%',
      '18,7\u00a0procentpunt',
    ]);
    expect(f.table.columns.map((c) => c.key)).toEqual(['geo', 'group', 'period', 'value', 'reference', 'gap']);
  });
});

describe('Flemish government staff of foreign origin: progress to target', () => {
  // vo_personeel_buitenlandse_herkomst_pct,vlaams_gewest,2023,buitenlands,…,13.9 — target 10 % by 2020
  // …,2016,allochtoon_oude_definitie,…,5.4 — target 4 % by 2015 (old count)
  it('both targets reached, each with its latest figure and source', async () => {
    const f = await figure({ ...defaultState(catalog, 'vo_personeel_buitenlandse_herkomst_pct'), view: 'target' });
    expect(f.status).toBe('ready');
    expect(f.view).toBe('target');
    expect(f.table.columns.map((c) => c.key)).toEqual(['label', 'latest', 'target', 'remaining']);
    expect(f.table.rows.map((r) => [r.cells.label, r.cells.latest, r.cells.target, r.cells.remaining, r.values.remaining])).toEqual([
      ['Migratieachtergrond buiten EU (oude telling) → 2015', '5,4\u00a0% (2016)', '4,0\u00a0%', 'gehaald', -1.4],
      ['Buitenlandse herkomst → 2020', '13,9\u00a0% (2023)', '10,0\u00a0%', 'gehaald', -3.9],
    ]);
    expect(f.summary).toContain('Buitenlandse herkomst → 2020: 13,9\u00a0% (2023), doel 10,0\u00a0%, gehaald.');
    expect(f.notes.map((n) => n.kind)).toEqual(['target', 'target']);
  });

  it('the trend marks both targets and names their source', async () => {
    const f = await figure(defaultState(catalog, 'vo_personeel_buitenlandse_herkomst_pct'));
    expect(f.sources.map((s) => s.id)).toContain('hibp2018_personeel_vo_streefcijfer_2020');
    expect(f.notes.filter((n) => n.kind === 'target').map((n) => n.text)).toEqual([
      'Streefcijfer 2015: 4 % personeel met een migratieachtergrond (oude telling).',
      'Streefcijfer 2020: 10 % personeel van buitenlandse herkomst.',
    ]);
  });
});

describe('our words in the reader’s language: notes, publishers and locators (data/*.csv `_en` columns)', () => {
  // werkzaamheidsgraad,vlaams_gewest,2011,geboren_buiten_eu,…,53.0,sw_kloof_geboorteland_2011,
  //   note "Enquête naar de Arbeidskrachten; buiten de EU28", note_en "Labour Force Survey; outside the EU28"
  // ow_nieuwsblad_sv_eak_2022: publisher "Het Nieuwsblad (Belga), op basis van Statistiek Vlaanderen (EAK)",
  //   publisher_en "Het Nieuwsblad (Belga), based on Statistiek Vlaanderen (Labour Force Survey, EAK)",
  //   locator "Artikel 4 mei 2023, alinea 2 en 5", locator_en "Article 4 May 2023, paragraphs 2 and 5"
  const table = (lang: 'nl' | 'en') => figure({ ...defaultState(catalog, undefined, lang), view: 'table' });
  const row2011 = (f: Figure) => f.table.rows.find((r) => r.key.startsWith('vlaams_gewest|geboren_buiten_eu|2011'));

  it('in English: the note, the publisher in the table and the source list, and the locator', async () => {
    const f = await table('en');
    expect(row2011(f)?.cells.note).toBe('Labour Force Survey; outside the EU28');
    const nieuwsblad = f.sources.find((s) => s.id === 'ow_nieuwsblad_sv_eak_2022');
    expect(nieuwsblad?.publisher).toBe('Het Nieuwsblad (Belga), based on Statistiek Vlaanderen (Labour Force Survey, EAK)');
    expect(nieuwsblad?.locator).toBe('Article 4 May 2023, paragraphs 2 and 5');
    expect(f.table.rows.map((r) => r.cells.source)).toContain(
      'Het Nieuwsblad (Belga), based on Statistiek Vlaanderen (Labour Force Survey, EAK) 2023',
    );
    // Quotes and titles stay as published.
    expect(nieuwsblad?.quote).toMatch(/^In 2022 werkte in het Vlaamse Gewest 71,5 procent/);
  });

  it('in Dutch: the Dutch', async () => {
    const f = await table('nl');
    expect(row2011(f)?.cells.note).toBe('Enquête naar de Arbeidskrachten; buiten de EU28');
    const nieuwsblad = f.sources.find((s) => s.id === 'ow_nieuwsblad_sv_eak_2022');
    expect(nieuwsblad?.publisher).toBe('Het Nieuwsblad (Belga), op basis van Statistiek Vlaanderen (EAK)');
    expect(nieuwsblad?.locator).toBe('Artikel 4 mei 2023, alinea 2 en 5');
  });
});

describe('representation: staff against population of the same place and year', () => {
  // stadspersoneel_buitenlandse_herkomst_pct,centrumsteden,2014,buitenlands,…,13 (two sources)
  // stadspersoneel_buitenlandse_herkomst_pct,centrumsteden,2016-01-01,buitenlands,…,16 (two sources)
  // bevolking_buitenlandse_herkomst_pct,centrumsteden,2014,buitenlands,…,31
  // bevolking_buitenlandse_herkomst_pct,centrumsteden,2016-01-01,buitenlands,T,18-65,34
  // 13 / 31 = 0.419…, 16 / 34 = 0.470…
  const centrum = (over: Partial<ViewState> = {}): ViewState => ({
    ...defaultState(catalog, 'stadspersoneel_buitenlandse_herkomst_pct'),
    view: 'representation',
    geos: ['centrumsteden'],
    groups: ['buitenlands'],
    ...over,
  });

  it('the 13 centrumsteden: 13 % against 31 % in 2014, 16 % against 34 % (18-65) in 2016', async () => {
    const f = await figure(centrum());
    expect(f.status).toBe('ready');
    expect(f.title).toBe(
      'Stadspersoneel van buitenlandse herkomst tegenover Bevolking van buitenlandse herkomst (referentie), 13 centrumsteden',
    );
    expect(f.table.rows.map((r) => [r.cells.row, r.cells.staff, r.cells.population, r.cells.ratio])).toEqual([
      ['2014', '13,0\u00a0%', '31,0\u00a0%', '0,42'],
      ['2016-01-01', '16,0\u00a0%', '34,0\u00a0% (18-65)', '0,47'],
    ]);
    expect(f.table.rows.map((r) => r.values.ratio)).toEqual([0.419355, 0.470588]);
    expect(f.summary).toContain(
      '2016-01-01: 16,0\u00a0% van het personeel tegenover 34,0\u00a0% (18-65) van de bevolking, verhouding 0,47.',
    );
    expect(f.notes[0].text).toMatch(/^Verhouding = aandeel in het personeel gedeeld door aandeel in de bevolking/);
  });

  it('in English, and a city whose staff figure has no population figure of the same year is named', async () => {
    // stadspersoneel_buitenlandse_herkomst_pct,gent,2019,…,18; bevolking_buitenlandse_herkomst_pct,gent,2017,…,33.17
    const f = await figure(centrum({ lang: 'en', geos: ['centrumsteden', 'gent'] }));
    expect(f.table.rows.map((r) => r.cells.row)).toEqual(['13 central cities, 2014', '13 central cities, 2016-01-01']);
    expect(f.notes.map((n) => n.text)).toContain(
      'Foreign origin — Ghent, 2019: no Population of foreign origin (reference) figure for the same year.',
    );
  });

  it('only where none of the chosen places has a pair: says so and offers the places that have one', async () => {
    const f = await figure(centrum({ geos: ['kortrijk'] }));
    expect(f.status).toBe('empty');
    expect(f.message).toBe(
      'Geen jaar met zowel een personeelscijfer als een cijfer voor Bevolking van buitenlandse herkomst (referentie) voor deze keuze.',
    );
    expect(f.suggestions.map((s) => s.state.geos)).toEqual([['centrumsteden']]);
  });

  it('is offered only for staff indicators with a yardstick, and carried away from elsewhere', async () => {
    const { offeredViews, carryView } = await import('../../src/lib/views/index');
    expect(offeredViews(catalog, centrum())).toContain('representation');
    expect(offeredViews(catalog, defaultState(catalog))).not.toContain('representation');
    expect(carryView(catalog, { ...defaultState(catalog), view: 'representation' })).toBe('trend');
  });
});

describe('a line whose figures cover different ages', () => {
  // werkzaamheidsgraad, vlaams_gewest: geboren_belgie 2011 and 2015 at 20-64, 2022 at 15-64
  // (ow_nieuwsblad_sv_eak_2022), 2023 without an age (sw_migratieachtergrond_2023).
  it('says so in a note per series, in the order the periods come', async () => {
    const f = await figure(defaultState(catalog));
    expect(f.notes.filter((n) => n.text.includes('leeftijden')).map((n) => n.text)).toEqual([
      'Geboren in België: niet elk cijfer geldt voor dezelfde leeftijden (20-64, 15-64, leeftijd niet vermeld); de tabel geeft ze per periode.',
      'Geboren in andere EU-lidstaat: niet elk cijfer geldt voor dezelfde leeftijden (15-64, leeftijd niet vermeld); de tabel geeft ze per periode.',
      'Geboren buiten de EU: niet elk cijfer geldt voor dezelfde leeftijden (20-64, leeftijd niet vermeld, 15-64); de tabel geeft ze per periode.',
    ]);
  });
});
