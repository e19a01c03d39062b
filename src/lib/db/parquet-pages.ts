/**
 * One column chunk (one column of one row group) decoded page by page: a validity bitmap in
 * Arrow's layout and the non-null values as hyparquet's page decoders give them (typed arrays for
 * numbers; dictionary indices plus the dictionary for dictionary-encoded pages). Nothing is
 * assembled into per-row JS values: parquet-columns.ts writes these parts into Arrow buffers.
 *
 * hyparquet's own reader (parquetRead) assembles every optional column into a JS array of values
 * and nulls first; its page-level functions are used here instead (hyparquet is pinned, and
 * these modules are part of its published `src/*.js` exports).
 */
import type { ColumnMetaData, Compressors, DataPageHeader, SchemaTree } from 'hyparquet';
import type { DataPageHeaderV2 } from 'hyparquet/src/types.js';
import { parquetHeader } from 'hyparquet/src/column.js';
import { decompressPage, readDataPage, readDataPageV2 } from 'hyparquet/src/datapage.js';
import { readPlain } from 'hyparquet/src/plain.js';
import { DEFAULT_PARSERS } from 'hyparquet/src/convert.js';

/** A run of non-null values from one page; `values` index into `dictionary` when it is set. */
export interface Segment {
  values: ArrayLike<unknown>;
  dictionary?: ArrayLike<unknown>;
}

export interface DecodedChunk {
  rows: number;
  nulls: number;
  /** Arrow validity bitmap (bit set: the row has a value); null when no row is null. */
  validity: Uint8Array | null;
  /** The non-null values, in row order. */
  segments: Segment[];
}

export interface ChunkSource {
  /** From the schema's root to the column's leaf. */
  schemaPath: SchemaTree[];
  meta: ColumnMetaData;
  compressors?: Compressors;
}

/** Larger pages are refused rather than allocated: no writer makes them, a damaged header can claim them. */
const MAX_PAGE_BYTES = 1 << 30;

export const allValid = (n: number) => new Uint8Array((n + 7) >> 3).fill(0xff);
export const isValid = (bitmap: Uint8Array, i: number) => ((bitmap[i >> 3] >> (i & 7)) & 1) === 1;
export const clearBit = (bitmap: Uint8Array, i: number) => (bitmap[i >> 3] &= ~(1 << (i & 7)));

function checkHeaderSizes(compressed: unknown, uncompressed: unknown, left: number): void {
  const sane = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= MAX_PAGE_BYTES;
  if (!sane(compressed) || !sane(uncompressed) || compressed > left) {
    throw new Error(`has a damaged page header (page of ${String(compressed)} bytes, ${left} left in the column)`);
  }
}

const isDictionaryEncoding = (encoding: string) => encoding === 'PLAIN_DICTIONARY' || encoding === 'RLE_DICTIONARY';

/** Decode the column chunk in `bytes`, which must hold `rows` values (nulls included). */
export function decodeChunk(bytes: Uint8Array, rows: number, source: ChunkSource): DecodedChunk {
  const { schemaPath, meta, compressors } = source;
  const element = schemaPath[schemaPath.length - 1].element;
  const maxDefinition = schemaPath.slice(1).filter((t) => t.element.repetition_type !== 'REQUIRED').length;
  const decoder = {
    pathInSchema: meta.path_in_schema,
    type: meta.type,
    element,
    schemaPath,
    codec: meta.codec,
    compressors,
    parsers: DEFAULT_PARSERS,
  };
  const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 };
  const segments: Segment[] = [];
  let validity: Uint8Array | null = null;
  let nulls = 0;
  let seen = 0;
  let dictionary: ArrayLike<unknown> | undefined;
  while (seen < rows) {
    if (reader.offset >= bytes.byteLength) throw new Error(`ends after ${seen} of its ${rows} values`);
    const header = parquetHeader(reader);
    checkHeaderSizes(header.compressed_page_size, header.uncompressed_page_size, bytes.byteLength - reader.offset);
    const page = bytes.subarray(reader.offset, reader.offset + header.compressed_page_size);
    reader.offset += header.compressed_page_size;

    if (header.type === 'DICTIONARY_PAGE') {
      const count = header.dictionary_page_header?.num_values ?? 0;
      const plain = decompressPage(page, header.uncompressed_page_size, meta.codec, compressors);
      dictionary = readPlain(
        { view: new DataView(plain.buffer, plain.byteOffset, plain.byteLength), offset: 0 },
        meta.type,
        count,
        element.type_length,
      );
      continue;
    }
    let pageRows: number;
    let encoding: string;
    let levels: ArrayLike<number> | undefined;
    let values: ArrayLike<unknown>;
    if (header.type === 'DATA_PAGE') {
      const daph = header.data_page_header as DataPageHeader;
      const plain = decompressPage(page, header.uncompressed_page_size, meta.codec, compressors);
      ({ definitionLevels: levels, dataPage: values } = readDataPage(plain, daph, decoder));
      pageRows = daph.num_values;
      encoding = daph.encoding;
    } else if (header.type === 'DATA_PAGE_V2') {
      const daph = header.data_page_header_v2 as DataPageHeaderV2;
      ({ definitionLevels: levels, dataPage: values } = readDataPageV2(page, header, decoder));
      pageRows = daph.num_rows;
      encoding = daph.encoding;
    } else continue; // index pages: nothing to read

    if (!(pageRows >= 0 && pageRows <= rows - seen)) throw new Error(`has a page of ${pageRows} values past its ${rows} rows`);
    let pageNulls = 0;
    if (levels?.length) {
      for (let i = 0; i < pageRows; i++) {
        if (levels[i] !== maxDefinition) {
          validity ??= allValid(rows);
          clearBit(validity, seen + i);
          pageNulls++;
        }
      }
    }
    if (values.length !== pageRows - pageNulls)
      throw new Error(`has a damaged page (${values.length} values for ${pageRows - pageNulls} cells)`);
    if (isDictionaryEncoding(encoding)) {
      if (!dictionary) throw new Error('has a dictionary-encoded page without a dictionary');
      segments.push({ values, dictionary });
    } else segments.push({ values });
    nulls += pageNulls;
    seen += pageRows;
  }
  return { rows, nulls, validity, segments };
}

/** Indexes of the rows whose value passes `test` (run once per dictionary entry). */
export function matchingRows(chunk: DecodedChunk, test: (raw: unknown) => boolean): Int32Array {
  const out = new Int32Array(chunk.rows - chunk.nulls);
  let found = 0;
  let row = 0;
  const nextRow = () => {
    if (chunk.validity) while (!isValid(chunk.validity, row)) row++;
    return row++;
  };
  for (const { values, dictionary } of chunk.segments) {
    const passes = dictionary ? Array.from(dictionary, test) : undefined;
    for (let i = 0; i < values.length; i++) {
      const r = nextRow();
      if (passes ? passes[values[i] as number] : test(values[i])) out[found++] = r;
    }
  }
  return out.subarray(0, found);
}

/** The chunk cut down to the given rows (ascending): one plain segment of their values. */
export function selectRows(chunk: DecodedChunk, rows: Int32Array): DecodedChunk {
  const valueAt: unknown[] = [];
  for (const { values, dictionary } of chunk.segments) {
    for (let i = 0; i < values.length; i++) valueAt.push(dictionary ? dictionary[values[i] as number] : values[i]);
  }
  const picked: unknown[] = [];
  let validity: Uint8Array | null = null;
  let nulls = 0;
  let k = 0; // values before the current row
  let r = 0;
  rows.forEach((row, i) => {
    for (; r < row; r++) if (!chunk.validity || isValid(chunk.validity, r)) k++;
    if (!chunk.validity || isValid(chunk.validity, row)) picked.push(valueAt[k]);
    else {
      validity ??= allValid(rows.length);
      clearBit(validity, i);
      nulls++;
    }
  });
  return { rows: rows.length, nulls, validity, segments: [{ values: picked }] };
}
