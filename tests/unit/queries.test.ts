import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openExtract, runQuery } from '../../scripts/lib/duckdb-node';
import { figuresQuery, type StatedFigure } from '../../src/lib/queries/observations';
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
  const line = (r: StatedFigure) => `${r.group} ${r.period} ${r.value} ${r.source}`;

  it('returns every stated figure of the chosen place and groups, with its source’s kind and year, in period order', async () => {
    const rows = await runQuery<StatedFigure>(conn, figuresQuery({ ...vg, groups: ['belgisch', 'niet_eu'] }));
    expect(rows.map(line)).toEqual([
      'belgisch 2014 70 old',
      'belgisch 2015 71.4 new',
      'belgisch 2015 71.2 old',
      'belgisch 2017 73 new',
      'niet_eu 2014 50.5 old',
      'niet_eu 2015 52 old',
      'niet_eu 2017 55.1 new',
    ]);
    expect(rows[1]).toMatchObject({
      source_kind: 'statistics',
      source_year: 2020,
      period_kind: 'year',
      period_start: '2015-01-01',
      period_end: '2015-12-31',
    });
  });

  it('returns rows for several places, each labelled with its place', async () => {
    const rows = await runQuery<StatedFigure>(
      conn,
      figuresQuery({ ...vg, geos: ['gent', 'vlaams_gewest'], groups: ['niet_eu'], years: [2017, 2017] }),
    );
    expect(rows.map((r) => `${r.geo} ${r.value}`)).toEqual(['gent 55.1', 'vlaams_gewest 55.1']);
  });

  it('filters on an inclusive year range', async () => {
    const rows = await runQuery<StatedFigure>(conn, figuresQuery({ ...vg, groups: ['niet_eu'], years: [2015, 2017] }));
    expect(rows.map((r) => r.period)).toEqual(['2015', '2017']);
    const none = await runQuery<StatedFigure>(conn, figuresQuery({ ...vg, groups: ['niet_eu'], years: [2016, 2016] }));
    expect(none).toEqual([]);
  });

  it('binds values as parameters: a hostile group id is just a value that matches nothing', async () => {
    const rows = await runQuery<StatedFigure>(conn, figuresQuery({ ...vg, groups: ["x') OR 1=1 --"] }));
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
    expect(() => figuresQuery({ ...vg, groups: [] })).toThrow();
    expect(() => figuresQuery({ ...vg, geos: [], groups: ['belgisch'] })).toThrow();
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
    const rows = await runQuery<StatedFigure>(
      conn,
      figuresQuery({ indicator: 'werkzaamheidsgraad', geos: ['vlaams_gewest'], groups, years: null }),
    );
    const key = (g: string, p: string, v: number, s: string) => `${g}|${p}|${v}|${s}`;
    expect(rows.map((r) => key(r.group, r.period, r.value, r.source)).sort()).toEqual(
      wanted.map((r) => key(r.group, r.period, Number(r.value), r.source)).sort(),
    );
  });
  it('says which figures the quote states approximately (approx), as a boolean on every row', async () => {
    // observations.csv: Brussels 2023, herkomstkloof_werkzaamheid, nieuwkomer_niet_eu: 23 ('around 23 percentage points', approx=true);
    // Belgium 2020, nationaliteit_niet_eu: 32.5 (Statbel, approx=false).
    const bxl = await runQuery<StatedFigure>(
      conn,
      figuresQuery({
        indicator: 'herkomstkloof_werkzaamheid',
        geos: ['brussels_gewest', 'belgie'],
        groups: ['nieuwkomer_niet_eu', 'nationaliteit_niet_eu'],
        years: [2020, 2023],
      }),
    );
    expect(bxl.map((r) => [r.geo, r.period, r.group, r.value, r.approx])).toEqual([
      ['belgie', '2020', 'nationaliteit_niet_eu', 32.5, false],
      ['brussels_gewest', '2020', 'nationaliteit_niet_eu', 25.6, false],
      ['brussels_gewest', '2023', 'nieuwkomer_niet_eu', 23, true],
    ]);
  });
});
