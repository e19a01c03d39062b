/**
 * A dropped Parquet file read by indicator like a remote one (blob-fetch.ts answers as a server
 * with ranges would), the choice offered, and DuckDB's memory errors said plainly. The file is
 * written here by DuckDB in Node; expected values are worked out by hand from its SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openMemory } from '../../scripts/lib/duckdb-node';
import { blobFetch } from '../../src/lib/own/blob-fetch';
import { memoryShortage } from '../../src/lib/own/load';
import { OWN_DIRECT_ROWS, rowsOf } from '../../src/lib/own/limits';
import { choiceNeeded, firstChoice } from '../../src/lib/own/parquet-choice';
import { openRemoteParquet, readRemoteIndicators } from '../../src/lib/own/remote';

const dir = mkdtempSync(join(tmpdir(), 'own-choice-'));
let file: Blob;
beforeAll(async () => {
  const conn = await openMemory();
  // 20 indicators × 5,000 rows, sorted by indicator: ind_00 … ind_19, value = the row's number.
  const path = join(dir, 'synthetisch.parquet');
  await conn.run(`COPY (SELECT 'ind_' || lpad(CAST(i // 5000 AS VARCHAR), 2, '0') AS indicator, 'Gent' AS gemeente, 2019 AS jaar,
      'Belgische herkomst' AS herkomst, CAST(i AS DOUBLE) AS waarde FROM range(100000) t(i) ORDER BY i)
    TO '${path}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 5000)`);
  conn.closeSync();
  file = new Blob([readFileSync(path)]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('blobFetch', () => {
  const bytes = new Blob([new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])]);
  const fetch = blobFetch(bytes);
  it('answers HEAD with the length, a range with 206 and its bytes, no range with the whole file', async () => {
    expect((await fetch('x', { method: 'HEAD' })).headers.get('Content-Length')).toBe('10');
    const part = await fetch('x', { headers: { Range: 'bytes=2-4' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('Content-Range')).toBe('bytes 2-4/10');
    expect([...new Uint8Array(await part.arrayBuffer())]).toEqual([2, 3, 4]);
    const tail = await fetch('x', { headers: { Range: 'bytes=8-' } });
    expect([...new Uint8Array(await tail.arrayBuffer())]).toEqual([8, 9]);
    const whole = await fetch('x');
    expect(whole.status).toBe(200);
    expect((await whole.arrayBuffer()).byteLength).toBe(10);
    expect((await fetch('x', { headers: { Range: 'bytes=10-12' } })).status).toBe(416);
  });
});

describe('a dropped Parquet file by indicator', () => {
  it('lists no indicators of a file small enough to load whole, and reads no more than its footer for it', async () => {
    const fetch = blobFetch(file);
    const small = await openRemoteParquet('http://localhost/eigen-bestand/klein.parquet', { fetch, indicatorsPast: 100000 });
    expect(small.indicatorColumn).toBe('indicator');
    expect(small.indicators).toEqual([]);
    expect(choiceNeeded(small, false)).toBe(false);
    const listed = await openRemoteParquet('http://localhost/eigen-bestand/klein.parquet', { fetch, indicatorsPast: 99999 });
    expect(listed.indicators).toHaveLength(20);
    expect(small.bytesFetched).toBeLessThan(listed.bytesFetched);
  });

  it('lists the indicators from the footer and the indicator column, then reads one indicator’s rows only', async () => {
    const fetch = blobFetch(file);
    const index = await openRemoteParquet('http://localhost/eigen-bestand/synthetisch.parquet', { fetch });
    expect(index.rows).toBe(100000);
    expect(index.indicatorColumn).toBe('indicator');
    expect(index.indicators.map((i) => [i.value, i.rows])).toEqual(
      Array.from({ length: 20 }, (_, k) => [`ind_${String(k).padStart(2, '0')}`, 5000]),
    );
    expect(firstChoice(index)).toEqual(['ind_00']);
    expect(rowsOf(index, ['ind_03', 'ind_04'])).toBe(10000);
    const read = await readRemoteIndicators(index, ['ind_03'], { fetch });
    expect(read.table.numRows).toBe(5000);
    const values = read.table.getChild('waarde')!;
    expect([values.get(0), values.get(4999)]).toEqual(['15000', '19999']);
    // Only ind_03's row group was read: well under a fifth of the file.
    expect(read.bytesFetched / file.size).toBeLessThan(0.2);
  });

  it('asks for a choice at a URL when there are several indicators, for a dropped file only past the rows loaded at once', () => {
    const index = (rows: number, indicators: number) => ({
      indicatorColumn: 'indicator',
      rows,
      indicators: Array.from({ length: indicators }, (_, i) => ({ value: `i${i}`, rows: rows / indicators, rowGroups: [i] })),
    });
    type Index = Parameters<typeof choiceNeeded>[0];
    expect(choiceNeeded(index(1000, 2) as Index, true)).toBe(true);
    expect(choiceNeeded(index(1000, 1) as Index, true)).toBe(false);
    expect(choiceNeeded(index(1000, 2) as Index, false)).toBe(false);
    expect(choiceNeeded(index(OWN_DIRECT_ROWS + 2, 2) as Index, false)).toBe(true);
    expect(choiceNeeded({ ...index(OWN_DIRECT_ROWS + 2, 2), indicatorColumn: null } as Index, false)).toBe(false);
  });
});

describe('memoryShortage', () => {
  it('says DuckDB ran out of memory with the figures it gives, and nothing for other errors', () => {
    expect(
      memoryShortage('Out of Memory Error: failed to allocate data of size 256.0 KiB (3.1 GiB/3.1 GiB used)\nPossible solutions: …'),
    ).toBe('DuckDB: 3.1 GiB/3.1 GiB used');
    expect(memoryShortage('Out of Memory Error: could not allocate block')).toBe('DuckDB');
    expect(memoryShortage('CSV Error on Line: 7')).toBeNull();
  });
});
