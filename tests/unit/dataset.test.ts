/** The curated dataset itself: it validates, its documentation is current, and it covers the five domains. */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDataset } from '../../src/lib/data/validate';
import { sourcesMarkdown } from '../../src/lib/data/sources-doc';
import { DOMAINS } from '../../src/lib/data/schema';
import type { Dataset } from '../../src/lib/data/types';
import { readTexts } from '../../scripts/lib/build-extract';
import { REAL_DATA_DIR } from '../helpers/extract';

let dataset: Dataset;
beforeAll(async () => {
  const result = validateDataset(await readTexts(REAL_DATA_DIR));
  expect(result.problems).toEqual([]);
  dataset = result.dataset!;
});

describe('the curated dataset', () => {
  it('has data/SOURCES.md in step with the CSVs (run `npm run data:doc` after editing data/)', () => {
    expect(readFileSync(join(REAL_DATA_DIR, 'SOURCES.md'), 'utf8')).toBe(sourcesMarkdown(dataset));
  });

  it('covers every domain with at least three indicators that have figures', () => {
    const domainOf = new Map(dataset.indicators.map((i) => [i.id, i.domain]));
    for (const domain of DOMAINS) {
      const withFigures = new Set(dataset.observations.filter((o) => domainOf.get(o.indicator) === domain).map((o) => o.indicator));
      expect(withFigures.size, domain).toBeGreaterThanOrEqual(3);
    }
  });

  it('has at least 150 figures from at least 25 distinct documents', () => {
    expect(dataset.observations.length).toBeGreaterThanOrEqual(150);
    const documents = new Set(dataset.sources.map((s) => s.url ?? `${s.publisher}|${s.title}`));
    expect(documents.size).toBeGreaterThanOrEqual(25);
  });

  it('cites the policy plan for its inburgering, Huizen van het Kind and staff figures and targets', () => {
    const plan = new Set(dataset.sources.filter((s) => s.title.includes('Integratiebeleidsplan')).map((s) => s.id));
    const fromPlan = dataset.observations.filter((o) => plan.has(o.source));
    const stated = (indicator: string, period: string) => fromPlan.find((o) => o.indicator === indicator && o.period === period)?.value;
    expect(stated('inburgering_trajecten_gestart', '2012..2014')).toBe(17262);
    expect(stated('inburgering_trajecten_gestart', '2017')).toBe(21725);
    expect(stated('hvk_aantal_huizen', '2018-04-01')).toBe(153);
    expect(stated('vo_personeel_buitenlandse_herkomst_pct', '2017')).toBe(9.6);
    expect(dataset.targets.filter((t) => plan.has(t.source)).map((t) => `${t.indicator} ${t.value} ${t.year}`)).toEqual(
      expect.arrayContaining(['vo_personeel_buitenlandse_herkomst_pct 10 2020', 'hvk_gemeenten_gedekt 300 2019']),
    );
  });

  it('opens each domain on the indicator named here, and measures gaps against these groups', () => {
    const defaults = Object.fromEntries(dataset.indicators.filter((i) => i.domain_default).map((i) => [i.domain, i.id]));
    expect(defaults).toEqual({
      werk: 'werkzaamheidsgraad',
      onderwijs: 'ongekwalificeerde_uitstroom',
      inburgering: 'inburgering_attesten',
      huizen_van_het_kind: 'hvk_aantal_huizen',
      personeel: 'vo_personeel_buitenlandse_herkomst_pct',
    });
    const references = Object.fromEntries(dataset.groups.filter((g) => g.reference).map((g) => [g.group_kind, g.id]));
    expect(references).toEqual({
      origin: 'belgisch',
      country_of_birth: 'geboren_belgie',
      nationality: 'nationaliteit_belg',
      home_language: 'thuistaal_nl',
    });
  });

  it('keeps the colours the charts always gave the main groups', () => {
    const colour = Object.fromEntries(dataset.groups.map((g) => [g.id, g.colour]));
    expect(colour).toMatchObject({
      belgisch: '#0072B2',
      buitenlands: '#D55E00',
      eu: '#009E73',
      niet_eu: '#CC79A7',
      totaal: '#555555',
      geboren_belgie: '#0072B2',
      nationaliteit_belg: '#0072B2',
      geboren_eu: '#009E73',
      nationaliteit_eu: '#009E73',
      geboren_buiten_eu: '#CC79A7',
      nationaliteit_niet_eu: '#CC79A7',
      geboren_buitenland: '#D55E00',
      nationaliteit_niet_belg: '#D55E00',
    });
  });

  it('opens inburgering on a trend: a yearly series of at least two years at its default place', () => {
    const rows = dataset.observations.filter(
      (o) => o.indicator === 'inburgering_attesten' && o.geo === 'vlaanderen_brussel' && o.group === 'totaal',
    );
    expect([...new Set(rows.map((o) => o.period))].sort()).toEqual(['2015', '2016', '2017', '2018', '2019']);
  });

  it('gives every source a kind', () => {
    const counts: Record<string, number> = {};
    for (const s of dataset.sources) counts[s.kind] = (counts[s.kind] ?? 0) + 1;
    expect(Object.keys(counts).sort()).toEqual(['agency', 'parliament', 'press', 'research', 'statistics']);
    const kindOf = new Map(dataset.sources.map((s) => [s.id, s.kind]));
    expect(kindOf.get('sw_kloof_geboorteland_2015')).toBe('statistics');
    expect(kindOf.get('hibp2018_personeel_vo_streefcijfer_2020')).toBe('agency');
    expect(kindOf.get('inb_vp_boetes_2017_2020')).toBe('parliament');
    expect(kindOf.get('belga_sv_participatie_2022')).toBe('press');
  });

  it('keeps both figures where sources disagree on the same measure', () => {
    const key = (o: Dataset['observations'][number]) => [o.indicator, o.geo, o.period, o.group, o.sex, o.age].join('|');
    const values = new Map<string, Set<number>>();
    for (const o of dataset.observations) values.set(key(o), (values.get(key(o)) ?? new Set()).add(o.value));
    expect([...values.values()].some((v) => v.size > 1)).toBe(true);
  });
});
