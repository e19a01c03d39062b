import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/lib/data/catalog';
import type { Indicator } from '../../src/lib/data/types';
import { hasMissingYears, trendPoints, trendSpec } from '../../src/lib/charts/trend';
import { compareBars, compareSpec } from '../../src/lib/charts/compare';
import { gapAcrossPlacesSpec, gapOverTimeSpec, rankPlaces } from '../../src/lib/charts/gap';
import { targetBars, targetSpec } from '../../src/lib/charts/target';
import { labelMargin, yAxisLabel, yearTicks } from '../../src/lib/charts/common';
import { groupColours } from '../../src/lib/charts/palette';
import { targetProgress } from '../../src/lib/view/target';
import { syntheticExtract } from '../helpers/extract';
import { gapRow, row } from '../helpers/rows';

let catalog: Catalog;
let indicator: Indicator;
beforeAll(async () => {
  catalog = (await syntheticExtract()).boot.catalog;
  indicator = catalog.indicators.find((i) => i.id === 'rate')!;
});
type Marks = { data: unknown[] }[];
const marksOf = (spec: { marks?: unknown }) => spec.marks as unknown as Marks;
const ctx = (lang: 'nl' | 'en' = 'nl', width = 800) => ({ catalog, indicator, lang, width });

const rows = [
  row('belgisch', 2011, 73.3),
  row('belgisch', 2012, 73.5),
  row('belgisch', 2015, 73.6),
  row('niet_eu', 2011, 53),
  row('niet_eu', 2015, 53.7),
];

describe('trend chart', () => {
  it('puts calendar years on their tick and breaks the solid line at a missing year', () => {
    const pts = trendPoints(rows, catalog, 'nl').filter((p) => p.group === 'belgisch');
    expect(pts.map((p) => [p.x, p.value])).toEqual([
      [2011, 73.3],
      [2012, 73.5],
      [2013, null],
      [2015, 73.6],
    ]);
    expect(hasMissingYears(trendPoints(rows, catalog, 'nl'))).toBe(true);
    expect(hasMissingYears(trendPoints(rows.slice(0, 2), catalog, 'nl'))).toBe(false);
  });

  it('never invents a value: every non-null point is a row', () => {
    expect(trendPoints(rows, catalog, 'nl').filter((p) => p.value !== null)).toHaveLength(rows.length);
  });

  it('draws a bridge per series, a dot per figure and a labelled mark per target', () => {
    const targets = catalog.targets;
    const spec = trendSpec({ ...ctx(), rows, targets });
    const [, bridge, , dots, targetDots, targetLabels] = marksOf(spec);
    expect(bridge.data).toHaveLength(rows.length);
    expect(dots.data).toHaveLength(rows.length);
    expect(targetDots.data).toEqual(targets);
    expect(targetLabels.data).toEqual(targets);
  });

  it('labels series with the place when several places are shown', () => {
    const two = [row('niet_eu', 2017, 55.1), row('niet_eu', 2017, 55.1, { geo: 'gent' })];
    expect(new Set(trendPoints(two, catalog, 'nl').map((p) => p.label))).toEqual(
      new Set(['Niet-EU-herkomst — Vlaams Gewest', 'Niet-EU-herkomst — Gent']),
    );
  });

  it('speaks the chosen language in axis, legend and number formats', () => {
    const nl = trendSpec({ ...ctx('nl'), rows, targets: [] });
    const en = trendSpec({ ...ctx('en'), rows, targets: [] });
    expect((nl.y as { label: string }).label).toBe('Synthetische graad (%)');
    expect((en.y as { label: string }).label).toBe('Synthetic rate (%)');
    expect((nl.color as { domain: string[] }).domain).toEqual(['Belgische herkomst', 'Niet-EU-herkomst']);
    expect((en.color as { domain: string[] }).domain).toEqual(['Belgian origin', 'Non-EU origin']);
    expect((nl.y as { tickFormat: (v: number) => string }).tickFormat(12500)).toBe('12.500');
    expect((en.y as { tickFormat: (v: number) => string }).tickFormat(12500)).toBe('12,500');
  });

  it('starts the y axis at zero and uses fewer ticks on a narrow screen', () => {
    expect((trendSpec({ ...ctx('nl', 900), rows, targets: [] }).y as { zero: boolean }).zero).toBe(true);
    expect((trendSpec({ ...ctx('nl', 340), rows, targets: [] }).x as { ticks: number[] }).ticks.length).toBeLessThanOrEqual(4);
  });
});

describe('comparison chart', () => {
  it('draws one labelled bar per group, in catalog order, with the value written out', () => {
    const bars = compareBars(ctx(), [row('niet_eu', 2015, 53.7), row('belgisch', 2015, 73.6)]);
    expect(bars.map((b) => [b.label, b.text])).toEqual([
      ['Belgische herkomst', '73,6\u00a0%'],
      ['Niet-EU-herkomst', '53,7\u00a0%'],
    ]);
    const spec = compareSpec({ ...ctx('en'), rows: [row('belgisch', 2015, 73.6)] });
    expect(marksOf(spec)[1].data).toHaveLength(1);
    expect((marksOf(spec)[1].data[0] as { text: string }).text).toBe('73.6%');
  });

  it('names the place on each bar when several places are compared, large places first', () => {
    const spec = compareSpec({ ...ctx(), rows: [row('niet_eu', 2017, 55.1, { geo: 'gent' }), row('niet_eu', 2017, 55.1)] });
    expect((spec.y as { domain: string[] }).domain).toEqual(['Vlaams Gewest · Niet-EU-herkomst', 'Gent · Niet-EU-herkomst']);
  });
});

describe('herkomstkloof charts', () => {
  it('plots the gap in percentage points over time against the reference', () => {
    const gaps = [gapRow('niet_eu', 2014, 70, 50.5), gapRow('niet_eu', 2017, 73, 55.1)];
    const spec = gapOverTimeSpec({ ...ctx(), gaps, reference: 'belgisch' });
    expect((spec.y as { label: string }).label).toBe('Kloof met Belgische herkomst (procentpunt)');
    expect(marksOf(spec)[2].data).toHaveLength(2);
  });

  it('ranks places by gap, largest first, for one year', () => {
    const gaps = [gapRow('niet_eu', 2017, 70, 60, 'gent'), gapRow('niet_eu', 2017, 73, 55.1), gapRow('niet_eu', 2015, 70, 40, 'gent')];
    const ranked = rankPlaces(ctx(), gaps, 2017);
    expect(ranked.map((r) => [r.place, r.text])).toEqual([
      ['Vlaams Gewest', '17,9 pp'],
      ['Gent', '10,0 pp'],
    ]);
    expect((gapAcrossPlacesSpec({ ...ctx(), ranked, reference: 'belgisch' }).y as { domain: string[] }).domain).toEqual([
      'Vlaams Gewest',
      'Gent',
    ]);
  });
});

describe('progress to target', () => {
  it('shows the latest figure, the target and the distance left', () => {
    const progress = targetProgress([row('belgisch', 2014, 70), row('belgisch', 2017, 73)], catalog.targets);
    expect(progress[0]).toMatchObject({ remaining: 7, reached: false });
    expect(progress[0].latest?.period).toBe('2017');
    const bars = targetBars(ctx(), progress);
    expect(bars[0]).toMatchObject({ value: 73, target: 80, latestText: '73,0\u00a0% (2017)', remainingText: 'nog 7,0\u00a0procentpunt' });
    expect(marksOf(targetSpec({ ...ctx(), progress }))[0].data).toHaveLength(1);
  });

  it('says a target is reached when the latest figure meets it', () => {
    const progress = targetProgress([row('belgisch', 2021, 81)], catalog.targets);
    expect(progress[0].reached).toBe(true);
    expect(targetBars(ctx('en'), progress)[0].remainingText).toBe('reached');
  });
});

describe('shared chart pieces', () => {
  it('gives whole-year ticks only, thinned to the maximum', () => {
    expect(yearTicks([2011, 2012, 2013], 10)).toEqual([2011, 2012, 2013]);
    expect(yearTicks([2003, 2023], 5).every((y) => Number.isInteger(y))).toBe(true);
    expect(yearTicks([2003, 2023], 5).length).toBeLessThanOrEqual(5);
  });

  it('names the unit in axis labels for gaps and counts', () => {
    expect(yAxisLabel({ ...indicator, unit: 'pp', label_nl: 'Kloof' }, 'nl')).toBe('Kloof (procentpunt)');
    expect(yAxisLabel({ ...indicator, unit: 'count', label_en: 'Pathways' }, 'en')).toBe('Pathways (number)');
  });

  it('never gives two groups in one chart the same colour', () => {
    const colours = groupColours(['niet_eu', 'geboren_buiten_eu', 'nationaliteit_niet_eu', 'belgisch', 'x', 'y']);
    expect(new Set(colours).size).toBe(colours.length);
  });

  it('fits band labels but never takes more than 45 % of the width', () => {
    expect(labelMargin(['kort'], 800)).toBe(60);
    expect(labelMargin(['x'.repeat(200)], 360)).toBe(162);
  });
});
