/** What the data build writes beside the Parquet files, and the browser reads first. */
import type { Catalog } from './catalog';
import type { ViewData } from '../views/types';
import type { TableName } from './schema';

export interface Manifest {
  /** Content-derived version: the same data always gives the same version. */
  version: string;
  built: string;
  tables: Record<TableName, { file: string; rows: number; bytes: number; sha256: string }>;
  /** Files offered for download beside the Parquet files: the curated CSVs as one zip. */
  downloads?: { csvZip: string };
}

/**
 * A data file's URL (relative to the data folder) as the page requests it: the data version in the
 * query, so a cached copy of another version never answers. The build's preload hints and the
 * offline copy list use the same URLs, so the browser can match them.
 */
export const versionedFile = (file: string, version: string): string => `${file}?v=${encodeURIComponent(version)}`;

/** Precomputed so the first chart needs neither DuckDB nor Parquet. */
export interface BootData {
  version: string;
  catalog: Catalog;
  /**
   * The data of each domain's opening view (every view of its default indicator), as the engine
   * would return it: these draw at once, and keep working if the engine cannot start.
   */
  views: ViewData[];
  /** Hashes (`fnv1a64` of the need key) of the needs prebuilt as `views/<hash>.json`. */
  prebuilt?: string[];
}
