import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openExtract, runQuery } from '../../scripts/lib/duckdb-node';
import { allFiguresQuery, gapQuery, observationsQuery, type GapRow, type ObservationRow } from '../../src/lib/queries/observations';
import { sourcesQuery } from '../../src/lib/queries/sources';
import { coverageQuery, type CoverageRow } from '../../src/lib/queries/catalog';
import { parseCsv } from '../../src/lib/data/csv';
import { buildTempExtract, REAL_DATA_DIR, syntheticExtract } from '../helpers/extract';

describe('SQL builders on the synthetic extract (DuckDB in Node)', () => {
  let conn: DuckDBConnection;
  beforeAll(async () => {
    conn = await openExtract((await syntheticExtract()).dir);
  });
  const vg = { indicator: 'rate', geos: ['vlaams_gewest'], years: null };

  it('returns one row per group and period, in period order, for the chosen place only', async () => {
    const rows = await runQuery<ObservationRow>(conn, observationsQuery({ ...vg, groups: ['belgisch', 'niet_eu'] }));
    expect(rows.map((r) => `${r.group} ${r.period} ${r.value}`)).toEqual([
      'belgisch 2014 70',
      'belgisch 2015 71.4',
      'belgisch 2017 73',
      'niet_eu 2014 50.5',
      'niet_eu 2015 52',
      'niet_eu 2017 55.1',
    ]);
  });

  it('returns rows for several places, each labelled with its place', async () => {
    const rows = await runQuery<ObservationRow>(
      conn,
      observationsQuery({ ...vg, geos: ['gent', 'vlaams_gewest'], groups: ['niet_eu'], years: [2017, 2017] }),
    );
    expect(rows.map((r) => `${r.geo} ${r.value}`)).toEqual(['gent 55.1', 'vlaams_gewest 55.1']);
  });

  it('shows the most recently published source where two disagree, and says so', async () => {
    const rows = await runQuery<ObservationRow>(conn, observationsQuery({ ...vg, groups: ['belgisch'], years: [2015, 2015] }));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: 'new', value: 71.4, n_sources: 2, min_value: 71.2, max_value: 71.4 });
    const all = await runQuery<{ source: string; value: number }>(
      conn,
      allFiguresQuery({ ...vg, groups: ['belgisch'], years: [2015, 2015] }),
    );
    expect(all.map((r) => `${r.source} ${r.value}`)).toEqual(['new 71.4', 'old 71.2']);
  });

  it('filters on an inclusive year range', async () => {
    const rows = await runQuery<ObservationRow>(conn, observationsQuery({ ...vg, groups: ['niet_eu'], years: [2015, 2017] }));
    expect(rows.map((r) => r.period)).toEqual(['2015', '2017']);
  });

  it('computes the gap as reference minus group, only where both have a figure', async () => {
    const gaps = await runQuery<GapRow>(conn, gapQuery({ ...vg, groups: ['niet_eu'], reference: 'belgisch', lowerIsBetter: false }));
    expect(gaps.map((g) => `${g.period} ${g.reference_value}-${g.value}=${g.gap}`)).toEqual([
      '2014 70-50.5=19.5',
      '2015 71.4-52=19.4',
      '2017 73-55.1=17.9',
    ]);
    const gent = await runQuery<GapRow>(
      conn,
      gapQuery({ ...vg, geos: ['gent'], groups: ['niet_eu'], reference: 'belgisch', lowerIsBetter: false }),
    );
    expect(gent).toEqual([]);
    // Where lower is better, the group's figure minus the reference's: still positive when the group is behind.
    const lower = await runQuery<GapRow>(conn, gapQuery({ ...vg, groups: ['niet_eu'], reference: 'belgisch', lowerIsBetter: true }));
    expect(lower.map((g) => g.gap)).toEqual([-19.5, -19.4, -17.9]);
  });

  it('binds values as parameters: a hostile group id is just a value that matches nothing', async () => {
    const rows = await runQuery<ObservationRow>(conn, observationsQuery({ ...vg, groups: ["x') OR 1=1 --"] }));
    expect(rows).toEqual([]);
  });

  it('lists the sources asked for, with URL and quote', async () => {
    const rows = await runQuery<{ id: string; url: string | null; quote: string }>(conn, sourcesQuery(['new', 'print']));
    expect(rows.map((r) => r.id).sort()).toEqual(['new', 'print']);
    expect(rows.find((r) => r.id === 'print')!.url).toBeNull();
  });

  it('reports per indicator, place and group which years have figures', async () => {
    const coverage = await runQuery<CoverageRow>(conn, coverageQuery);
    expect(coverage.find((r) => r.indicator === 'rate' && r.geo === 'vlaams_gewest' && r.group === 'niet_eu')).toMatchObject({
      years: [2014, 2015, 2017],
      n: 3,
    });
  });

  it('refuses an empty group or place list instead of building invalid SQL', () => {
    expect(() => observationsQuery({ ...vg, groups: [] })).toThrow();
    expect(() => observationsQuery({ ...vg, geos: [], groups: ['belgisch'] })).toThrow();
    expect(() => gapQuery({ ...vg, groups: ['belgisch'], reference: 'belgisch', lowerIsBetter: false })).toThrow();
  });
});

describe('SQL builders on the real extract', () => {
  let conn: DuckDBConnection;
  let csvRows: Record<string, string>[];
  beforeAll(async () => {
    conn = await openExtract(await buildTempExtract());
    const parsed = parseCsv(readFileSync(join(REAL_DATA_DIR, 'observations.csv'), 'utf8'));
    csvRows = parsed.records.map((r) => Object.fromEntries(parsed.header.map((h, i) => [h, r.cells[i]])));
  });

  it('returns every employment-rate figure of the Vlaams Gewest in the curated CSV, per group', async () => {
    const wanted = csvRows.filter((r) => r.indicator === 'werkzaamheidsgraad' && r.geo === 'vlaams_gewest' && r.sex === 'T');
    const groups = [...new Set(wanted.map((r) => r.group))];
    const rows = await runQuery<ObservationRow>(
      conn,
      observationsQuery({ indicator: 'werkzaamheidsgraad', geos: ['vlaams_gewest'], groups, years: null }),
    );
    const key = (g: string, p: string, a: string | null) => `${g}|${p}|${a ?? ''}`;
    expect(new Set(rows.map((r) => key(r.group, r.period, r.age)))).toEqual(
      new Set(wanted.map((r) => key(r.group, r.period, r.age || null))),
    );
    for (const r of rows) {
      const stated = wanted.filter((w) => w.group === r.group && w.period === r.period).map((w) => Number(w.value));
      expect(stated).toContain(r.value);
    }
  });
});
