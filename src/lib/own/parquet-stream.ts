/**
 * The row-group loop behind parquetIpcInWorker (parquet-in-worker.ts): a Parquet file read from
 * a Blob piece by piece, each row group sent on as Arrow IPC bytes. The dedicated worker
 * (parquet-worker.ts) runs it; where there is no Worker (Node, unit tests) the page runs the very
 * same loop itself, so both paths speak the same messages.
 */
import { Table, tableToIPC } from 'apache-arrow';
import type { AsyncBuffer } from 'hyparquet';
import { parquetRowGroups, parquetToArrow } from '../db/parquet-to-arrow';

/** Page → loop. */
export type ToParquetStream =
  /** `rowsPerTable`: row groups go together until they hold this many rows (ROWS_PER_TABLE when left out). */
  | { type: 'read'; file: Blob; rowsPerTable?: number }
  /** The page has taken a table: one more may be decoded ahead of it. */
  | { type: 'next' }
  | { type: 'abort' };

/** Loop → page. */
export type FromParquetStream =
  | { type: 'progress'; rowsDone: number; rowsTotal: number; bytesRead: number }
  /** One row group: an Arrow IPC stream (its buffer is transferred, not copied). */
  | { type: 'table'; ipc: Uint8Array; rows: number }
  | { type: 'done'; rowsTotal: number; bytesRead: number }
  | { type: 'error'; message: string };

export type SendToPage = (message: FromParquetStream, transfer: Transferable[]) => void;

/**
 * Row groups decoded before the page has taken them: enough to keep decoding beside the page's
 * work, few enough that a large file is never held whole (in the worker or in the page's queue).
 */
export const AHEAD = 2;

/**
 * Row groups are sent together until they hold this many rows: each insert into DuckDB-WASM costs
 * about as much again for a small table as for a large one (1,000,000 rows in 11 inserts: 454 ms;
 * in 1: 234 ms, measured in Chromium).
 */
export const ROWS_PER_TABLE = 300_000;

/** A Blob as hyparquet's AsyncBuffer: each read fetches only its range, and is counted. */
export function blobBuffer(blob: Blob, onRead: (bytes: number) => void = () => undefined): AsyncBuffer {
  return {
    byteLength: blob.size,
    async slice(start: number, end = blob.size) {
      const bytes = await blob.slice(start, end).arrayBuffer();
      onRead(bytes.byteLength);
      return bytes;
    },
  };
}

/** The first line of an error's message: what the page shows. */
export function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0].trim() || 'the Parquet file could not be read';
}

/** The table's IPC bytes, in a buffer of their own so it can be transferred. */
function ipcBytes(table: Table): Uint8Array {
  const ipc = tableToIPC(table, 'stream');
  return ipc.byteOffset === 0 && ipc.byteLength === ipc.buffer.byteLength ? ipc : ipc.slice();
}

/**
 * The loop's side of the conversation: returns the handler for the page's messages. The first
 * 'read' starts the loop; 'abort' stops it, after which nothing more is sent.
 */
export function serveParquetStream(send: SendToPage): (message: ToParquetStream) => void {
  const controller = new AbortController();
  let started = false;
  let credit = AHEAD;
  let waiting: (() => void) | null = null;
  const wake = () => {
    waiting?.();
    waiting = null;
  };

  async function run(file: Blob, rowsPerTable: number): Promise<void> {
    let bytesRead = 0;
    let rowsDone = 0;
    let rowsTotal = 0;
    const { signal } = controller;
    const buffer = blobBuffer(file, (n) => (bytesRead += n));
    const onProgress = (done: number, total: number) => {
      [rowsDone, rowsTotal] = [done, total];
      send({ type: 'progress', rowsDone, rowsTotal, bytesRead }, []);
    };
    const sendTable = (table: Table) => {
      const ipc = ipcBytes(table);
      send({ type: 'table', ipc, rows: table.numRows }, [ipc.buffer]);
    };
    let tables = 0;
    let held: Table[] = [];
    let heldRows = 0;
    const sendHeld = () => {
      sendTable(held.length === 1 ? held[0] : new Table(held.flatMap((t) => t.batches)));
      held = [];
      heldRows = 0;
      tables++;
      credit--;
    };
    for await (const table of parquetRowGroups(buffer, { signal, onProgress, numbersAsText: true })) {
      held.push(table);
      heldRows += table.numRows;
      if (heldRows < rowsPerTable && rowsDone < rowsTotal) continue;
      sendHeld();
      // After the last row group 'done' follows at once.
      while (credit <= 0 && rowsDone < rowsTotal && !signal.aborted) await new Promise<void>((resolve) => (waiting = resolve));
    }
    if (held.length && !signal.aborted) sendHeld();
    // A file without row groups still names its columns: one empty table carries them.
    if (tables === 0 && !signal.aborted) sendTable(await parquetToArrow(buffer, { rowGroups: [], signal, numbersAsText: true }));
    if (!signal.aborted) send({ type: 'done', rowsTotal, bytesRead }, []);
  }

  return (message) => {
    switch (message?.type) {
      case 'read':
        if (started) return;
        started = true;
        if (!(message.file instanceof Blob)) {
          send({ type: 'error', message: 'no file to read: expected a Blob or File' }, []);
          return;
        }
        run(message.file, Math.max(1, Number(message.rowsPerTable) || ROWS_PER_TABLE)).catch((e: unknown) => {
          if (!controller.signal.aborted) send({ type: 'error', message: firstLine(e) }, []);
        });
        return;
      case 'next':
        credit++;
        wake();
        return;
      case 'abort':
        controller.abort();
        wake();
        return;
    }
  };
}
