/**
 * What the page needs of a user's file before any of it is read: limits and names. Kept apart from
 * the readers (session.ts), which bring DuckDB's Arrow and load only when a file is opened.
 */
import type { RemoteParquetIndex } from './remote';

/** Beyond this a text file is not read into the page (the message says so, nothing is lost). */
export const OWN_MAX_BYTES = 512 * 1024 * 1024;

/** Rows loaded into the page at once: beyond them a Parquet file is loaded by indicator. */
export const OWN_DIRECT_ROWS = 2_000_000;

/** The rows of the chosen indicators. */
export const rowsOf = (index: Pick<RemoteParquetIndex, 'indicators'>, chosen: string[]) =>
  index.indicators.filter((i) => chosen.includes(i.value)).reduce((sum, i) => sum + i.rows, 0);

/** The file name a URL ends in, for messages and the source line. */
export function fileNameOfUrl(url: string): string {
  try {
    const path = new URL(url, globalThis.location?.href ?? 'http://localhost/').pathname;
    const name = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
    return name || url;
  } catch {
    return url;
  }
}
