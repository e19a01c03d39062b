/** Rows of the app's tables as Arrow, typed as the extract's Parquet files are (src/lib/data/storage.ts). */
import { Bool, Float64, Int32, Table, Utf8, vectorFromArray, type DataType } from 'apache-arrow';
import { STORAGE_COLUMNS } from '../data/storage';
import type { TableName } from '../data/schema';

const ARROW_TYPES: Record<(typeof STORAGE_COLUMNS)[TableName][number][1], () => DataType> = {
  VARCHAR: () => new Utf8(),
  DOUBLE: () => new Float64(),
  INTEGER: () => new Int32(),
  BOOLEAN: () => new Bool(),
};

export function arrowTableOf(name: TableName, rows: object[]): Table {
  const columns = Object.fromEntries(
    STORAGE_COLUMNS[name].map(([column, type]) => [
      column,
      vectorFromArray(
        rows.map((r) => (r as Record<string, unknown>)[column] ?? null),
        ARROW_TYPES[type](),
      ),
    ]),
  );
  return new Table(columns);
}
