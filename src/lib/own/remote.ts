/**
 * A researcher's large Parquet file, opened by URL and explored by HTTP range requests: the
 * footer first, then the indicator column (to list the indicators and where they lie), then, for
 * a view, only the row groups of the indicators it shows.
 *
 * A row group whose statistics say it holds one indicator only (min = max) is counted from the
 * footer and not fetched: in a file sorted by indicator that is most of them. The column chunks a
 * read needs are fetched a few at a time ahead of the decoder, so a remote file is not read one
 * round trip per row group.
 *
 * A server that ignores Range (answers 200 with the whole file) still works: the file is received
 * once, kept in the index (`body`) and every later read served from it.
 */
import { fileNameOfUrl } from './limits';
import { DataType, type Table, type Vector } from 'apache-arrow';
import type { AsyncBuffer, FileMetaData, SchemaElement } from 'hyparquet';
import {
  mergeRanges,
  parquetColumnChunks,
  parquetRowGroups,
  parquetToArrow,
  readParquetFooter,
  type DecodedChunk,
} from '../db/parquet-to-arrow';
import { planColumn, type FilterValue } from '../db/parquet-columns';
import { remoteFile } from '../db/remote-parquet';
import { fold } from './text';

/** Column names that name the indicator, folded (lowercase, no spaces or punctuation), the preferred first. */
export const INDICATOR_COLUMN_NAMES = [
  'indicatorid',
  'indicatorcode',
  'indicator',
  'kenmerkid',
  'kenmerkcode',
  'kenmerk',
  'indicatornaam',
  'indicatorname',
  'indicatorlabel',
  'indicatoren',
  'indicateur',
] as const;

export interface RemoteIndicator {
  value: string;
  rows: number;
  /** The row groups (0-based) holding its rows. */
  rowGroups: number[];
}

export interface RemoteParquetIndex {
  url: string;
  byteLength: number;
  rows: number;
  rowGroups: number;
  columns: string[];
  indicatorColumn: string | null;
  /** In the order they first appear in the file; rows whose indicator is empty (null) are not counted. */
  indicators: RemoteIndicator[];
  bytesFetched: number;
  /** GET requests sent (a HEAD asking the size not counted). */
  rangeRequests: number;
  /** false when the server ignored Range and sent the whole file. */
  rangesHonoured: boolean;
  /** The footer, so a later read does not fetch it again. */
  metadata: FileMetaData;
  /** The whole file, kept only when the server ignored Range (it was all received once already). */
  body: ArrayBuffer | null;
}

export interface RemoteOpenOptions {
  fetch?: typeof globalThis.fetch;
  signal?: AbortSignal;
}

export interface RemoteIndicatorsOptions extends RemoteOpenOptions {
  onProgress?(rowsDone: number, rowsTotal: number): void;
}

export interface RemoteIndicatorsRead {
  table: Table;
  bytesFetched: number;
  rangeRequests: number;
}

/** The footer usually fits in this much of the file's end: fetched in one request with the 8 bytes before it. */
const TAIL_BYTES = 64 * 1024;
/** Column chunk reads in flight ahead of the decoder. */
const READ_AHEAD = 4;

/** The last segment of the URL's path, as a person would call the file. */
export const remoteFileName = fileNameOfUrl;

function isAbort(e: unknown, signal?: AbortSignal): boolean {
  return Boolean(signal?.aborted) || (e instanceof Error && e.name === 'AbortError');
}

/** Any failure as `<file name>: <the problem>`; an abort passes through as it is. */
function named(url: string, e: unknown, signal?: AbortSignal): unknown {
  if (isAbort(e, signal)) return e;
  let message = e instanceof Error ? e.message : String(e);
  if (message.startsWith(`${url}: `)) message = message.slice(url.length + 2);
  if (e instanceof TypeError && /fetch/i.test(message)) {
    const why = e.cause instanceof Error ? e.cause.message : '';
    message = `could not be reached (${message}${why ? `: ${why}` : ''})`;
  }
  return new Error(`${remoteFileName(url)}: ${message}`, { cause: e });
}

function statusProblem(res: Response): string {
  if (res.status === 404 || res.status === 410) return `not found on the server (HTTP ${res.status})`;
  return `the server answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
}

interface Size {
  byteLength: number;
  /** The whole file, when finding its size brought all of it. */
  body: ArrayBuffer | null;
  bytesFetched: number;
  requests: number;
  /** "(the server sent a web page)" and the like, to add to a "not a Parquet file". */
  hint: string;
}

function contentHint(res: Response): string {
  const type = res.headers.get('Content-Type') ?? '';
  return /html/i.test(type) ? ' (the server sent a web page)' : /^text\//i.test(type) ? ` (the server sent ${type.split(';')[0]})` : '';
}

/** The file's size from a HEAD request, or from a one-byte GET where HEAD is refused or gives no usable length. */
async function fileSize(url: string, fetch: typeof globalThis.fetch, signal?: AbortSignal): Promise<Size> {
  const head = await fetch(url, { method: 'HEAD', signal });
  const length = head.headers.get('Content-Length');
  // A compressed answer's length is not the file's, and ranges are of the file.
  const encoded = !/^(identity)?$/i.test(head.headers.get('Content-Encoding')?.trim() ?? '');
  if (head.ok && !encoded && length !== null && /^\d+$/.test(length.trim())) {
    return { byteLength: Number(length), body: null, bytesFetched: 0, requests: 0, hint: contentHint(head) };
  }
  if (!head.ok && ![403, 405, 501].includes(head.status)) throw new Error(statusProblem(head));
  const res = await fetch(url, { headers: { Range: 'bytes=0-0' }, signal });
  if (res.status === 206) {
    const total = /\/(\d+)\s*$/.exec(res.headers.get('Content-Range') ?? '');
    const bytes = (await res.arrayBuffer()).byteLength;
    if (!total) throw new Error('the server does not say how long the file is (no Content-Range)');
    return { byteLength: Number(total[1]), body: null, bytesFetched: bytes, requests: 1, hint: contentHint(res) };
  }
  if (!res.ok) throw new Error(statusProblem(res));
  const body = await res.arrayBuffer();
  return { byteLength: body.byteLength, body, bytesFetched: body.byteLength, requests: 1, hint: contentHint(res) };
}

/** Reads within the last `size` bytes are served from one request for all of them. */
function withTail(file: AsyncBuffer, size: number): AsyncBuffer {
  const from = Math.max(0, file.byteLength - size);
  let tail: Promise<ArrayBuffer> | undefined;
  return {
    byteLength: file.byteLength,
    async slice(start, end = file.byteLength) {
      if (end <= from) return file.slice(start, end);
      tail ??= Promise.resolve(file.slice(from, file.byteLength));
      if (start >= from) return (await tail).slice(start - from, end - from);
      // A footer longer than the tail: only the part before the tail is fetched.
      const [before, rest] = await Promise.all([file.slice(start, from), tail]);
      const out = new Uint8Array(end - start);
      out.set(new Uint8Array(before), 0);
      out.set(new Uint8Array(rest, 0, end - from), from - start);
      return out.buffer;
    },
  };
}

/**
 * Fetches `ranges` (the reads the decoder will make, in its order) a few at a time ahead of it;
 * a read inside a fetched range is served from it, any other goes to `file`.
 */
function readAhead(file: AsyncBuffer, ranges: { start: number; end: number }[], ahead = READ_AHEAD): AsyncBuffer {
  const pending: { start: number; end: number; bytes: Promise<ArrayBuffer> }[] = [];
  let next = 0;
  const fill = () => {
    while (next < ranges.length && pending.length < ahead) {
      const { start, end } = ranges[next++];
      const bytes = Promise.resolve(file.slice(start, end));
      bytes.catch(() => {}); // reported when the decoder asks for it
      pending.push({ start, end, bytes });
    }
  };
  fill();
  return {
    byteLength: file.byteLength,
    async slice(start, end = file.byteLength) {
      const at = pending.findIndex((p) => p.start <= start && end <= p.end);
      if (at < 0) return file.slice(start, end);
      const range = pending[at];
      const buffer = await range.bytes;
      // The decoder moves forward: a range it has read to the end, and any before it, are done.
      if (end === range.end) {
        pending.splice(0, at + 1);
        fill();
      }
      return start === range.start && end === range.end ? buffer : buffer.slice(start - range.start, end - range.start);
    },
  };
}

/** The byte ranges the decoder reads for `columns` of these row groups: per row group, its column chunks merged. */
function chunkReads(metadata: FileMetaData, rowGroups: number[], columns: Set<string>): { start: number; end: number }[] {
  return [...rowGroups]
    .sort((a, b) => a - b)
    .flatMap((g) => {
      const chunks = metadata.row_groups[g].columns.flatMap(({ meta_data: meta }) => {
        if (!meta || !columns.has(meta.path_in_schema[0])) return [];
        const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
        return [{ start, end: start + Number(meta.total_compressed_size) }];
      });
      return mergeRanges(chunks);
    });
}

/** The top-level columns: the schema root's children, each with its descendants skipped. */
function topColumns(metadata: FileMetaData): SchemaElement[] {
  const schema = metadata.schema;
  const out: SchemaElement[] = [];
  let i = 1;
  for (let c = 0; c < (schema[0]?.num_children ?? 0) && i < schema.length; c++) {
    out.push(schema[i]);
    let pending = 1;
    while (pending > 0 && i < schema.length) {
      pending += (schema[i].num_children ?? 0) - 1;
      i++;
    }
  }
  return out;
}

export function findIndicatorColumn(columns: string[]): string | null {
  const folded = columns.map(fold);
  for (const name of INDICATOR_COLUMN_NAMES) {
    const at = folded.indexOf(name);
    if (at >= 0) return columns[at];
  }
  return null;
}

const decoder = new TextDecoder();

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const text = (raw: unknown) => (raw instanceof Uint8Array ? decoder.decode(raw) : String(raw));

/** Calls `add(value, rows)` for the values of a plain text column chunk as stored: a dictionary's entries are decoded once each. */
function countChunk(chunk: DecodedChunk, add: (value: string, rows: number) => void): void {
  for (const { values, dictionary } of chunk.segments) {
    if (dictionary) {
      const counts = new Int32Array(dictionary.length);
      const order: number[] = [];
      for (let i = 0; i < values.length; i++) {
        const k = values[i] as number;
        if (counts[k]++ === 0) order.push(k);
      }
      for (const k of order) add(text(dictionary[k]), counts[k]);
      continue;
    }
    let run: unknown = undefined;
    let count = 0;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      const same = run instanceof Uint8Array && value instanceof Uint8Array ? sameBytes(run, value) : run === value;
      if (count > 0 && same) count++;
      else {
        if (count > 0) add(text(run), count);
        run = value;
        count = 1;
      }
    }
    if (count > 0) add(text(run), count);
  }
}

/** Calls `add(value, 1)` for every non-null value of a column the decoder shows otherwise than as its bytes (numbers, dates). */
function countVector(vector: Vector, add: (value: string, rows: number) => void): void {
  for (let i = 0; i < vector.length; i++) {
    const value: unknown = vector.get(i);
    if (value !== null && value !== undefined) add(String(value), 1);
  }
}

/** A row group holding one value only, by its statistics: that value and how many rows hold it. */
function singleValue(metadata: FileMetaData, group: number, column: string): { value: string; rows: number } | null {
  const rowGroup = metadata.row_groups[group];
  const meta = rowGroup.columns.find((c) => c.meta_data?.path_in_schema.join('.') === column)?.meta_data;
  const stats = meta?.statistics;
  if (!meta || !stats || stats.null_count === undefined) return null;
  if (stats.is_min_value_exact === false || stats.is_max_value_exact === false) return null;
  const { min_value: lo, max_value: hi } = stats;
  if (!(lo instanceof Uint8Array) || !(hi instanceof Uint8Array) || !sameBytes(lo, hi)) return null;
  const rows = Number(rowGroup.num_rows) - Number(stats.null_count);
  return rows > 0 ? { value: decoder.decode(lo), rows } : null;
}

async function listIndicators(
  file: AsyncBuffer | ArrayBuffer,
  metadata: FileMetaData,
  column: string,
  signal?: AbortSignal,
): Promise<RemoteIndicator[]> {
  const byValue = new Map<string, RemoteIndicator>();
  const add = (group: number) => (value: string, rows: number) => {
    let indicator = byValue.get(value);
    if (!indicator) byValue.set(value, (indicator = { value, rows: 0, rowGroups: [] }));
    indicator.rows += rows;
    if (indicator.rowGroups[indicator.rowGroups.length - 1] !== group) indicator.rowGroups.push(group);
  };
  const element = topColumns(metadata).find((c) => c.name === column);
  // Statistics are trusted only for plain text, which the decoder shows as the bytes say.
  const plainText =
    element?.type === 'BYTE_ARRAY' &&
    (!element.logical_type || element.logical_type.type === 'STRING') &&
    (!element.converted_type || element.converted_type === 'UTF8');
  const known = metadata.row_groups.map((_, g) => (plainText ? singleValue(metadata, g, column) : null));
  const toRead = known.flatMap((k, g) => (k ? [] : [g]));
  const source = file instanceof ArrayBuffer ? file : readAhead(file, chunkReads(metadata, toRead, new Set([column])));
  const groups = plainText
    ? parquetColumnChunks(source, column, { metadata, rowGroups: toRead, signal })
    : (async function* () {
        let at = 0;
        for await (const table of parquetRowGroups(source, { metadata, columns: [column], rowGroups: toRead, signal })) {
          yield { rowGroup: toRead[at++], table };
        }
      })();
  for (let g = 0; g < known.length; g++) {
    const single = known[g];
    if (single) {
      add(g)(single.value, single.rows);
      continue;
    }
    const next = await groups.next();
    if (next.done || next.value.rowGroup !== g) throw new Error(`row group ${g} could not be read`);
    const group = next.value;
    if ('chunk' in group) countChunk(group.chunk, add(g));
    else countVector(group.table.getChild(column)!, add(g));
  }
  return [...byValue.values()];
}

/**
 * Open a remote Parquet file: its footer and, when a column names the indicator, that column only,
 * to list the indicators (with their rows and row groups) in file order.
 */
export async function openRemoteParquet(
  url: string,
  options: RemoteOpenOptions & {
    /** List the indicators only for a file of more rows than this (a smaller dropped file is read whole). */
    indicatorsPast?: number;
  } = {},
): Promise<RemoteParquetIndex> {
  const fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const { signal } = options;
  let size: Size | undefined;
  try {
    size = await fileSize(url, fetch, signal);
    const file = size.body ?? (await remoteFile(url, { fetch, signal, byteLength: size.byteLength }));
    let metadata: FileMetaData;
    try {
      metadata = await readParquetFooter(withTail(file, TAIL_BYTES));
    } catch (e) {
      if (e instanceof Error && e.message.startsWith('not a Parquet file') && size.hint)
        throw new Error(e.message + size.hint, { cause: e });
      throw e;
    }
    const columns = topColumns(metadata).map((c) => c.name);
    const indicatorColumn = findIndicatorColumn(columns);
    const listed = indicatorColumn && Number(metadata.num_rows) > (options.indicatorsPast ?? -1);
    const indicators = listed ? await listIndicators(file, metadata, indicatorColumn, signal) : [];
    const stats = 'stats' in file ? file.stats : undefined;
    const rangesHonoured = size.body === null && stats?.rangeRequests !== false;
    return {
      url,
      byteLength: size.byteLength,
      rows: Number(metadata.num_rows),
      rowGroups: metadata.row_groups.length,
      columns,
      indicatorColumn,
      indicators,
      bytesFetched: size.bytesFetched + (stats?.bytesFetched ?? 0),
      rangeRequests: size.requests + (stats?.requests ?? 0),
      rangesHonoured,
      metadata,
      body: size.body ?? (rangesHonoured ? null : await file.slice(0, size.byteLength)),
    };
  } catch (e) {
    throw named(url, e, signal);
  }
}

/** The indicators' values as the filter needs them: text, or numbers for a numeric column. */
function filterValues(index: RemoteParquetIndex, column: string, indicators: string[]): FilterValue[] {
  const element = topColumns(index.metadata).find((c) => c.name === column);
  const type = element ? planColumn(element).type : undefined;
  if (type && DataType.isBool(type)) return indicators.map((v) => v === 'true');
  if (type && (DataType.isInt(type) || DataType.isFloat(type))) return indicators.map(Number);
  return indicators;
}

/**
 * The rows of these indicators, every column, from the row groups holding them only: one Arrow
 * table, in file order.
 */
export async function readRemoteIndicators(
  index: RemoteParquetIndex,
  indicators: string[],
  options: RemoteIndicatorsOptions = {},
): Promise<RemoteIndicatorsRead> {
  const { signal, onProgress } = options;
  const column = index.indicatorColumn;
  try {
    if (!column) throw new Error('the file has no indicator column, so it cannot be read by indicator');
    const wanted = [...new Set(indicators)];
    const byValue = new Map(index.indicators.map((i) => [i.value, i]));
    const missing = wanted.filter((v) => !byValue.has(v));
    if (missing.length) throw new Error(`the file has no indicator ${missing.map((v) => `"${v}"`).join(', ')}`);
    const rowGroups = [...new Set(wanted.flatMap((v) => byValue.get(v)!.rowGroups))].sort((a, b) => a - b);
    const where = { column, values: filterValues(index, column, wanted) };
    // A user's file: its numbers come as text, as a CSV's cells do (parquet-columns.ts).
    const read = { metadata: index.metadata, rowGroups, where, signal, onProgress, numbersAsText: true };
    if (index.body) return { table: await parquetToArrow(index.body, read), bytesFetched: 0, rangeRequests: 0 };
    const fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    const file = await remoteFile(index.url, { fetch, signal, byteLength: index.byteLength });
    const source = readAhead(file, chunkReads(index.metadata, rowGroups, new Set(index.columns)));
    const table = await parquetToArrow(source, read);
    return { table, bytesFetched: file.stats.bytesFetched, rangeRequests: file.stats.requests };
  } catch (e) {
    throw named(index.url, e, signal);
  }
}
