import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openExtract, runQuery } from '../../scripts/lib/duckdb-node';
import { trendQuery, type TrendRow } from '../../src/lib/queries/trend';
import { sourcesQuery } from '../../src/lib/queries/sources';
import { coverageQuery } from '../../src/lib/queries/catalog';
import { parseCsv } from '../../src/lib/data/csv';
import { SYNTHETIC_FIXTURE } from '../helpers/fixture';
import { buildTempExtract, REAL_DATA_DIR } from '../helpers/extract';

describe('SQL builders on the synthetic extract (DuckDB in Node)', () => {
  let conn: DuckDBConnection;
  beforeAll(async () => {
    conn = await openExtract(await buildTempExtract(SYNTHETIC_FIXTURE));
  });

  it('returns one row per group and period, in period order, for the chosen place only', async () => {
    const rows = await runQuery<TrendRow>(conn, trendQuery({ indicator: 'rate', geo: 'vlaams_gewest', groups: ['belgisch', 'niet_eu'], years: null }));
    expect(rows.map((r) => `${r.group} ${r.period} ${r.value}`)).toEqual([
      'belgisch 2014 70',
      'belgisch 2015 71.4',
      'belgisch 2017 73',
      'niet_eu 2014 50.5',
      'niet_eu 2015 52',
      'niet_eu 2017 55.1',
    ]);
  });

  it('shows the most recently published source where two disagree, and says so', async () => {
    const rows = await runQuery<TrendRow>(conn, trendQuery({ indicator: 'rate', geo: 'vlaams_gewest', groups: ['belgisch'], years: [2015, 2015] }));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: 'new', value: 71.4, n_sources: 2, min_value: 71.2, max_value: 71.4 });
  });

  it('filters on an inclusive year range', async () => {
    const rows = await runQuery<TrendRow>(conn, trendQuery({ indicator: 'rate', geo: 'vlaams_gewest', groups: ['niet_eu'], years: [2015, 2017] }));
    expect(rows.map((r) => r.period)).toEqual(['2015', '2017']);
  });

  it('binds values as parameters: a hostile group id is just a value that matches nothing', async () => {
    const rows = await runQuery<TrendRow>(conn, trendQuery({ indicator: 'rate', geo: 'vlaams_gewest', groups: ["x') OR 1=1 --"], years: null }));
    expect(rows).toEqual([]);
  });

  it('lists the sources asked for, with URL and quote', async () => {
    const rows = await runQuery<{ id: string; url: string | null; quote: string }>(conn, sourcesQuery(['new', 'print']));
    expect(rows.map((r) => r.id).sort()).toEqual(['new', 'print']);
    expect(rows.find((r) => r.id === 'print')!.url).toBeNull();
  });

  it('refuses an empty group list instead of building invalid SQL', () => {
    expect(() => trendQuery({ indicator: 'rate', geo: 'vlaams_gewest', groups: [], years: null })).toThrow();
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
    const rows = await runQuery<TrendRow>(conn, trendQuery({ indicator: 'werkzaamheidsgraad', geo: 'vlaams_gewest', groups, years: null }));
    const key = (g: string, p: string) => `${g}|${p}`;
    expect(new Set(rows.map((r) => key(r.group, r.period)))).toEqual(new Set(wanted.map((r) => key(r.group, r.period))));
    for (const r of rows) {
      const stated = wanted.filter((w) => w.group === r.group && w.period === r.period).map((w) => Number(w.value));
      expect(stated).toContain(r.value);
    }
  });

  it('has coverage for the default view: employment rate in the Vlaams Gewest', async () => {
    const coverage = await runQuery<{ indicator: string; geo: string; n: number }>(conn, coverageQuery);
    const n = coverage.filter((c) => c.indicator === 'werkzaamheidsgraad' && c.geo === 'vlaams_gewest').reduce((a, c) => a + c.n, 0);
    expect(n).toBeGreaterThanOrEqual(5);
  });
});
