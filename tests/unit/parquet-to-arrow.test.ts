/** Parquet → Arrow in the browser's path: a file written by DuckDB (as the data build does) read back. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Table } from 'apache-arrow';
import { parquetToArrow } from '../../src/lib/db/parquet-to-arrow';
import { parquetOf } from '../helpers/parquet';

const column = (table: Table, name: string) => {
  const vector = table.getChild(name)!;
  return { type: String(vector.type), values: Array.from({ length: vector.length }, (_, i) => vector.get(i)) };
};

describe('parquetToArrow', () => {
  // Decoded inside each test (not in beforeAll), so mutation testing sees which test reads what.
  let bytes: ArrayBuffer;
  const read = () => parquetToArrow(bytes);
  beforeAll(async () => {
    bytes = await parquetOf(`SELECT * FROM (VALUES
        (71.4::DOUBLE, 2.5::FLOAT, 2015::INTEGER, 9000000000::BIGINT, true, 'Vlaams Gewest', DATE '2018-04-01', 'abc'::BLOB, 3::SMALLINT),
        (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
        (-3.25::DOUBLE, -0.5::FLOAT, -7::INTEGER, -1::BIGINT, false, 'Gent “stad”', DATE '1999-12-31', ''::BLOB, -2::SMALLINT)
      ) t(value, share, year, n, ok, name, day, raw, small)`);
  });

  it('keeps every row and every column, in order', async () => {
    const table = await read();
    expect(table.numRows).toBe(3);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['value', 'share', 'year', 'n', 'ok', 'name', 'day', 'raw', 'small']);
  });

  it('reads doubles and floats as Float64', async () => {
    const table = await read();
    expect(column(table, 'value')).toEqual({ type: 'Float64', values: [71.4, null, -3.25] });
    expect(column(table, 'share')).toEqual({ type: 'Float64', values: [2.5, null, -0.5] });
  });

  it('reads 32-bit and smaller integers as Int32', async () => {
    const table = await read();
    expect(column(table, 'year')).toEqual({ type: 'Int32', values: [2015, null, -7] });
    expect(column(table, 'small')).toEqual({ type: 'Int32', values: [3, null, -2] });
  });

  it('reads 64-bit integers as plain numbers', async () => {
    const table = await read();
    expect(column(table, 'n')).toEqual({ type: 'Float64', values: [9000000000, null, -1] });
  });

  it('reads booleans, text and bytes', async () => {
    const table = await read();
    expect(column(table, 'ok')).toEqual({ type: 'Bool', values: [true, null, false] });
    expect(column(table, 'name')).toEqual({ type: 'Utf8', values: ['Vlaams Gewest', null, 'Gent “stad”'] });
    expect(column(table, 'raw')).toEqual({ type: 'Utf8', values: ['abc', null, ''] });
  });

  it('reads dates as ISO date text', async () => {
    const table = await read();
    expect(column(table, 'day')).toEqual({ type: 'Utf8', values: ['2018-04-01', null, '1999-12-31'] });
  });

  it('reads a file without rows as an empty table with its columns', async () => {
    const empty = await parquetToArrow(await parquetOf(`SELECT 1.5::DOUBLE AS value, 'x' AS name WHERE false`));
    expect(empty.numRows).toBe(0);
    expect(empty.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['value:Float64', 'name:Utf8']);
  });

  it('reads a DECIMAL stored in a fixed length byte array with its scale', async () => {
    const table = await parquetToArrow(await parquetOf(`SELECT 1 AS id, 1.25::DECIMAL(38, 2) AS amount`));
    expect(column(table, 'amount')).toEqual({ type: 'Float64', values: [1.25] });
  });

  it('refuses a column it cannot read, naming the column and its type', async () => {
    await expect(parquetToArrow(await parquetOf(`SELECT 1 AS id, TIME '01:02:03' AS at`))).rejects.toThrow(
      'column "at" has a Parquet type this app cannot read (INT64 TIME)',
    );
    await expect(parquetToArrow(await parquetOf(`SELECT [1, 2] AS years`))).rejects.toThrow(
      'column "years" has a Parquet type this app cannot read (nested LIST)',
    );
  });
});
