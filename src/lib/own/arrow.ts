/**
 * Rows as Arrow tables, built from typed arrays with makeData. Arrow's own builders
 * (vectorFromArray) generate code with `new Function`, which would need 'unsafe-eval' in the
 * page's policy; these buffers need none.
 */
import { Bool, Float64, Int32, Table, Utf8, makeData, makeVector, type Data, type Vector } from 'apache-arrow';
import { STORAGE_COLUMNS } from '../data/storage';
import type { TableName } from '../data/schema';

export type ColumnKind = (typeof STORAGE_COLUMNS)[TableName][number][1];

/** The validity bitmap (a set bit: a value) and the number of nulls; no bitmap when nothing is null. */
function validityOf(values: readonly unknown[]): { nullBitmap?: Uint8Array; nullCount: number } {
  let nullCount = 0;
  for (const v of values) if (v === null || v === undefined) nullCount++;
  if (nullCount === 0) return { nullCount };
  const nullBitmap = new Uint8Array((values.length + 7) >> 3);
  values.forEach((v, i) => {
    if (v !== null && v !== undefined) nullBitmap[i >> 3] |= 1 << (i & 7);
  });
  return { nullBitmap, nullCount };
}

function textData(values: readonly unknown[]): Data<Utf8> {
  const encoder = new TextEncoder();
  const encoded = values.map((v) => (v === null || v === undefined ? null : encoder.encode(String(v))));
  const valueOffsets = new Int32Array(values.length + 1);
  encoded.forEach((bytes, i) => (valueOffsets[i + 1] = valueOffsets[i] + (bytes?.length ?? 0)));
  const data = new Uint8Array(valueOffsets[values.length]);
  encoded.forEach((bytes, i) => bytes && data.set(bytes, valueOffsets[i]));
  return makeData({ type: new Utf8(), length: values.length, ...validityOf(values), valueOffsets, data });
}

function boolData(values: readonly unknown[]): Data<Bool> {
  const data = new Uint8Array((values.length + 7) >> 3);
  values.forEach((v, i) => {
    if (v === true) data[i >> 3] |= 1 << (i & 7);
  });
  return makeData({ type: new Bool(), length: values.length, ...validityOf(values), data });
}

/** One column of values (null or undefined: a null) as an Arrow vector of the kind asked for. */
export function columnOf(kind: ColumnKind, values: readonly unknown[]): Vector {
  const number = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
  switch (kind) {
    case 'VARCHAR':
      return makeVector(textData(values));
    case 'BOOLEAN':
      return makeVector(boolData(values));
    case 'DOUBLE':
      return makeVector(
        makeData({ type: new Float64(), length: values.length, ...validityOf(values), data: Float64Array.from(values, number) }),
      );
    case 'INTEGER':
      return makeVector(
        makeData({ type: new Int32(), length: values.length, ...validityOf(values), data: Int32Array.from(values, number) }),
      );
  }
}

/** Columns of equal length as a table. */
export function tableOf(columns: Record<string, [ColumnKind, readonly unknown[]]>): Table {
  return new Table(Object.fromEntries(Object.entries(columns).map(([name, [kind, values]]) => [name, columnOf(kind, values)])));
}

/** Rows of the app's tables as Arrow, typed as the extract's Parquet files are (src/lib/data/storage.ts). */
export function arrowTableOf(name: TableName, rows: object[]): Table {
  return tableOf(
    Object.fromEntries(
      STORAGE_COLUMNS[name].map(([column, kind]) => [column, [kind, rows.map((r) => (r as Record<string, unknown>)[column] ?? null)]]),
    ),
  );
}
