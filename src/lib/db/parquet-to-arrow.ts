/**
 * Parquet → Apache Arrow, column by column and row group by row group.
 *
 * DuckDB-WASM 1.32 has no built-in Parquet reader (read_parquet would download an extension),
 * so Parquet is decoded in JavaScript and handed to DuckDB as Arrow. hyparquet reads the footer
 * and decodes pages (parquet-pages.ts); the values go straight into Arrow buffers (typed arrays,
 * validity bitmaps, UTF-8 offsets; parquet-columns.ts): no row objects, and one row group at a
 * time, so a large file can go into DuckDB in pieces (parquetRowGroups).
 */
import {
  parquetMetadata,
  parquetSchema,
  type AsyncBuffer,
  type ColumnMetaData,
  type Compressors,
  type FileMetaData,
  type SchemaTree,
} from 'hyparquet';
import { Field, RecordBatch, Schema, Struct, Table, makeData, type Data } from 'apache-arrow';
import { planColumn, type ColumnPlan, type FilterValue, type PlanOptions } from './parquet-columns';
import { decodeChunk, matchingRows, selectRows, type DecodedChunk } from './parquet-pages';

export type { DecodedChunk } from './parquet-pages';

export type ParquetSource = ArrayBuffer | AsyncBuffer;

export type RowFilter = { column: string; value: FilterValue } | { column: string; values: FilterValue[] };

export interface ParquetToArrowOptions {
  /** Columns to read, in this order; all columns when left out. */
  columns?: string[];
  /** Row groups to read (0-based, file order); all when left out. */
  rowGroups?: number[];
  signal?: AbortSignal;
  /** Called before the first row group and after each one. */
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
  /**
   * Keep only the rows whose `column` holds `value`, or any of `values` (the column is read even
   * when not in `columns`).
   */
  where?: RowFilter;
  /** The file's footer when already read (a remote file's footer is fetched once). */
  metadata?: FileMetaData;
  /** Numbers and booleans as text (a user's own file: parquet-columns.ts). */
  numbersAsText?: boolean;
}

const MAGIC = 0x31524150; // "PAR1", little-endian

/** Column chunks closer than this are fetched in one read (the gap is read too): Arrow's default hole size. */
const GAP_LIMIT = 8 * 1024;

const BUILT_IN_CODECS = new Set(['UNCOMPRESSED', 'SNAPPY']);
const OTHER_CODECS = new Set(['ZSTD', 'GZIP', 'BROTLI', 'LZ4', 'LZ4_RAW']);

let otherCompressors: Promise<Compressors> | undefined;
/** zstd and the rest are loaded only for a file that needs them (the default extract is snappy). */
function loadCompressors(): Promise<Compressors> {
  otherCompressors ??= import('hyparquet-compressors').then((m) => m.compressors as Compressors);
  return otherCompressors;
}

/** Load zstd and the rest ahead of a file that may need them (a worker waiting for a user's file). */
export function preloadCompressors(): void {
  loadCompressors().catch(() => {
    // A failed load is tried again, and reported, by the file that needs it.
    otherCompressors = undefined;
  });
}

const asyncBuffer = (source: ParquetSource): AsyncBuffer => source;

async function bytesAt(file: AsyncBuffer, start: number, end: number): Promise<ArrayBuffer> {
  const buffer = await file.slice(start, end);
  if (buffer.byteLength < end - start)
    throw new Error(`the file ends early: bytes ${start}–${end} of ${file.byteLength} could not be read`);
  return buffer;
}

/**
 * The file's footer (schema, row groups, statistics), read after checking the file is Parquet at
 * all: two small reads at its end, one at its start. Statistics of text columns stay UTF-8 bytes.
 */
export async function readParquetFooter(source: ParquetSource): Promise<FileMetaData> {
  const file = asyncBuffer(source);
  const size = file.byteLength;
  if (!(size >= 0)) throw new Error('not a Parquet file: expected an ArrayBuffer or an AsyncBuffer');
  if (size === 0) throw new Error('the file is empty (0 bytes): not a Parquet file');
  if (size < 12) throw new Error(`not a Parquet file: it is only ${size} bytes long`);
  const head = new DataView(await bytesAt(file, 0, 4));
  if (head.getUint32(0, true) !== MAGIC) throw new Error('not a Parquet file: it does not start with "PAR1"');
  const tail = new DataView(await bytesAt(file, size - 8, size));
  if (tail.getUint32(4, true) !== MAGIC) {
    throw new Error('the file ends early: it starts as a Parquet file but does not end with one\'s footer ("PAR1"); it may be cut short');
  }
  const footerLength = tail.getUint32(0, true);
  if (footerLength + 12 > size) {
    throw new Error(
      `the file ends early or is damaged: its footer claims ${footerLength} bytes, more than the ${size - 12} the file holds`,
    );
  }
  const footer = await bytesAt(file, size - 8 - footerLength, size);
  let metadata: FileMetaData;
  try {
    metadata = parquetMetadata(footer, { parsers: { stringFromBytes: (b: Uint8Array) => b } });
  } catch (e) {
    throw new Error(`the Parquet footer is damaged (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  checkChunksInFile(metadata, size - 8 - footerLength);
  return metadata;
}

/** Every column chunk must lie between the leading "PAR1" and the footer: else the file was cut. */
function checkChunksInFile(metadata: FileMetaData, dataEnd: number): void {
  if (!Array.isArray(metadata.schema) || !Array.isArray(metadata.row_groups)) throw new Error('the Parquet footer is damaged (no schema)');
  metadata.row_groups.forEach((group, g) => {
    for (const chunk of group.columns) {
      const meta = chunk.meta_data;
      const name = meta?.path_in_schema?.join('.') ?? '?';
      if (!meta) throw new Error(`the Parquet footer is damaged (row group ${g}, column "${name}" has no description)`);
      if (chunk.file_path)
        throw new Error(`row group ${g}, column "${name}" lies in another file (${chunk.file_path}), which this app cannot read`);
      const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
      const end = start + Number(meta.total_compressed_size);
      if (!(start >= 4 && end <= dataEnd)) {
        throw new Error(
          `the file ends early or is damaged: row group ${g}, column "${name}" lies at bytes ${start}–${end}, outside its data`,
        );
      }
    }
  });
}

/** The top-level columns of the file, each planned (or refused, naming it and its type). */
function columnPlans(metadata: FileMetaData, options: PlanOptions = {}): Map<string, ColumnPlan> {
  const schema = metadata.schema;
  const plans = new Map<string, ColumnPlan>();
  let i = 1;
  const rootChildren = schema[0]?.num_children ?? 0;
  for (let c = 0; c < rootChildren && i < schema.length; c++) {
    const element = schema[i];
    // Skip the element and all its descendants.
    let pending = 1;
    while (pending > 0 && i < schema.length) {
      pending += (schema[i].num_children ?? 0) - 1;
      i++;
    }
    plans.set(element.name, planColumn(element, options));
  }
  return plans;
}

interface ReadPlan {
  metadata: FileMetaData;
  /** Columns in the output. */
  output: ColumnPlan[];
  /** Columns hyparquet reads: the output plus the `where` column. */
  read: ColumnPlan[];
  groups: { index: number; start: number; rows: number }[];
  compressors: Compressors | undefined;
  schema: Schema;
  tree: SchemaTree;
}

function pickColumns(plans: Map<string, ColumnPlan>, wanted: string[] | undefined): ColumnPlan[] {
  if (!wanted) {
    const all = [...plans.values()];
    for (const plan of all) if (plan.unsupported) throw new Error(plan.unsupported);
    return all;
  }
  if (wanted.length === 0) throw new Error('no columns asked for: name at least one');
  return wanted.map((name) => {
    const plan = plans.get(name);
    if (!plan) throw new Error(`the file has no column "${name}" (its columns: ${[...plans.keys()].join(', ')})`);
    if (plan.unsupported) throw new Error(plan.unsupported);
    return plan;
  });
}

function pickGroups(metadata: FileMetaData, wanted: number[] | undefined): ReadPlan['groups'] {
  const all: ReadPlan['groups'] = [];
  let start = 0;
  metadata.row_groups.forEach((group, index) => {
    const rows = Number(group.num_rows);
    all.push({ index, start, rows });
    start += rows;
  });
  if (!wanted) return all;
  return [...new Set(wanted)]
    .sort((a, b) => a - b)
    .map((g) => {
      if (!Number.isInteger(g) || g < 0 || g >= all.length) {
        throw new Error(`the file has no row group ${g} (it has ${all.length}${all.length ? `: 0–${all.length - 1}` : ''})`);
      }
      return all[g];
    });
}

async function pickCompressors(metadata: FileMetaData, read: ColumnPlan[], groups: ReadPlan['groups']): Promise<Compressors | undefined> {
  const names = new Set(read.map((p) => p.name));
  let needed = false;
  for (const { index } of groups) {
    for (const chunk of metadata.row_groups[index].columns) {
      const meta = chunk.meta_data;
      if (!meta || !names.has(meta.path_in_schema[0])) continue;
      if (OTHER_CODECS.has(meta.codec)) needed = true;
      else if (!BUILT_IN_CODECS.has(meta.codec)) {
        throw new Error(`column "${meta.path_in_schema[0]}" is compressed with ${meta.codec}, which this app cannot read`);
      }
    }
  }
  return needed ? loadCompressors() : undefined;
}

async function planRead(file: AsyncBuffer, options: ParquetToArrowOptions): Promise<ReadPlan> {
  const metadata = options.metadata ?? (await readParquetFooter(file));
  const plans = columnPlans(metadata, { numbersAsText: options.numbersAsText });
  const output = pickColumns(plans, options.columns);
  const read = [...output];
  if (options.where) {
    const [filterPlan] = pickColumns(plans, [options.where.column]);
    if (!read.includes(filterPlan)) read.push(filterPlan);
  }
  const groups = pickGroups(metadata, options.rowGroups);
  const compressors = await pickCompressors(metadata, read, groups);
  const schema = new Schema(output.map((p) => new Field(p.name, p.type, true)));
  return { metadata, output, read, groups, compressors, schema, tree: parquetSchema(metadata) };
}

interface ChunkRange {
  name: string;
  meta: ColumnMetaData;
  start: number;
  end: number;
}

function chunkRanges(plan: ReadPlan, group: ReadPlan['groups'][number]): ChunkRange[] {
  const byName = new Map(plan.metadata.row_groups[group.index].columns.map((c) => [c.meta_data?.path_in_schema[0], c.meta_data]));
  return plan.read.map(({ name }) => {
    const meta = byName.get(name);
    if (!meta) throw new Error(`the Parquet footer is damaged (row group ${group.index} has no column "${name}")`);
    const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
    return { name, meta, start, end: start + Number(meta.total_compressed_size) };
  });
}

/** Byte ranges merged when they touch or nearly do, so a remote file is read in few requests. */
export function mergeRanges(ranges: { start: number; end: number }[], gap = GAP_LIMIT): { start: number; end: number }[] {
  const merged: { start: number; end: number }[] = [];
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end + gap) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** The bytes of each column chunk: views of an in-memory file, or of a few merged reads. */
async function chunkBytes(source: ParquetSource, ranges: ChunkRange[]): Promise<Uint8Array[]> {
  if (source instanceof ArrayBuffer) return ranges.map((r) => new Uint8Array(source, r.start, r.end - r.start));
  const merged = mergeRanges(ranges);
  const buffers = await Promise.all(merged.map((m) => bytesAt(source, m.start, m.end)));
  return ranges.map((r) => {
    const at = merged.findIndex((m) => m.start <= r.start && r.end <= m.end);
    return new Uint8Array(buffers[at], r.start - merged[at].start, r.end - r.start);
  });
}

/** One row group's columns, decoded. */
async function decodeGroup(source: ParquetSource, plan: ReadPlan, group: ReadPlan['groups'][number]): Promise<Map<string, DecodedChunk>> {
  const ranges = chunkRanges(plan, group);
  const bytes = await chunkBytes(source, ranges);
  const columns = new Map<string, DecodedChunk>();
  ranges.forEach(({ name, meta }, i) => {
    const leaf = plan.tree.children.find((c) => c.element.name === name)!;
    try {
      columns.set(name, decodeChunk(bytes[i], group.rows, { schemaPath: [plan.tree, leaf], meta, compressors: plan.compressors }));
    } catch (e) {
      throw new Error(`row group ${group.index}, column "${name}" could not be decoded: ${e instanceof Error ? e.message : String(e)}`, {
        cause: e,
      });
    }
  });
  return columns;
}

function toBatch(schema: Schema, children: Data[], length: number): RecordBatch {
  return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length, nullCount: 0, children }));
}

function groupBatch(plan: ReadPlan, columns: Map<string, DecodedChunk>, where: ParquetToArrowOptions['where']): RecordBatch {
  let rows: Int32Array | undefined;
  if (where) {
    const filterPlan = plan.read.find((p) => p.name === where.column)!;
    const tests = ('values' in where ? where.values : [where.value]).map((value) => filterPlan.equals(value));
    const test = tests.length === 1 ? tests[0] : (raw: unknown) => tests.some((t) => t(raw));
    rows = matchingRows(columns.get(where.column)!, test);
  }
  const children = plan.output.map((p) => {
    const chunk = columns.get(p.name)!;
    try {
      return p.build(rows ? selectRows(chunk, rows) : chunk);
    } catch (e) {
      throw new Error(`column "${p.name}" ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  });
  return toBatch(plan.schema, children, rows ? rows.length : (children[0]?.length ?? 0));
}

function emptyBatch(plan: ReadPlan): RecordBatch {
  const empty: DecodedChunk = { rows: 0, nulls: 0, validity: null, segments: [] };
  return toBatch(
    plan.schema,
    plan.output.map((p) => p.build(empty)),
    0,
  );
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The Parquet read was aborted', 'AbortError');
}

async function* batches(source: ParquetSource, options: ParquetToArrowOptions): AsyncGenerator<RecordBatch, ReadPlan> {
  const { signal, onProgress, where } = options;
  if (signal?.aborted) throw abortError(signal);
  const plan = await planRead(asyncBuffer(source), options);
  const total = plan.groups.reduce((sum, g) => sum + g.rows, 0);
  let done = 0;
  onProgress?.(done, total);
  for (const group of plan.groups) {
    if (signal?.aborted) throw abortError(signal);
    const columns = await decodeGroup(source, plan, group);
    if (signal?.aborted) throw abortError(signal);
    const batch = groupBatch(plan, columns, where);
    done += group.rows;
    onProgress?.(done, total);
    yield batch;
  }
  return plan;
}

/**
 * One Arrow table per row group read, in file order: a large file goes into DuckDB a row group
 * at a time, never as one buffer.
 */
export async function* parquetRowGroups(source: ParquetSource, options: ParquetToArrowOptions = {}): AsyncGenerator<Table> {
  for await (const batch of batches(source, options)) yield new Table(batch.schema, [batch]);
}

/**
 * One column as stored, row group by row group, before it becomes Arrow: the validity and the
 * values (dictionary indices with their dictionary, where the pages are dictionary-encoded), to
 * count or compare values without building a string per row.
 */
export async function* parquetColumnChunks(
  source: ParquetSource,
  column: string,
  options: Pick<ParquetToArrowOptions, 'rowGroups' | 'metadata' | 'signal'> = {},
): AsyncGenerator<{ rowGroup: number; chunk: DecodedChunk }> {
  const { signal } = options;
  if (signal?.aborted) throw abortError(signal);
  const plan = await planRead(asyncBuffer(source), { ...options, columns: [column] });
  for (const group of plan.groups) {
    if (signal?.aborted) throw abortError(signal);
    const columns = await decodeGroup(source, plan, group);
    yield { rowGroup: group.index, chunk: columns.get(column)! };
  }
}

/** The whole file (or the chosen columns and row groups) as one Arrow table. */
export async function parquetToArrow(source: ParquetSource, options: ParquetToArrowOptions = {}): Promise<Table> {
  const read = batches(source, options);
  const all: RecordBatch[] = [];
  for (;;) {
    const next = await read.next();
    if (next.done) {
      const plan = next.value;
      return new Table(plan.schema, all.length ? all : [emptyBatch(plan)]);
    }
    all.push(next.value);
  }
}
