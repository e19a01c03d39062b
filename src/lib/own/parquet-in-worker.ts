/**
 * A dropped Parquet file as Arrow IPC streams, a few row groups each, decoded in a dedicated worker
 * so the page stays responsive and the file is never read into memory whole; the page hands each
 * to DuckDB without decoding it. Where there is no Worker (Node, unit tests) the same loop runs on
 * this thread (parquet-stream.ts).
 */
import type { FromParquetStream, ToParquetStream } from './parquet-stream';

export interface ParquetInWorkerOptions {
  signal?: AbortSignal;
  /** Called before the first row group and after each one. */
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
  /** Row groups go together until they hold this many rows (parquet-stream.ts: ROWS_PER_TABLE). */
  rowsPerTable?: number;
}

interface Channel {
  post(message: ToParquetStream): void;
  close(): void;
}

const startWorker = () => new Worker(new URL('./parquet-worker.ts', import.meta.url), { type: 'module' });

/** A worker started before any file came (its modules loaded), for the next file; `failed` if it could not start. */
let spare: { worker: Worker; failed: boolean } | null = null;

/**
 * Start a worker now, while the user looks for a file, so a dropped Parquet file does not wait for
 * the worker to start and load its decoders (about 0.1 s of a million-row file's read).
 */
export function prestartParquetWorker(): void {
  if (typeof Worker === 'undefined' || spare) return;
  const started = { worker: startWorker(), failed: false };
  // An error before a file comes would reach no one: the file then gets a worker of its own.
  started.worker.addEventListener('error', () => (started.failed = true), { once: true });
  spare = started;
}

function openWorker(receive: (message: FromParquetStream) => void): Channel {
  const taken = spare;
  spare = null;
  if (taken?.failed) taken.worker.terminate();
  const worker = taken && !taken.failed ? taken.worker : startWorker();
  worker.addEventListener('message', (event: MessageEvent<FromParquetStream>) => receive(event.data));
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    receive({ type: 'error', message: `the Parquet reader could not start${event.message ? ` (${event.message})` : ''}` });
  });
  worker.addEventListener('messageerror', () =>
    receive({ type: 'error', message: 'the Parquet reader sent a message that could not be read' }),
  );
  return { post: (message) => worker.postMessage(message), close: () => worker.terminate() };
}

/** The same conversation on this thread; messages are delivered later, as a worker's would be. */
async function openInThread(receive: (message: FromParquetStream) => void): Promise<Channel> {
  const { serveParquetStream } = await import('./parquet-stream');
  let open = true;
  const handle = serveParquetStream((message) => queueMicrotask(() => open && receive(message)));
  return {
    post: (message) => queueMicrotask(() => handle(message)),
    close: () => {
      open = false;
      handle({ type: 'abort' });
    },
  };
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The Parquet read was aborted', 'AbortError');
}

/**
 * One Arrow IPC stream per row group or run of row groups (rowsPerTable), in file order (a file
 * without rows: one empty table with its columns), as the worker wrote it: DuckDB takes it as it
 * is. The worker ends when the tables do, when the caller stops asking, on abort (throws the
 * signal's reason, an AbortError) or on an error (throws an Error with the reader's message).
 */
export async function* parquetIpcInWorker(file: Blob, options: ParquetInWorkerOptions = {}): AsyncGenerator<Uint8Array> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw abortError(signal);
  const queue: FromParquetStream[] = [];
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const receive = (message: FromParquetStream) => {
    queue.push(message);
    notify();
  };
  signal?.addEventListener('abort', notify);
  const channel = typeof Worker === 'undefined' ? await openInThread(receive) : openWorker(receive);
  try {
    channel.post({ type: 'read', file, ...(options.rowsPerTable ? { rowsPerTable: options.rowsPerTable } : {}) });
    for (;;) {
      while (queue.length === 0 && !signal?.aborted) await new Promise<void>((resolve) => (wake = resolve));
      if (signal?.aborted) throw abortError(signal);
      const message = queue.shift()!;
      switch (message.type) {
        case 'progress':
          onProgress?.(message.rowsDone, message.rowsTotal);
          break;
        case 'table':
          channel.post({ type: 'next' });
          yield message.ipc;
          break;
        case 'done':
          return;
        case 'error':
          throw new Error(message.message);
      }
    }
  } finally {
    signal?.removeEventListener('abort', notify);
    channel.close();
  }
}
