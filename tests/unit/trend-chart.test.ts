import { describe, expect, it } from 'vitest';
import { hasMissingYears, trendPoints, trendSpec, yearTicks, yAxisLabel } from '../../src/lib/charts/trend';
import { groupColours } from '../../src/lib/charts/palette';
import type { Group, Indicator } from '../../src/lib/data/types';
import type { TrendRow } from '../../src/lib/queries/trend';

const indicator: Indicator = {
  id: 'rate', domain: 'werk', label_nl: 'Werkzaamheidsgraad', label_en: 'Employment rate', unit: '%', better: 'higher',
  decimals: 1, definition_nl: '', definition_en: '',
};
const group = (id: string, label: string): Group => ({ id, label_nl: label, label_en: `${label} (en)`, group_kind: 'origin', sort: 0, definition_nl: '', definition_en: '' });
const groups = [group('belgisch', 'Belgisch'), group('niet_eu', 'Niet-EU')];
const row = (g: string, year: number, value: number): TrendRow => ({
  period: String(year), period_kind: 'year', period_sort: year + 0.5, group: g, value, source: 's', note: null, n_sources: 1, min_value: value, max_value: value,
});
const rows = [row('belgisch', 2011, 73.3), row('belgisch', 2012, 73.5), row('belgisch', 2015, 73.6), row('niet_eu', 2011, 53), row('niet_eu', 2015, 53.7)];

describe('trendPoints', () => {
  it('puts calendar years on their whole-year position and breaks the line at a missing year', () => {
    const pts = trendPoints(rows, groups, 'nl');
    const belgisch = pts.filter((p) => p.group === 'belgisch');
    expect(belgisch.map((p) => [p.x, p.value])).toEqual([[2011, 73.3], [2012, 73.5], [2013, null], [2015, 73.6]]);
    expect(hasMissingYears(pts)).toBe(true);
    expect(hasMissingYears(trendPoints(rows.slice(0, 2), groups, 'nl'))).toBe(false);
  });

  it('never invents a value: every non-null point is a row', () => {
    const pts = trendPoints(rows, groups, 'nl').filter((p) => p.value !== null);
    expect(pts).toHaveLength(rows.length);
  });
});

describe('trendSpec', () => {
  it('draws a bridge and a solid line per group and one dot per figure', () => {
    const spec = trendSpec({ rows, indicator, groups, lang: 'nl', width: 800 });
    const marks = spec.marks as unknown as { data: unknown[] }[];
    expect(marks).toHaveLength(5);
    const [, bridge, , dots] = marks;
    expect(bridge.data).toHaveLength(rows.length);
    expect(dots.data).toHaveLength(rows.length);
  });

  it('labels the axis with the unit and the legend with group names in the chosen language', () => {
    const nl = trendSpec({ rows, indicator, groups, lang: 'nl', width: 800 });
    const en = trendSpec({ rows, indicator, groups, lang: 'en', width: 800 });
    expect((nl.y as { label: string }).label).toBe('Werkzaamheidsgraad (%)');
    expect((en.y as { label: string }).label).toBe('Employment rate (%)');
    expect((nl.color as { domain: string[] }).domain).toEqual(['Belgisch', 'Niet-EU']);
    expect((en.color as { domain: string[] }).domain).toEqual(['Belgisch (en)', 'Niet-EU (en)']);
    expect((en.x as { label: string }).label).toBe('Year');
  });

  it('formats y ticks the Dutch or the English way', () => {
    const nl = trendSpec({ rows, indicator, groups, lang: 'nl', width: 800 });
    const fmt = (nl.y as { tickFormat: (v: number) => string }).tickFormat;
    expect(fmt(12500)).toBe('12.500');
    const en = trendSpec({ rows, indicator, groups, lang: 'en', width: 800 });
    expect((en.y as { tickFormat: (v: number) => string }).tickFormat(12500)).toBe('12,500');
  });

  it('starts the y axis at zero and uses fewer ticks on a narrow screen', () => {
    const wide = trendSpec({ rows, indicator, groups, lang: 'nl', width: 900 });
    const narrow = trendSpec({ rows, indicator, groups, lang: 'nl', width: 340 });
    expect((wide.y as { zero: boolean }).zero).toBe(true);
    expect(((narrow.x as { ticks: number[] }).ticks).length).toBeLessThanOrEqual(4);
  });

  it('names the unit in the axis label for gaps and counts', () => {
    expect(yAxisLabel({ ...indicator, unit: 'pp', label_nl: 'Kloof' }, 'nl')).toBe('Kloof (procentpunt)');
    expect(yAxisLabel({ ...indicator, unit: 'count', label_en: 'Trajectories' }, 'en')).toBe('Trajectories (number)');
  });
});

describe('yearTicks and colours', () => {
  it('gives whole years only, thinned to the maximum', () => {
    expect(yearTicks([2011, 2012, 2013], 10)).toEqual([2011, 2012, 2013]);
    expect(yearTicks([2003, 2023], 5).every((y) => Number.isInteger(y))).toBe(true);
    expect(yearTicks([2003, 2023], 5).length).toBeLessThanOrEqual(5);
  });

  it('never gives two groups in one chart the same colour', () => {
    const colours = groupColours(['niet_eu', 'geboren_buiten_eu', 'nationaliteit_niet_eu', 'belgisch', 'x', 'y']);
    expect(new Set(colours).size).toBe(colours.length);
  });
});
