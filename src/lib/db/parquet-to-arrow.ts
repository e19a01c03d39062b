/**
 * DuckDB-WASM 1.32 has no built-in Parquet reader (read_parquet would download an extension),
 * so Parquet is decoded with hyparquet and handed to DuckDB as Arrow.
 */
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { Bool, Float64, Int32, Table, Utf8, vectorFromArray, type DataType, type Vector } from 'apache-arrow';

type LeafSchema = { name: string; type?: string; converted_type?: string; logical_type?: { type: string } };

function arrowType(el: LeafSchema): { type: DataType; convert: (v: unknown) => unknown } {
  const id = (v: unknown) => v;
  switch (el.type) {
    case 'DOUBLE':
    case 'FLOAT':
      return { type: new Float64(), convert: id };
    case 'INT32':
      if (el.converted_type === 'DATE' || el.logical_type?.type === 'DATE') {
        return { type: new Utf8(), convert: (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v) };
      }
      return { type: new Int32(), convert: id };
    case 'INT64':
      return { type: new Float64(), convert: (v) => (typeof v === 'bigint' ? Number(v) : v) };
    case 'BOOLEAN':
      return { type: new Bool(), convert: id };
    case 'BYTE_ARRAY':
      return { type: new Utf8(), convert: (v) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : v) };
    default:
      throw new Error(`column "${el.name}" has a Parquet type this app cannot read (${el.type ?? 'nested'})`);
  }
}

export async function parquetToArrow(buffer: ArrayBuffer): Promise<Table> {
  const metadata = parquetMetadata(buffer);
  const leaves = (metadata.schema as LeafSchema[]).slice(1);
  const rows = (await parquetReadObjects({ file: buffer, metadata })) as Record<string, unknown>[];
  const columns: Record<string, Vector> = {};
  for (const el of leaves) {
    const { type, convert } = arrowType(el);
    const values = rows.map((r) => {
      const v = r[el.name];
      return v === undefined || v === null ? null : convert(v);
    });
    columns[el.name] = vectorFromArray(values, type);
  }
  return new Table(columns);
}
