/**
 * A user's file into DuckDB-WASM as a table of text cells (pipeline.ts checks and adds it). The
 * CSV is read by DuckDB's own reader in its worker; only the header and a sample come back.
 */
import type { Engine } from '../db/engine';
import { parquetToArrow } from '../db/parquet-to-arrow';
import { makeVector, Table } from 'apache-arrow';
import type { CsvRecord } from '../data/csv';
import { decodeText, NotTextError, type TextEncoding } from './decode';
import { dropOwn, sampleOf, stageCells } from './pipeline';
import { ownTableNames, type OwnTableNames } from './sql';
import { recordLines, sniffedText, type CsvDialectFound } from './lines';
import { countRawQuery, headerQuery, readCsvQuery, sniffQuery, stagingNames } from './stage';

export interface OwnInput {
  name: string;
  bytes: Uint8Array;
}

export interface StagedFile {
  kind: 'csv' | 'parquet';
  encoding: TextEncoding | null;
  /** The load's tables in DuckDB: own_cells_N holds the file's cells. */
  tables: OwnTableNames;
  header: string[];
  /** Rows of the file (without its header). */
  rows: number;
  /** The first rows, for the column detector. */
  sample: CsvRecord[];
}

/** Why a file could not be read, naming the file and what is wrong with it. */
export class OwnFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: 'empty' | 'binary' | 'csv' | 'parquet' | 'aborted' | 'too_large',
    readonly detail = '',
  ) {
    super(`${file}: ${problem}${detail ? ` (${detail})` : ''}`);
  }
}

const isParquet = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x41 && b[2] === 0x52 && b[3] === 0x31; // "PAR1"

/** DuckDB's first line says what is wrong ("CSV Error on Line: 7 …"); the rest is its advice. */
const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 300);

function checkAbort(signal: AbortSignal | undefined, file: string): void {
  if (signal?.aborted) throw new OwnFileError(file, 'aborted');
}

function linesTable(lines: Int32Array): Table {
  return new Table({ record: makeVector(Int32Array.from(lines, (_, i) => i)), line: makeVector(lines) });
}

/** Rows the column detector looks at. */
export const SAMPLE_ROWS = 500;

export async function stageOwnFile(engine: Engine, input: OwnInput, load: number, signal?: AbortSignal): Promise<StagedFile> {
  const names = stagingNames(load);
  const tables = ownTableNames(load);
  let kind: StagedFile['kind'];
  let encoding: TextEncoding | null = null;
  let withLines = false;
  await dropOwn(engine, tables);
  if (isParquet(input.bytes)) {
    kind = 'parquet';
    let table;
    try {
      // A copy of exactly the file's bytes: the decoder may keep views into it.
      table = await parquetToArrow(input.bytes.slice().buffer, { signal });
    } catch (e) {
      checkAbort(signal, input.name);
      throw new OwnFileError(input.name, 'parquet', firstLine(e));
    }
    checkAbort(signal, input.name);
    await engine.insertTable(tables.raw, table);
  } else {
    kind = 'csv';
    let text: string;
    try {
      ({ text, encoding } = decodeText(input.bytes));
    } catch (e) {
      if (e instanceof NotTextError) throw new OwnFileError(input.name, e.reason);
      throw e;
    }
    checkAbort(signal, input.name);
    // DuckDB reads UTF-8: the text is handed over re-encoded, the user's bytes stay as they were.
    await engine.registerFile(names.file, new TextEncoder().encode(text));
    let dialect: CsvDialectFound;
    try {
      const sniffed = (await engine.queryColumns(sniffQuery(names))).columns.map((c) => c[0]);
      dialect = {
        quote: sniffedText(sniffed[0]),
        escape: sniffedText(sniffed[1]),
        skipRows: Number(sniffed[2]),
        header: sniffed[3] === 'true',
      };
      await engine.execute(readCsvQuery(names));
    } catch (e) {
      throw new OwnFileError(input.name, 'csv', firstLine(e));
    } finally {
      await engine.dropFile(names.file);
    }
    const lines = recordLines(text, dialect);
    const { columns } = await engine.queryColumns(countRawQuery(names));
    // Trusted only when the scan counted the records DuckDB read; else rows are numbered in order.
    if (Number(columns[0]?.[0]) === lines.length) {
      await engine.insertTable(tables.lines, linesTable(lines));
      withLines = true;
    }
  }
  checkAbort(signal, input.name);
  const { names: header } = await engine.queryColumns(headerQuery(names));
  const rows = await stageCells(engine, tables, header, withLines);
  if (rows === 0) throw new OwnFileError(input.name, 'empty');
  const sample = await sampleOf(engine, tables, header.length, SAMPLE_ROWS);
  return { kind, encoding, tables, header, rows, sample };
}

/** The file name a URL ends in, for messages and the source line. */
export function fileNameOfUrl(url: string): string {
  try {
    return decodeURIComponent(new URL(url, location.href).pathname.split('/').pop() || url);
  } catch {
    return url;
  }
}

export const todayIso = (): string => new Date().toISOString().slice(0, 10);
