/**
 * The column decoder (src/lib/db/parquet-to-arrow.ts, parquet-columns.ts, parquet-pages.ts) and the
 * remote reader (remote-parquet.ts) against files DuckDB writes in Node, made here in a temporary
 * folder. Every expected value is the literal written into the SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC, tableToIPC, type Table } from 'apache-arrow';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openMemory } from '../../scripts/lib/duckdb-node';
import { toArrayBuffer } from '../helpers/parquet';
import { parquetColumnChunks, parquetRowGroups, parquetToArrow, readParquetFooter } from '../../src/lib/db/parquet-to-arrow';
import { int96Text, planColumn } from '../../src/lib/db/parquet-columns';
import { readRemoteParquet, rowGroupsHolding, statsMayHold } from '../../src/lib/db/remote-parquet';

const dir = mkdtempSync(join(tmpdir(), 'herkomstkloof-columns-'));
let conn: DuckDBConnection;
let files = 0;

/** The bytes of a Parquet file DuckDB writes for `select`, with the COPY options given. */
async function parquet(select: string, options = 'COMPRESSION snappy'): Promise<ArrayBuffer> {
  const file = join(dir, `f${files++}.parquet`);
  await conn.run(`COPY (${select}) TO '${file}' (FORMAT parquet, ${options})`);
  return toArrayBuffer(readFileSync(file));
}

const values = (table: Table, name: string) => {
  const vector = table.getChild(name)!;
  return Array.from({ length: vector.length }, (_, i) => vector.get(i));
};
const typeOf = (table: Table, name: string) => String(table.getChild(name)!.type);

beforeAll(async () => {
  conn = await openMemory();
});
afterAll(() => {
  conn.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

const TYPES = `SELECT * FROM (VALUES
    (12.5::DECIMAL(5,1), 123456789012.345::DECIMAL(18,3), 1.25::DECIMAL(38,2), DATE '2018-04-01',
     TIMESTAMP '2021-03-04 05:06:07.891', '2021-03-04 05:06:07.891'::TIMESTAMP_MS, '2021-03-04 05:06:07.891234567'::TIMESTAMP_NS,
     '2021-03-04 05:06:07.891+00'::TIMESTAMPTZ, true, 7::INTEGER, 9000000000::BIGINT, -3::SMALLINT, 5::TINYINT, 200::UTINYINT,
     4000000000::UINTEGER, 2.5::FLOAT, 71.4::DOUBLE, 'Vlaams Gewest'),
    (-3.2, -0.001, -1234567.89, DATE '1969-12-31',
     TIMESTAMP '1969-12-31 23:59:59.999', '1969-12-31 23:59:59.999'::TIMESTAMP_MS, '1969-12-31 23:59:59.9995'::TIMESTAMP_NS,
     '1999-12-31 23:59:59+00'::TIMESTAMPTZ, false, -7, -1, 300, -128, 0,
     0, -0.5, -3.25, 'Gent “stad”'),
    (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
  ) t(d5_1, d18_3, d38_2, day, ts, ts_ms, ts_ns, ts_tz, ok, i32, i64, i16, i8, u8, u32, f32, f64, name)`;

describe.each(['snappy', 'zstd'])('every type of column, %s compressed', (codec) => {
  let table: Table;
  beforeAll(async () => {
    const bytes = await parquet(TYPES, `COMPRESSION ${codec}`);
    const footer = await readParquetFooter(bytes);
    // The fixture is what the test is about: compressed with the codec named.
    expect(footer.row_groups[0].columns[0].meta_data?.codec).toBe(codec.toUpperCase());
    table = await parquetToArrow(bytes);
  });

  it('keeps DECIMAL values with their scale, whatever they are stored in', () => {
    expect(typeOf(table, 'd5_1')).toBe('Float64');
    expect(values(table, 'd5_1')).toEqual([12.5, -3.2, null]);
    expect(values(table, 'd18_3')).toEqual([123456789012.345, -0.001, null]);
    expect(values(table, 'd38_2')).toEqual([1.25, -1234567.89, null]);
  });

  it('writes dates and timestamps as ISO text, to the millisecond, rounding down', () => {
    expect(values(table, 'day')).toEqual(['2018-04-01', '1969-12-31', null]);
    expect(values(table, 'ts')).toEqual(['2021-03-04T05:06:07.891Z', '1969-12-31T23:59:59.999Z', null]);
    expect(values(table, 'ts_ms')).toEqual(['2021-03-04T05:06:07.891Z', '1969-12-31T23:59:59.999Z', null]);
    expect(values(table, 'ts_ns')).toEqual(['2021-03-04T05:06:07.891Z', '1969-12-31T23:59:59.999Z', null]);
    expect(values(table, 'ts_tz')).toEqual(['2021-03-04T05:06:07.891Z', '1999-12-31T23:59:59.000Z', null]);
    expect(typeOf(table, 'ts')).toBe('Utf8');
  });

  it('reads integers of every width, signed and unsigned', () => {
    expect(values(table, 'i32')).toEqual([7, -7, null]);
    expect(values(table, 'i16')).toEqual([-3, 300, null]);
    expect(values(table, 'i8')).toEqual([5, -128, null]);
    expect(values(table, 'u8')).toEqual([200, 0, null]);
    expect(typeOf(table, 'i8')).toBe('Int32');
    expect(values(table, 'u32')).toEqual([4000000000, 0, null]);
    expect(values(table, 'i64')).toEqual([9000000000, -1, null]);
    expect(typeOf(table, 'i64')).toBe('Float64');
  });

  it('reads floats, booleans and text', () => {
    expect(values(table, 'f32')).toEqual([2.5, -0.5, null]);
    expect(values(table, 'f64')).toEqual([71.4, -3.25, null]);
    expect(values(table, 'ok')).toEqual([true, false, null]);
    expect(values(table, 'name')).toEqual(['Vlaams Gewest', 'Gent “stad”', null]);
  });

  it('makes a table that survives Arrow IPC, as DuckDB-WASM receives it', () => {
    const copy = tableFromIPC(tableToIPC(table));
    expect(values(copy, 'd5_1')).toEqual([12.5, -3.2, null]);
    expect(values(copy, 'name')).toEqual(['Vlaams Gewest', 'Gent “stad”', null]);
    expect(values(copy, 'ok')).toEqual([true, false, null]);
  });
});

describe('a file of several row groups with dictionary-encoded text', () => {
  // 5000 rows in row groups of 2048: 2048, 2048 and 904. Every tenth name is NULL.
  const SELECT = `SELECT CASE WHEN i % 10 = 9 THEN NULL ELSE ['Vlaams Gewest', 'Gent', 'Antwerpen'][1 + i % 3] END AS name,
      i::INTEGER AS i, i * 0.5 AS half FROM range(5000) t(i) ORDER BY i`;
  let bytes: ArrayBuffer;
  beforeAll(async () => {
    bytes = await parquet(SELECT, 'COMPRESSION zstd, ROW_GROUP_SIZE 2048');
  });

  it('is the fixture it claims to be: three row groups, names dictionary-encoded', async () => {
    const footer = await readParquetFooter(bytes);
    expect(footer.row_groups.map((g) => Number(g.num_rows))).toEqual([2048, 2048, 904]);
    expect(footer.row_groups[0].columns[0].meta_data?.encodings.some((e) => e.endsWith('_DICTIONARY'))).toBe(true);
  });

  it('reads every row, the dictionary text and its nulls in place', async () => {
    const table = await parquetToArrow(bytes);
    expect(table.numRows).toBe(5000);
    const names = values(table, 'name');
    expect(names.slice(0, 4)).toEqual(['Vlaams Gewest', 'Gent', 'Antwerpen', 'Vlaams Gewest']);
    expect(names[9]).toBeNull();
    expect(names.slice(4095, 4098)).toEqual(['Vlaams Gewest', 'Gent', 'Antwerpen']);
    expect(names[4998]).toBe('Vlaams Gewest');
    expect(names[4999]).toBeNull();
    expect(names.filter((n) => n === null)).toHaveLength(500);
    expect(values(table, 'i')[4999]).toBe(4999);
    expect(values(table, 'half')[4097]).toBe(2048.5);
  });

  it('yields one table per row group, with each group’s rows', async () => {
    const counts: number[] = [];
    const firsts: number[] = [];
    for await (const group of parquetRowGroups(bytes)) {
      counts.push(group.numRows);
      firsts.push(values(group, 'i')[0]);
    }
    expect(counts).toEqual([2048, 2048, 904]);
    expect(firsts).toEqual([0, 2048, 4096]);
  });

  it('reads only the columns asked for, in the order asked', async () => {
    const table = await parquetToArrow(bytes, { columns: ['half', 'name'] });
    expect(table.schema.fields.map((f) => f.name)).toEqual(['half', 'name']);
    expect(values(table, 'half').slice(0, 2)).toEqual([0, 0.5]);
  });

  it('reads only the row groups asked for', async () => {
    const table = await parquetToArrow(bytes, { rowGroups: [2] });
    expect(table.numRows).toBe(904);
    expect(values(table, 'i')[0]).toBe(4096);
    expect(values(table, 'i')[903]).toBe(4999);
  });

  it('keeps only the rows holding a value when asked', async () => {
    const table = await parquetToArrow(bytes, { where: { column: 'i', value: 4097 }, columns: ['name', 'half'] });
    expect(values(table, 'half')).toEqual([2048.5]);
    expect(values(table, 'name')).toEqual(['Antwerpen']);
    const gent = await parquetToArrow(bytes, { where: { column: 'name', value: 'Gent' }, rowGroups: [0] });
    // Rows 1, 4, 7, … below 2048 whose i % 10 is not 9: 683 of the form 3k+1, less the 68 ending in 9.
    expect(gent.numRows).toBe(615);
    expect(values(gent, 'i').slice(0, 4)).toEqual([1, 4, 7, 10]);
  });

  it('keeps the rows holding any of several values when asked', async () => {
    const two = await parquetToArrow(bytes, { where: { column: 'name', values: ['Gent', 'Antwerpen'] }, rowGroups: [0], columns: ['i'] });
    // Below 2048: 683 rows of the form 3k+1 and 682 of the form 3k+2, less the 68 + 68 of them ending in 9 (30k+19, 30k+29).
    expect(two.numRows).toBe(1229);
    expect(values(two, 'i').slice(0, 5)).toEqual([1, 2, 4, 5, 7]);
    const numbers = await parquetToArrow(bytes, { where: { column: 'i', values: [4097, 3] }, columns: ['half'] });
    expect(values(numbers, 'half')).toEqual([1.5, 2048.5]);
    const none = await parquetToArrow(bytes, { where: { column: 'name', values: [] } });
    expect(none.numRows).toBe(0);
  });

  it('gives one column as stored, row group by row group: dictionary indices and their dictionary', async () => {
    const seen: { rowGroup: number; rows: number; nulls: number; values: number; texts: string[] }[] = [];
    for await (const { rowGroup, chunk } of parquetColumnChunks(bytes, 'name', { rowGroups: [2, 0] })) {
      const texts = new Set<string>();
      let count = 0;
      for (const { values: stored, dictionary } of chunk.segments) {
        expect(dictionary).toBeDefined();
        for (let i = 0; i < stored.length; i++) texts.add(new TextDecoder().decode(dictionary![stored[i] as number] as Uint8Array));
        count += stored.length;
      }
      seen.push({ rowGroup, rows: chunk.rows, nulls: chunk.nulls, values: count, texts: [...texts].sort() });
    }
    // Row group 0: rows 0–2047, 204 ending in 9 (9 … 2039) are NULL; row group 2: rows 4096–4999, 91 (4099 … 4999).
    expect(seen).toEqual([
      { rowGroup: 0, rows: 2048, nulls: 204, values: 1844, texts: ['Antwerpen', 'Gent', 'Vlaams Gewest'] },
      { rowGroup: 2, rows: 904, nulls: 91, values: 813, texts: ['Antwerpen', 'Gent', 'Vlaams Gewest'] },
    ]);
  });

  it('reports progress after each row group, up to the total', async () => {
    const calls: [number, number][] = [];
    await parquetToArrow(bytes, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([
      [0, 5000],
      [2048, 5000],
      [4096, 5000],
      [5000, 5000],
    ]);
  });

  it('stops with an AbortError when aborted, before or between row groups', async () => {
    const before = new AbortController();
    before.abort();
    await expect(parquetToArrow(bytes, { signal: before.signal })).rejects.toMatchObject({ name: 'AbortError' });

    const between = new AbortController();
    const seen: number[] = [];
    const reading = (async () => {
      for await (const group of parquetRowGroups(bytes, { signal: between.signal })) {
        seen.push(group.numRows);
        between.abort();
      }
    })();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([2048]);
  });

  it('names a column or a row group the file does not have', async () => {
    await expect(parquetToArrow(bytes, { columns: ['nope'] })).rejects.toThrow(
      'the file has no column "nope" (its columns: name, i, half)',
    );
    await expect(parquetToArrow(bytes, { rowGroups: [9] })).rejects.toThrow('the file has no row group 9 (it has 3: 0–2)');
  });
});

describe('bad input', () => {
  let whole: Uint8Array;
  beforeAll(async () => {
    whole = new Uint8Array(await parquet(`SELECT i, 'x' || i AS s FROM range(3000) t(i)`));
  });
  const copy = (bytes: Uint8Array) => toArrayBuffer(bytes);

  it('names an empty file', async () => {
    await expect(parquetToArrow(new ArrayBuffer(0))).rejects.toThrow('the file is empty (0 bytes): not a Parquet file');
  });

  it('names bytes that are not Parquet', async () => {
    const garbage = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 251);
    await expect(parquetToArrow(copy(garbage))).rejects.toThrow('not a Parquet file: it does not start with "PAR1"');
    await expect(parquetToArrow(copy(new TextEncoder().encode('PAR1')))).rejects.toThrow('not a Parquet file: it is only 4 bytes long');
  });

  it('names a file cut short', async () => {
    await expect(parquetToArrow(copy(whole.subarray(0, whole.length >> 1)))).rejects.toThrow('the file ends early');
  });

  it('names a footer that claims more bytes than the file has', async () => {
    const damaged = whole.slice();
    new DataView(damaged.buffer).setUint32(damaged.length - 8, 0x7fffffff, true);
    await expect(parquetToArrow(copy(damaged))).rejects.toThrow('the file ends early or is damaged: its footer claims 2147483647 bytes');
  });

  it('names text that is not UTF-8 by reading it with replacement characters', async () => {
    const table = await parquetToArrow(await parquet(`SELECT '\\xFF\\x41'::BLOB AS raw, 'ok' AS fine`));
    expect(values(table, 'raw')).toEqual(['\uFFFDA']);
    expect(values(table, 'fine')).toEqual(['ok']);
  });
});

describe('a user’s file: numbers and booleans as text (numbersAsText)', () => {
  let table: Table;
  beforeAll(async () => {
    const bytes = await parquet(TYPES, 'COMPRESSION zstd');
    table = await parquetToArrow(bytes, { numbersAsText: true });
  });

  it('makes every column text', () => {
    expect(table.schema.fields.filter((f) => String(f.type) !== 'Utf8').map((f) => f.name)).toEqual([]);
  });

  it('writes a DECIMAL exactly, with its scale', () => {
    expect(values(table, 'd5_1').slice(0, 3)).toEqual(['12.5', '-3.2', null]);
    expect(values(table, 'd18_3').slice(0, 2)).toEqual(['123456789012.345', '-0.001']);
    expect(values(table, 'd38_2').slice(0, 2)).toEqual(['1.25', '-1234567.89']);
  });

  it('writes integers in full, floats as JavaScript writes them, booleans as true and false', () => {
    expect(values(table, 'i32').slice(0, 2)).toEqual(['7', '-7']);
    expect(values(table, 'i64').slice(0, 2)).toEqual(['9000000000', '-1']);
    expect(values(table, 'u8').slice(0, 2)).toEqual(['200', '0']);
    expect(values(table, 'u32').slice(0, 2)).toEqual(['4000000000', '0']);
    expect(values(table, 'f32').slice(0, 2)).toEqual(['2.5', '-0.5']);
    expect(values(table, 'f64').slice(0, 2)).toEqual(['71.4', '-3.25']);
    expect(values(table, 'ok').slice(0, 3)).toEqual(['true', 'false', null]);
    expect(values(table, 'day').slice(0, 1)).toEqual(['2018-04-01']);
  });

  it('keeps a 64-bit integer past 2^53 and the largest unsigned one exact, and a whole double without ".0"', async () => {
    const bytes = await parquet(
      `SELECT 9007199254740993::BIGINT AS big, 18446744073709551615::UBIGINT AS ubig, 75.0::DOUBLE AS whole, 0.1::DOUBLE AS tenth, 5::DECIMAL(9,3) AS five, -5::DECIMAL(4,0) AS minus, 7::DECIMAL(4,0) AS seven`,
    );
    const t = await parquetToArrow(bytes, { numbersAsText: true });
    expect(['big', 'ubig', 'whole', 'tenth', 'five', 'minus', 'seven'].map((c) => values(t, c)[0])).toEqual([
      '9007199254740993',
      '18446744073709551615',
      '75',
      '0.1',
      '5.000',
      '-5',
      '7',
    ]);
  });

  it('still keeps the rows of an indicator named by number or by its text', async () => {
    const bytes = await parquet(`SELECT (i % 3)::INTEGER AS indicator, i::DOUBLE / 2 AS value FROM range(9) t(i)`);
    const byNumber = await parquetToArrow(bytes, { numbersAsText: true, where: { column: 'indicator', value: 2 } });
    const byText = await parquetToArrow(bytes, { numbersAsText: true, where: { column: 'indicator', value: '2' } });
    expect(values(byNumber, 'value')).toEqual(['1', '2.5', '4']);
    expect(values(byText, 'value')).toEqual(['1', '2.5', '4']);
    expect(values(byText, 'indicator')).toEqual(['2', '2', '2']);
    await expect(parquetToArrow(bytes, { numbersAsText: true, where: { column: 'indicator', value: true } })).rejects.toThrow(
      'column "indicator" holds numbers: it cannot be compared with true',
    );
  });
});

describe('column plans for what DuckDB does not write', () => {
  const chunk = (vals: unknown[], nullAt?: number) => {
    const rows = vals.length + (nullAt === undefined ? 0 : 1);
    const validity = nullAt === undefined ? null : new Uint8Array([0xff & ~(1 << nullAt)]);
    return { rows, nulls: nullAt === undefined ? 0 : 1, validity, segments: [{ values: vals }] };
  };

  it('reads a DECIMAL stored in a BYTE_ARRAY with its scale', () => {
    const plan = planColumn({ name: 'amount', type: 'BYTE_ARRAY', logical_type: { type: 'DECIMAL', scale: 2, precision: 10 } });
    const data = plan.build(chunk([Uint8Array.of(0x04, 0xd2), Uint8Array.of(0xfb, 0x2e)], 1));
    expect([0, 1, 2].map((i) => (data.getValid(i) ? data.values[i] : null))).toEqual([12.34, null, -12.34]);
  });

  it('reads an INT96 timestamp (Julian day and nanoseconds of the day)', () => {
    // 2021-03-04 is day 18690 from 1970, Julian day 2459278; 05:06:07.891 is 18367891000000 ns into it.
    expect(int96Text((2459278n << 64n) | 18367891000000n)).toBe('2021-03-04T05:06:07.891Z');
    expect(String(planColumn({ name: 'at', type: 'INT96' }).type)).toBe('Utf8');
  });

  it('refuses a nested column and a fixed length byte array it cannot show', () => {
    expect(planColumn({ name: 'point', num_children: 2 }).unsupported).toBe(
      'column "point" has a Parquet type this app cannot read (nested STRUCT)',
    );
    expect(planColumn({ name: 'hash', type: 'FIXED_LEN_BYTE_ARRAY', type_length: 8 }).unsupported).toBe(
      'column "hash" has a Parquet type this app cannot read (FIXED_LEN_BYTE_ARRAY)',
    );
  });
});

/** A fetch over `bytes` answering `Range: bytes=a-b` with 206 (or, `ignoreRange`, 200 and everything). */
function server(bytes: Uint8Array, { ignoreRange = false } = {}) {
  const ranges: string[] = [];
  const fetch = async (_url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    if (init?.method === 'HEAD') return new Response(null, { status: 200, headers: { 'Content-Length': String(bytes.length) } });
    const range = new Headers(init?.headers).get('Range') ?? '';
    ranges.push(range);
    const m = /^bytes=(\d+)-(\d+)$/.exec(range);
    if (ignoreRange || !m) return new Response(bytes.slice(), { status: 200 });
    const [start, end] = [Number(m[1]), Number(m[2])];
    return new Response(bytes.slice(start, end + 1), {
      status: 206,
      headers: { 'Content-Range': `bytes ${start}-${end}/${bytes.length}` },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, ranges };
}

describe('a remote file, by range requests', () => {
  // 8 row groups of 2048 rows, sorted by indicator; ind_01 holds rows 3000–5999, in row groups 1 and 2.
  // `pad` (32 hex characters a row) makes up most of the file.
  const SELECT = `SELECT 'ind_' || lpad((i // 3000)::VARCHAR, 2, '0') AS indicator, i::INTEGER AS i,
      (i % 1000) / 10.0 AS value, md5(i::VARCHAR) AS pad FROM range(16384) t(i) ORDER BY i`;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = new Uint8Array(await parquet(SELECT, 'COMPRESSION zstd, ROW_GROUP_SIZE 2048'));
  });
  const where = { column: 'indicator', value: 'ind_01' };

  it('finds the row groups whose statistics can hold a value', async () => {
    const footer = await readParquetFooter(toArrayBuffer(bytes));
    expect(footer.row_groups).toHaveLength(8);
    expect(rowGroupsHolding(footer, 'indicator', 'ind_01')).toEqual([1, 2]);
    expect(rowGroupsHolding(footer, 'indicator', 'ind_05')).toEqual([7]);
    expect(rowGroupsHolding(footer, 'indicator', 'ind_99')).toEqual([]);
    expect(rowGroupsHolding(footer, 'i', 2048)).toEqual([1]);
  });

  it('fetches only the row groups of one indicator, and only the columns asked for', async () => {
    const { fetch } = server(bytes);
    const read = await readRemoteParquet('https://example.test/o.parquet', { fetch, where, columns: ['indicator', 'i', 'value'] });
    expect(read.rowGroups).toEqual([1, 2]);
    expect(read.stats.rangeRequests).toBe(true);
    expect(read.fileBytes).toBe(bytes.length);
    // Two row groups of eight, without `pad`: well under a quarter of the file.
    expect(read.stats.bytesFetched).toBeLessThan(bytes.length / 4);
    expect(read.table.numRows).toBe(3000);
    expect(new Set(values(read.table, 'indicator'))).toEqual(new Set(['ind_01']));
    expect(values(read.table, 'i')[0]).toBe(3000);
    expect(values(read.table, 'i')[2999]).toBe(5999);
    expect(values(read.table, 'value')[1]).toBe(0.1);

    const all = await readRemoteParquet('https://example.test/o.parquet', { fetch, where });
    expect(all.stats.bytesFetched).toBeGreaterThan(read.stats.bytesFetched);
    expect(all.stats.bytesFetched).toBeLessThan(bytes.length / 4 + 8192);
  });

  it('still reads the right rows from a server that ignores Range, and says so', async () => {
    const { fetch, ranges } = server(bytes, { ignoreRange: true });
    const read = await readRemoteParquet('https://example.test/o.parquet', {
      fetch,
      where,
      columns: ['indicator', 'i'],
      byteLength: bytes.length,
    });
    expect(read.stats.rangeRequests).toBe(false);
    expect(read.stats.bytesFetched).toBe(bytes.length);
    expect(ranges).toHaveLength(1);
    expect(read.table.numRows).toBe(3000);
    expect(values(read.table, 'i')[2999]).toBe(5999);
  });

  it('keeps a row group whose statistics are missing or cannot be compared', () => {
    expect(statsMayHold(undefined, 'x', 'BYTE_ARRAY')).toBe(true);
    expect(statsMayHold({ min: new TextEncoder().encode('a'), max: new TextEncoder().encode('b') }, 'x', 'BYTE_ARRAY')).toBe(true);
    expect(statsMayHold({ min_value: 1, max_value: 5 }, 6, 'INT32')).toBe(false);
    expect(statsMayHold({ min: 1, max: 5 }, 5, 'INT32')).toBe(true);
  });
});
