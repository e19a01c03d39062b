/**
 * A Parquet file too large to load whole, or one at a URL: its footer and indicator column read
 * first (by range requests, or from the dropped file the same way), the user chooses indicators,
 * and only their row groups are read (remote.ts). What was fetched is counted and shown.
 */
import { blobFetch } from './blob-fetch';
import { OWN_DIRECT_ROWS } from './limits';
import { openRemoteParquet, type RemoteParquetIndex } from './remote';

export interface ParquetSource {
  index: RemoteParquetIndex;
  /** How its bytes are fetched: the network for a URL, the file itself for a dropped one. */
  fetch: typeof fetch;
  /** Bytes fetched so far (footer, indicator column, chosen row groups), and requests. */
  fetched: { bytes: number; requests: number };
}

/**
 * A dropped file read as a server with ranges would serve it; its URL is only a name, never fetched.
 * Its indicators are listed only when it is too large to load whole (else it is read whole at once).
 */
export async function localParquet(file: Blob, name: string, signal?: AbortSignal): Promise<ParquetSource> {
  const fetch = blobFetch(file);
  const url = `${location.origin}/eigen-bestand/${encodeURIComponent(name)}`;
  const index = await openRemoteParquet(url, { fetch, signal, indicatorsPast: OWN_DIRECT_ROWS });
  return { index, fetch, fetched: { bytes: index.bytesFetched, requests: index.rangeRequests } };
}

export async function remoteParquet(url: string, signal?: AbortSignal): Promise<ParquetSource> {
  const fetch = globalThis.fetch.bind(globalThis);
  const index = await openRemoteParquet(url, { fetch, signal });
  return { index, fetch, fetched: { bytes: index.bytesFetched, requests: index.rangeRequests } };
}

/** Whether the user chooses indicators first: always for a URL, for a dropped file when it is too large. */
export function choiceNeeded(index: RemoteParquetIndex, remote: boolean): boolean {
  if (!index.indicatorColumn || index.indicators.length === 0) return false;
  return remote ? index.indicators.length > 1 || index.rows > OWN_DIRECT_ROWS : index.rows > OWN_DIRECT_ROWS;
}

/** The indicator chosen at first: the file's first (a view shows one indicator). */
export function firstChoice(index: RemoteParquetIndex): string[] {
  return index.indicators.length ? [index.indicators[0].value] : [];
}
