/**
 * A user's file into DuckDB-WASM and back out as text cells; checked rows into the app's tables.
 * Runs in DuckDB's worker where it can (CSV reading, inserts): the page stays responsive.
 */
import type { Engine } from '../db/engine';
import { parquetToArrow } from '../db/parquet-to-arrow';
import { arrowTableOf } from './arrow';
import { OWN_TABLE_ORDER, type OwnTables } from './assemble';
import { decodeText, NotTextError, type TextEncoding } from './decode';
import { dropStagingQuery, readCsvQuery, stagingNames, textColumnsQuery } from './stage';

export interface OwnInput {
  name: string;
  bytes: Uint8Array;
}

export interface StagedFile {
  kind: 'csv' | 'parquet';
  encoding: TextEncoding | null;
  header: string[];
  /** Every row's cells as text; an empty cell is ''. */
  rows: string[][];
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

export async function stageOwnFile(engine: Engine, input: OwnInput, load: number, signal?: AbortSignal): Promise<StagedFile> {
  const names = stagingNames(load);
  let kind: StagedFile['kind'];
  let encoding: TextEncoding | null = null;
  if (isParquet(input.bytes)) {
    kind = 'parquet';
    let table;
    try {
      // A copy of exactly the file's bytes: the decoder may keep views into it.
      table = await parquetToArrow(input.bytes.slice().buffer);
    } catch (e) {
      throw new OwnFileError(input.name, 'parquet', firstLine(e));
    }
    checkAbort(signal, input.name);
    await engine.execute(dropStagingQuery(names));
    await engine.insertTable(names.table, table);
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
    try {
      await engine.execute(readCsvQuery(names));
    } catch (e) {
      throw new OwnFileError(input.name, 'csv', firstLine(e));
    } finally {
      await engine.dropFile(names.file);
    }
  }
  checkAbort(signal, input.name);
  const { names: header, columns } = await engine.queryColumns(textColumnsQuery(names));
  await engine.execute(dropStagingQuery(names));
  const count = columns[0]?.length ?? 0;
  const rows: string[][] = new Array(count);
  for (let i = 0; i < count; i++) rows[i] = columns.map((c) => c[i] ?? '');
  return { kind, encoding, header, rows };
}

/** The checked rows into the app's tables, each table after the ones its rows refer to. */
export async function addOwnTables(engine: Engine, tables: OwnTables): Promise<void> {
  for (const name of OWN_TABLE_ORDER) {
    const rows = tables[name];
    if (rows.length) await engine.insertTable(name, arrowTableOf(name, rows), { append: true });
  }
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
