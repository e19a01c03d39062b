/**
 * A checked own file added to the app's tables (DuckDB in Node, the browser's engine): its
 * figures in observations under the app's ids, its own names as rows of their own, one source row
 * naming the file, and the coverage the pickers need. Expected values are read off the file below.
 */
import { describe, expect, it } from 'vitest';
import { mergeCoverage } from '../../src/lib/data/coverage';
import { stageOwnFile } from '../../src/lib/own/load';
import { detectMapping } from '../../src/lib/own/mapping';
import { addOwn, checkOwn } from '../../src/lib/own/pipeline';
import { DEFAULT_OWN_OPTIONS } from '../../src/lib/own/validate';
import { realCatalog } from '../helpers/own-catalog';
import { nodeEngine } from '../helpers/own-node';

const FILE = [
  'indicator;gemeente;jaar;herkomst;waarde;geslacht',
  'Werkzaamheidsgraad;Gent;2019;Belgische herkomst;75,1;T',
  'Werkzaamheidsgraad;Gent;2021;Belgische herkomst;76,25;T',
  'Werkzaamheidsgraad;Gent;2020;Belgische herkomst;74;V',
  'Tevredenheid (synthetisch);Lier;2019;Marokkaanse herkomst;40;T',
  // Rejected, but its year widens the span the coverage's year sets are written over.
  'Tevredenheid (synthetisch);Lier;2017;Marokkaanse herkomst;abc;T',
].join('\n');

describe('addOwn', () => {
  it('adds the accepted figures under the app’s ids, names the file as their source, and gives their coverage', async () => {
    const engine = await nodeEngine();
    try {
      const c = realCatalog();
      const staged = await stageOwnFile(engine, { name: 'mijn bestand.csv', file: new Blob([FILE]) }, 3);
      const mapping = detectMapping(
        staged.header,
        staged.sample.map((r) => r.cells),
        c,
        'mijn bestand.csv',
      );
      const check = await checkOwn(engine, staged.tables, staged.header, mapping, c, DEFAULT_OWN_OPTIONS);
      const choices = {
        fileName: 'mijn bestand.csv',
        load: 3,
        domain: 'werk' as const,
        unit: '%' as const,
        groupKind: 'origin' as const,
        today: '2026-12-01',
      };
      const added = await addOwn(engine, staged.tables, check, choices, c);
      expect(added.figures).toBe(4);
      expect(added.indicators).toEqual(['werkzaamheidsgraad', 'eigen_tevredenheid_synthetisch']);

      const observations = await engine.query<Record<string, unknown>>({
        sql: `SELECT indicator, geo, period, "group", sex, value, source, approx FROM observations ORDER BY indicator, period, sex`,
        params: [],
      });
      expect(observations).toEqual([
        {
          indicator: 'eigen_tevredenheid_synthetisch',
          geo: 'eigen_lier',
          period: '2019',
          group: 'eigen_marokkaanse_herkomst',
          sex: 'T',
          value: 40,
          source: 'eigen_bestand_3',
          approx: false,
        },
        {
          indicator: 'werkzaamheidsgraad',
          geo: 'eigen_gent',
          period: '2019',
          group: 'belgisch',
          sex: 'T',
          value: 75.1,
          source: 'eigen_bestand_3',
          approx: false,
        },
        {
          indicator: 'werkzaamheidsgraad',
          geo: 'eigen_gent',
          period: '2020',
          group: 'belgisch',
          sex: 'F',
          value: 74,
          source: 'eigen_bestand_3',
          approx: false,
        },
        {
          indicator: 'werkzaamheidsgraad',
          geo: 'eigen_gent',
          period: '2021',
          group: 'belgisch',
          sex: 'T',
          value: 76.25,
          source: 'eigen_bestand_3',
          approx: false,
        },
      ]);
      const [indicator] = await engine.query<Record<string, unknown>>({
        sql: `SELECT id, label_nl, domain, unit, decimals FROM indicators`,
        params: [],
      });
      expect(indicator).toEqual({
        id: 'eigen_tevredenheid_synthetisch',
        label_nl: 'Tevredenheid (synthetisch)',
        domain: 'werk',
        unit: '%',
        decimals: 0,
      });
      // Every place of the file is the user's own, the catalogue's Gent named and coded as it is.
      const geos = await engine.query<Record<string, unknown>>({
        sql: `SELECT id, nis, name_nl, name_en, level FROM geos ORDER BY id`,
        params: [],
      });
      expect(geos).toEqual([
        { id: 'eigen_gent', nis: '44021', name_nl: 'Gent (uw bestand)', name_en: 'Ghent (your file)', level: 'centrumstad' },
        { id: 'eigen_lier', nis: null, name_nl: 'Lier (uw bestand)', name_en: 'Lier (your file)', level: 'aggregate' },
      ]);
      expect(added.places).toEqual(['eigen_gent', 'eigen_lier']);
      const [source] = await engine.query<Record<string, unknown>>({
        sql: `SELECT id, publisher, publisher_en, title, locator, kind FROM sources`,
        params: [],
      });
      expect(source).toEqual({
        id: 'eigen_bestand_3',
        publisher: 'Uw bestand',
        publisher_en: 'Your file',
        title: 'mijn bestand.csv',
        locator: 'regels 2–5, 4 cijfers',
        kind: 'own',
      });
      // Coverage counts the whole population only (sex T), as the catalog's does.
      const coverage = [...added.coverage].sort((a, b) => a.indicator.localeCompare(b.indicator));
      expect(coverage).toEqual([
        {
          indicator: 'eigen_tevredenheid_synthetisch',
          geo: 'eigen_lier',
          group: 'eigen_marokkaanse_herkomst',
          first_year: 2019,
          last_year: 2019,
          years: [2019],
          n: 1,
        },
        {
          indicator: 'werkzaamheidsgraad',
          geo: 'eigen_gent',
          group: 'belgisch',
          first_year: 2019,
          last_year: 2021,
          years: [2019, 2021],
          n: 2,
        },
      ]);
      // The load's tables are gone once its figures are in.
      const left = await engine.query<{ name: string }>({
        sql: `SELECT table_name AS name FROM information_schema.tables WHERE table_name LIKE 'own_%'`,
        params: [],
      });
      expect(left).toEqual([]);
    } finally {
      engine.close();
    }
  });
});

describe('mergeCoverage', () => {
  const row = (indicator: string, geo: string, years: number[], n: number) => ({
    indicator,
    geo,
    group: 'belgisch',
    first_year: Math.min(...years),
    last_year: Math.max(...years),
    years,
    n,
  });
  it('joins the years of the same indicator, place and group, and keeps the others as they are', () => {
    const merged = mergeCoverage(
      [row('a', 'gent', [2015, 2019], 2), row('b', 'gent', [2010], 1)],
      [row('a', 'gent', [2012, 2019, 2021], 3), row('a', 'lier', [2020], 1)],
    );
    expect(merged).toEqual([
      { ...row('a', 'gent', [2012, 2015, 2019, 2021], 5) },
      row('b', 'gent', [2010], 1),
      row('a', 'lier', [2020], 1),
    ]);
  });
});
