/**
 * A dropped file, read into one DuckDB table of text columns (its "staging" table) by DuckDB's
 * own CSV reader: delimiter, quotes and header found by DuckDB's sniffer, every cell kept as the
 * text the file holds (decimal commas and missing markers are read later, by src/lib/own/).
 * Names inside SQL are ours (`own-3.csv`, `own_raw_3`), never the user's file name.
 */
import type { Query } from '../queries/sql';
import { sniffedText, type CsvDialectFound } from './lines';
import { literal, ownTableNames } from './sql';

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

/** What DuckDB's sniffer found: the dialect, and the column names it gives (made unique). */
export interface SniffedCsv extends CsvDialectFound {
  delimiter: string;
  /** '' when the file has no comment character. */
  comment: string;
  names: string[];
}

/**
 * The CSV, read whole into its staging table, every column as VARCHAR. With the sniffer's findings
 * (`sniffed`, when it found a header) DuckDB reads the file as they say instead of sniffing it a
 * second time (about 0.15 s of a million-row file in Chromium); without, it finds them itself.
 */
export function readCsvQuery(names: StagingNames, sniffed?: SniffedCsv): Query {
  const { file, table } = checked(names);
  const read =
    sniffed && sniffed.header && sniffed.names.length
      ? `read_csv('${file}', auto_detect = false, header = true, delim = ${literal(sniffed.delimiter)}, quote = ${literal(sniffed.quote)}, ` +
        `escape = ${literal(sniffed.escape)}, ${sniffed.comment ? `comment = ${literal(sniffed.comment)}, ` : ''}skip = ${Math.max(0, Math.trunc(sniffed.skipRows))}, ` +
        `columns = {${sniffed.names.map((n) => `${literal(n)}: 'VARCHAR'`).join(', ')}}, null_padding = true, parallel = false)`
      : `read_csv('${file}', header = true, all_varchar = true, auto_detect = true, null_padding = true, parallel = false)`;
  return { sql: `CREATE OR REPLACE TABLE ${table} AS SELECT * FROM ${read}`, params: [] };
}

/** What DuckDB's sniffer finds in the file: the dialect read_csv then reads it with, on each of a row per column with its name. */
export function sniffQuery(names: StagingNames): Query {
  const { file } = checked(names);
  return {
    sql:
      `SELECT Quote AS quote, Escape AS escape, CAST(SkipRows AS VARCHAR) AS skip_rows, CAST(HasHeader AS VARCHAR) AS has_header, ` +
      `Delimiter AS delimiter, Comment AS comment, unnest(list_transform(Columns, c -> c.name)) AS name ` +
      `FROM sniff_csv('${file}', null_padding = true)`,
    params: [],
  };
}

/**
 * sniffQuery's rows (text columns, in its order: the dialect, then a column's name; a row per
 * column) as what the sniffer found.
 */
export function sniffedCsv(columns: (string | null | undefined)[][]): SniffedCsv {
  const [quote, escape, skipRows, header, delimiter, comment] = columns.map((c) => c[0]);
  const names = columns[6] ?? [];
  return {
    quote: sniffedText(quote),
    escape: sniffedText(escape),
    skipRows: Number(skipRows) || 0,
    header: header === 'true',
    delimiter: sniffedText(delimiter),
    comment: sniffedText(comment),
    // A name DuckDB could not give (none) leaves the reading to DuckDB's own detection.
    names: names.every((n) => typeof n === 'string') ? (names as string[]) : [],
  };
}

/** No rows, only the staged table's column names (as DuckDB made them unique). */
export function headerQuery(names: StagingNames): Query {
  const { table } = checked(names);
  return { sql: `SELECT * FROM ${table} LIMIT 0`, params: [] };
}
