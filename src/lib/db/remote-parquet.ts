/**
 * A remote Parquet file read by HTTP range requests: the footer first, then only the row groups
 * whose statistics (min/max of a column, such as `indicator`) can hold the value asked for, and
 * of those only the columns asked for. The bytes received are counted, so a benchmark can say
 * what part of the file one view transfers.
 *
 * A server that ignores Range (answers 200 with the whole file) still works: the whole file is
 * kept and every later read served from it, and the read says so (`rangeRequests: false`).
 */
import { byteLengthFromUrl, type AsyncBuffer, type FileMetaData, type Statistics } from 'hyparquet';
import type { Table } from 'apache-arrow';
import { parquetToArrow, readParquetFooter, type ParquetToArrowOptions } from './parquet-to-arrow';

export interface TransferStats {
  /** Bytes of every response body received (a whole file once, when the server ignores Range). */
  bytesFetched: number;
  /** GET requests sent (the HEAD that asks the file's size not counted). */
  requests: number;
  /** false once the server answered a range request with the whole file; undefined before any answer. */
  rangeRequests: boolean | undefined;
}

export interface RemoteFile extends AsyncBuffer {
  url: string;
  stats: TransferStats;
}

export interface RemoteOptions {
  /** The fetch to use (tests pass one over a local buffer). */
  fetch?: typeof globalThis.fetch;
  /** The file's size when known: saves the HEAD request. */
  byteLength?: number;
  requestInit?: RequestInit;
  signal?: AbortSignal;
}

const httpError = (url: string, status: number) => new Error(`${url}: HTTP ${status}`);

/** An AsyncBuffer over `url` whose reads are range requests, counted in `stats`. */
export async function remoteFile(url: string, options: RemoteOptions = {}): Promise<RemoteFile> {
  const fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const init = { ...options.requestInit, signal: options.signal };
  const byteLength = options.byteLength ?? (await byteLengthFromUrl(url, init, fetch));
  const stats: TransferStats = { bytesFetched: 0, requests: 0, rangeRequests: undefined };
  let whole: Promise<ArrayBuffer> | undefined;

  async function slice(start: number, end = byteLength): Promise<ArrayBuffer> {
    if (whole) return (await whole).slice(start, end);
    const headers = new Headers(init.headers);
    headers.set('Range', `bytes=${start}-${end - 1}`);
    stats.requests++;
    const res = await fetch(url, { ...init, headers });
    if (res.status === 200) {
      // The server ignored Range: keep the whole file and read every later slice from it.
      stats.rangeRequests = false;
      whole = res.arrayBuffer().then((buffer) => {
        stats.bytesFetched += buffer.byteLength;
        return buffer;
      });
      return (await whole).slice(start, end);
    }
    if (res.status !== 206) throw httpError(url, res.status);
    const buffer = await res.arrayBuffer();
    stats.bytesFetched += buffer.byteLength;
    stats.rangeRequests ??= true;
    if (buffer.byteLength !== end - start) {
      throw new Error(`${url}: asked for bytes ${start}–${end - 1} (${end - start} bytes), received ${buffer.byteLength}`);
    }
    return buffer;
  }

  return { url, byteLength, stats, slice };
}

const encoder = new TextEncoder();

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** -1, 0 or 1; NaN when the two cannot be compared (then the row group is kept). */
function compare(stat: unknown, value: string | number): number {
  if (typeof value === 'string' && stat instanceof Uint8Array) return Math.sign(compareBytes(stat, encoder.encode(value)));
  if (typeof value === 'number' && (typeof stat === 'number' || typeof stat === 'bigint')) return Math.sign(Number(stat) - value);
  return NaN;
}

/**
 * Whether a column chunk with these statistics can hold `value`. Text is compared as UTF-8 bytes
 * (Parquet's order); the old min/max fields are trusted for numbers only, as their order for text
 * was never defined.
 */
export function statsMayHold(stats: Statistics | undefined, value: string | number, physicalType: string): boolean {
  if (!stats) return true;
  const legacyOk = physicalType !== 'BYTE_ARRAY' && physicalType !== 'FIXED_LEN_BYTE_ARRAY';
  const lo = stats.min_value ?? (legacyOk ? stats.min : undefined);
  const hi = stats.max_value ?? (legacyOk ? stats.max : undefined);
  if (lo === undefined || hi === undefined) return true;
  const above = compare(lo, value);
  const below = compare(hi, value);
  if (Number.isNaN(above) || Number.isNaN(below)) return true;
  return above <= 0 && below >= 0;
}

/** The row groups (0-based) whose statistics for `column` can hold `value`. */
export function rowGroupsHolding(metadata: FileMetaData, column: string, value: string | number | boolean): number[] {
  const groups: number[] = [];
  metadata.row_groups.forEach((group, index) => {
    const meta = group.columns.find((c) => c.meta_data?.path_in_schema.join('.') === column)?.meta_data;
    if (!meta) throw new Error(`the file has no column "${column}"`);
    if (typeof value === 'boolean' || statsMayHold(meta.statistics, value, meta.type)) groups.push(index);
  });
  return groups;
}

export interface RemoteRead {
  table: Table;
  stats: TransferStats;
  fileBytes: number;
  /** The row groups read, and how many the file has. */
  rowGroups: number[];
  rowGroupCount: number;
}

export interface RemoteReadOptions extends RemoteOptions, Pick<ParquetToArrowOptions, 'columns' | 'onProgress'> {
  /** Only the rows whose `column` holds `value`, read from the row groups that can hold it. */
  where?: { column: string; value: string | number | boolean };
}

/** Read the rows and columns asked for from a remote Parquet file, fetching as little of it as its statistics allow. */
export async function readRemoteParquet(url: string, options: RemoteReadOptions = {}): Promise<RemoteRead> {
  const file = await remoteFile(url, options);
  const metadata = await readParquetFooter(file);
  const { where, columns, signal, onProgress } = options;
  const rowGroups = where ? rowGroupsHolding(metadata, where.column, where.value) : metadata.row_groups.map((_, i) => i);
  const table = await parquetToArrow(file, { metadata, columns, rowGroups, where, signal, onProgress });
  return { table, stats: file.stats, fileBytes: file.byteLength, rowGroups, rowGroupCount: metadata.row_groups.length };
}
