/** What the data build writes beside the Parquet files, and the browser reads first. */
import type { Catalog } from './catalog';
import type { ViewData } from '../view/load';
import type { TableName } from './schema';

export interface Manifest {
  /** Content-derived version: the same data always gives the same version. */
  version: string;
  built: string;
  tables: Record<TableName, { file: string; rows: number; bytes: number; sha256: string }>;
}

/** Precomputed so the first chart needs neither DuckDB nor Parquet. */
export interface BootData {
  version: string;
  catalog: Catalog;
  /** The data of the default view (trend of the default indicator), as the engine would return it. */
  defaultView: ViewData;
}
