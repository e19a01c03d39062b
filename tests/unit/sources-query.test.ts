/** The sources query and its placeholders, run against DuckDB in Node on the synthetic sources table. */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openMemory, runQuery } from '../../scripts/lib/duckdb-node';
import { sourcesQuery } from '../../src/lib/queries/sources';
import { placeholders } from '../../src/lib/queries/sql';
import { syntheticExtract } from '../helpers/extract';

describe('placeholders', () => {
  it('writes one bound placeholder per value', () => {
    expect(placeholders(1)).toBe('?');
    expect(placeholders(3)).toBe('?, ?, ?');
  });

  it('refuses an empty list, which would be invalid SQL', () => {
    expect(() => placeholders(0)).toThrow('a list needs at least one value');
    expect(() => placeholders(-1)).toThrow('a list needs at least one value');
  });
});

describe('sourcesQuery', () => {
  let conn: DuckDBConnection;
  beforeAll(async () => {
    conn = await openMemory();
    const file = join((await syntheticExtract()).dir, 'sources.parquet').replace(/'/g, "''");
    await conn.run(`CREATE TABLE sources AS SELECT * FROM read_parquet('${file}')`);
    // The synthetic sources are all by one publisher: add one by another publisher, and one by
    // the same publisher in the same year as "new" (synthetic rows, copied from "new").
    await conn.run(`INSERT INTO sources SELECT * REPLACE ('agency' AS id, 'Agentschap' AS publisher) FROM sources WHERE id = 'new'`);
    await conn.run(`INSERT INTO sources SELECT * REPLACE ('also_2020' AS id) FROM sources WHERE id = 'new'`);
  });

  it('binds every id as a parameter, never in the SQL text', () => {
    const q = sourcesQuery(['old', "x') OR 1=1 --"]);
    expect(q.params).toEqual(['old', "x') OR 1=1 --"]);
    expect(q.sql).not.toContain('old');
    expect(q.sql).toContain('IN (?, ?)');
  });

  it('returns only the sources asked for, with their publisher, title, year, link, locator, quote and date', async () => {
    const rows = await runQuery<Record<string, unknown>>(conn, sourcesQuery(['print', 'old']));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      id: 'old',
      publisher: 'Synthetic',
      title: 'Old synthetic source',
      year: 2015,
      url: 'https://example.org/old',
      locator: 'Tabel 1',
      quote: 'In 2014 was het 70,0% en 50,5%; in 2015 71,2% tegenover 52,0%.',
      consulted: '2026-11-29',
    });
    expect(rows[0]).toMatchObject({ id: 'print', url: null, locator: 'p. 12' });
  });

  it('orders by publisher, then the most recent year first, then id', async () => {
    const rows = await runQuery<{ id: string }>(conn, sourcesQuery(['old', 'print', 'new', 'also_2020', 'agency']));
    expect(rows.map((r) => r.id)).toEqual(['agency', 'also_2020', 'new', 'print', 'old']);
  });

  it('matches nothing for an unknown or hostile id', async () => {
    expect(await runQuery(conn, sourcesQuery(["x') OR 1=1 --"]))).toEqual([]);
  });

  it('refuses an empty list of sources', () => {
    expect(() => sourcesQuery([])).toThrow('no sources asked for');
  });
});
