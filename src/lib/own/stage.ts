/**
 * A dropped file, read into one DuckDB table of text columns (its "staging" table) by DuckDB's
 * own CSV reader: delimiter, quotes and header found by DuckDB's sniffer, every cell kept as the
 * text the file holds (decimal commas and missing markers are read later, by src/lib/own/).
 * Names inside SQL are ours (`own-3.csv`, `own_raw_3`), never the user's file name.
 */
import type { Query } from '../queries/sql';
import { ownTableNames } from './sql';

export interface StagingNames {
  file: string;
  table: string;
}

/** The file DuckDB reads for load N, and the table it is read into (the load's raw table). */
export function stagingNames(n: number): StagingNames {
  return { file: `own-${n}.csv`, table: ownTableNames(n).raw };
}

function checked({ file, table }: StagingNames): StagingNames {
  if (!/^own-\d+\.csv$/.test(file) || !/^own_raw_\d+$/.test(table)) throw new Error('staging names come from stagingNames()');
  return { file, table };
}

/** The CSV, read whole into its staging table, every column as VARCHAR. */
export function readCsvQuery(names: StagingNames): Query {
  const { file, table } = checked(names);
  return {
    sql: `CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_csv('${file}', header = true, all_varchar = true, auto_detect = true, null_padding = true, parallel = false)`,
    params: [],
  };
}

/** What DuckDB's sniffer finds in the file: the dialect read_csv then reads it with. */
export function sniffQuery(names: StagingNames): Query {
  const { file } = checked(names);
  return {
    sql: `SELECT Quote AS quote, Escape AS escape, CAST(SkipRows AS VARCHAR) AS skip_rows, CAST(HasHeader AS VARCHAR) AS has_header FROM sniff_csv('${file}', null_padding = true)`,
    params: [],
  };
}

/** No rows, only the staged table's column names (as DuckDB made them unique). */
export function headerQuery(names: StagingNames): Query {
  const { table } = checked(names);
  return { sql: `SELECT * FROM ${table} LIMIT 0`, params: [] };
}
