/**
 * A user's file into DuckDB-WASM as a table of text cells (pipeline.ts checks and adds it). The
 * CSV is read by DuckDB's own reader in its worker, the Parquet file decoded in a worker of its own;
 * only the header and a sample come back to the page.
 */
import type { Engine } from '../db/engine';
import { makeVector, Table } from 'apache-arrow';
import type { CsvRecord } from '../data/csv';
import { NotTextError, type TextEncoding } from './decode';
import { parquetIpcInWorker } from './parquet-in-worker';
import { chunksOf, utf8FileOf, windows1252FileOf, type Utf8File } from './text-file';
import { dropOwn, sampleOf, stageCells } from './pipeline';
import { countQuery, ownTableNames, type OwnTableNames } from './sql';
import { leadingBlankLines, leadingTitleLines, lineSteps, recordLines, type LineSteps } from './lines';
import { headerQuery, readCsvQuery, sniffedCsv, sniffQuery, stagingNames, type StagingNames } from './stage';

export interface OwnInput {
  name: string;
  /** The user's file (or what a URL gave): read piece by piece, never changed. */
  file: Blob;
}

/** How far reading has got: a phase and, where known, the part done (0–1). */
export interface OwnProgress {
  phase: 'text' | 'parquet' | 'csv' | 'cells';
  done: number | null;
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

/** "PAR1" at the start and the end. */
export async function isParquet(file: Blob): Promise<boolean> {
  if (file.size < 8) return false;
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31;
}

/** DuckDB's first line says what is wrong ("CSV Error on Line: 7 …"); the rest is its advice. */
const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 300);

function checkAbort(signal: AbortSignal | undefined, file: string): void {
  if (signal?.aborted) throw new OwnFileError(file, 'aborted');
}

function linesTable(lines: Int32Array): Table {
  const records = new Int32Array(lines.length);
  for (let i = 0; i < records.length; i++) records[i] = i;
  return new Table({ record: makeVector(records), line: makeVector(lines) });
}

/**
 * Records' lines written as arithmetic in the cells view, at most this many steps (cells across
 * lines, blank lines); past it the lines go to DuckDB as a table.
 */
export const MAX_LINE_STEPS = 64;

/** Names DuckDB gave when a file's first line had one cell and the rest more: that cell, then column1, column2, …. */
export function titleAsHeader(names: string[]): boolean {
  return names.length > 1 && names.slice(1).every((n, i) => n === `column${i + 1}`);
}

/** How much of a CSV's start is looked at for the empty and title lines it starts with. */
const LEAD_BYTES = 64 * 1024;

/** Rows the column detector looks at. */
export const SAMPLE_ROWS = 500;

export interface StageOptions {
  signal?: AbortSignal;
  onProgress?: (p: OwnProgress) => void;
}

/**
 * The UTF-8 text read by DuckDB's CSV reader into the raw table, and the line each of its records
 * starts on. DuckDB reads the file from its worker, piece by piece; the page scans the same text for
 * record lines (with the quote and escape DuckDB's sniffer found) at the same time, on the other core.
 */
async function readCsv(
  engine: Engine,
  names: StagingNames,
  blob: Blob,
  signal: AbortSignal | undefined,
  onProgress?: (p: OwnProgress) => void,
): Promise<Int32Array> {
  const head = new Uint8Array(await blob.slice(0, LEAD_BYTES).arrayBuffer());
  const lead = leadingBlankLines(head);
  let body = lead.lines ? blob.slice(lead.bytes) : blob;
  await engine.registerBlob(names.file, body);
  try {
    let sniffed = sniffedCsv((await engine.queryColumns(sniffQuery(names))).columns);
    // A title above the table ("Tabel 3: …"): DuckDB took it for the header, the real header for a
    // row, and named the other columns column1, column2, …. Its lines are cut off like empty ones.
    const titles = titleAsHeader(sniffed.names) ? leadingTitleLines(head.subarray(lead.bytes), sniffed.delimiter) : null;
    if (titles?.lines) {
      lead.bytes += titles.bytes;
      lead.lines += titles.lines;
      await engine.dropFile(names.file);
      body = blob.slice(lead.bytes);
      await engine.registerBlob(names.file, body);
      sniffed = sniffedCsv((await engine.queryColumns(sniffQuery(names))).columns);
    }
    onProgress?.({ phase: 'csv', done: null });
    const read = engine.execute(readCsvQuery(names, sniffed));
    const scanned = recordLines(chunksOf(body, { signal }), sniffed);
    // Both settle before a failure is reported: the file is dropped only once DuckDB is done with it,
    // and DuckDB's failure ("Invalid unicode": read it again as Windows-1252) comes first.
    const [lines, readDone] = await Promise.allSettled([scanned, read]);
    if (readDone.status === 'rejected') throw readDone.reason;
    if (lines.status === 'rejected') throw lines.reason;
    // Lines of the user's file, the cut-off lines included.
    if (lead.lines) for (let i = 0; i < lines.value.length; i++) lines.value[i] += lead.lines;
    return lines.value;
  } finally {
    await engine.dropFile(names.file);
  }
}

/**
 * The file into DuckDB as own_raw_N, then as text cells with their lines (own_cells_N). A CSV goes
 * to DuckDB's reader as a file handle (its worker reads it); a Parquet file is decoded row group by
 * row group in a worker of its own and added to the table as each arrives.
 */
export async function stageOwnFile(engine: Engine, input: OwnInput, load: number, options: StageOptions = {}): Promise<StagedFile> {
  const { signal, onProgress } = options;
  const names = stagingNames(load);
  const tables = ownTableNames(load);
  let kind: StagedFile['kind'];
  let encoding: TextEncoding | null = null;
  // Without a scan of its lines (Parquet, or a scan that disagrees with DuckDB) row i is on line i + 2.
  let lines: LineSteps | 'table' = { first: 2, steps: [] };
  await dropOwn(engine, tables);
  if (await isParquet(input.file)) {
    kind = 'parquet';
    try {
      let first = true;
      for await (const ipc of parquetIpcInWorker(input.file, {
        signal,
        onProgress: (done, total) => onProgress?.({ phase: 'parquet', done: total ? done / total : null }),
      })) {
        await engine.insertIpc(tables.raw, ipc, { append: !first });
        first = false;
      }
    } catch (e) {
      checkAbort(signal, input.name);
      throw new OwnFileError(input.name, 'parquet', firstLine(e));
    }
  } else {
    kind = 'csv';
    const textOptions = { signal, onProgress: (done: number, total: number) => onProgress?.({ phase: 'text', done: done / total }) };
    let text: Utf8File & { checked?: boolean };
    try {
      // Not read whole first: DuckDB's reader checks the UTF-8 of every cell as it reads.
      text = await utf8FileOf(input.file, { ...textOptions, check: false });
    } catch (e) {
      checkAbort(signal, input.name);
      if (e instanceof NotTextError) throw new OwnFileError(input.name, e.reason);
      throw e;
    }
    checkAbort(signal, input.name);
    let found: Int32Array;
    try {
      found = await readCsv(engine, names, text.blob, signal, onProgress);
    } catch (e) {
      checkAbort(signal, input.name);
      if (text.checked !== false || !/invalid unicode/i.test(String(e instanceof Error ? e.message : e)))
        throw new OwnFileError(input.name, 'csv', firstLine(e));
      // Not UTF-8: as such files are, Windows-1252 (every byte is a character there).
      text = await windows1252FileOf(input.file, textOptions);
      checkAbort(signal, input.name);
      try {
        found = await readCsv(engine, names, text.blob, signal, onProgress);
      } catch (again) {
        checkAbort(signal, input.name);
        throw new OwnFileError(input.name, 'csv', firstLine(again));
      }
    }
    encoding = text.encoding;
    checkAbort(signal, input.name);
    const { columns } = await engine.queryColumns(countQuery(tables.raw));
    // Trusted only when the scan counted the records DuckDB read; else rows are numbered in order.
    if (Number(columns[0]?.[0]) === found.length) {
      const steps = lineSteps(found, MAX_LINE_STEPS);
      if (steps) lines = steps;
      else {
        await engine.insertTable(tables.lines, linesTable(found));
        lines = 'table';
      }
    }
  }
  checkAbort(signal, input.name);
  onProgress?.({ phase: 'cells', done: null });
  return { kind, encoding, ...(await cellsOf(engine, input.name, load, lines)) };
}

/** The staged file's header, its cells with their lines (own_cells_N), its row count and first rows. */
async function cellsOf(
  engine: Engine,
  name: string,
  load: number,
  lines: LineSteps | 'table',
): Promise<Omit<StagedFile, 'kind' | 'encoding'>> {
  const tables = ownTableNames(load);
  const { names: header } = await engine.queryColumns(headerQuery(stagingNames(load)));
  const rows = await stageCells(engine, tables, header, lines);
  if (rows === 0) throw new OwnFileError(name, 'empty');
  const sample = await sampleOf(engine, tables, header.length, SAMPLE_ROWS);
  return { tables, header, rows, sample };
}

/** Rows of a Parquet file already decoded (some indicators', read by range requests) staged as the file. */
export async function stageOwnTable(engine: Engine, name: string, table: Table, load: number): Promise<StagedFile> {
  const tables = ownTableNames(load);
  await dropOwn(engine, tables);
  await engine.insertTable(tables.raw, table);
  return { kind: 'parquet', encoding: null, ...(await cellsOf(engine, name, load, { first: 2, steps: [] })) };
}

/** DuckDB's "Out of Memory Error: … (3.1 GiB/3.1 GiB used)" as "DuckDB: 3.1 GiB/3.1 GiB used"; null for any other error. */
export function memoryShortage(message: string): string | null {
  if (!/out of memory/i.test(message)) return null;
  const used = /\(([^()]*used)\)/i.exec(message);
  return used ? `DuckDB: ${used[1]}` : 'DuckDB';
}

export const todayIso = (): string => new Date().toISOString().slice(0, 10);
