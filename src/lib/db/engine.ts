/**
 * DuckDB-WASM in its Web Worker, every file served from this origin, no extension ever fetched.
 * Only the `eh` bundle is shipped: every browser we target has WebAssembly exceptions.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Table } from 'apache-arrow';
import type { Query } from '../queries/sql';
import { FileFault } from './fault';
import { createLanes, type Lane } from './lanes';

/** How long DuckDB may take to start (worker, wasm, open) before the app says it failed. */
export const ENGINE_TIMEOUT_S = 20;

/** A result as columns of text (every value cast to VARCHAR by the query), for files read by DuckDB. */
export interface TextColumns {
  names: string[];
  columns: (string | null)[][];
}

export interface Engine {
  query<T = Record<string, unknown>>(q: Query, lane?: Lane): Promise<T[]>;
  /** A one-off statement (a user's file staged, a table dropped): run once, never kept prepared. */
  execute(q: Query): Promise<void>;
  /** A one-off result as text columns (a staged file's cells), never kept prepared. */
  queryColumns(q: Query): Promise<TextColumns>;
  /** Create the table from Arrow, or add the rows to it (`append`). */
  insertTable(name: string, table: Table, options?: { append?: boolean }): Promise<void>;
  /** The same from an Arrow IPC stream as a worker made it: handed on to DuckDB as it is, never decoded on the page. */
  insertIpc(name: string, ipc: Uint8Array, options?: { append?: boolean }): Promise<void>;
  /** A file in DuckDB's own file system, for its readers (read_csv): the bytes are handed over, not shared. */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  /** A file DuckDB reads itself, piece by piece, from its worker (a user's CSV): nothing is copied first. */
  registerBlob(name: string, blob: Blob): Promise<void>;
  dropFile(name: string): Promise<void>;
}

const fileName = (url: string) => decodeURIComponent(new URL(url, location.href).pathname.split('/').pop() ?? url);

/**
 * Check a file the engine needs before handing it to DuckDB, so a missing file or a wrong MIME
 * type is reported at once, naming the file, instead of as an opaque failure much later.
 */
async function checkFile(url: string, types: string[]): Promise<void> {
  const name = fileName(url);
  let res: Response;
  try {
    // The browser's cache may answer (the file's name holds a hash of its content). A HEAD sent to
    // the network with `no-cache` made Chromium drop its stored copy of the 6 MB wasm, so every
    // visit downloaded it again (measured with npm run bench).
    res = await fetch(url, { method: 'HEAD' });
  } catch (e) {
    throw new FileFault(name, 'network', '', `${name}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!res.ok) throw new FileFault(name, 'http', String(res.status));
  const served = (res.headers.get('content-type') ?? '').split(';')[0].trim();
  if (!types.includes(served))
    throw new FileFault(name, 'type', served || 'no type', `${name}: served as "${served || 'no type'}" instead of ${types[0]}`);
}

export async function startEngine(): Promise<Engine> {
  // A file that never arrives (a stalled download, a host that holds the request) or a worker that
  // never answers must not hang the app: the whole start, checks included, has a time limit.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new FileFault(`${fileName(workerUrl)} / ${fileName(wasmUrl)}`, 'timeout', String(ENGINE_TIMEOUT_S))),
      ENGINE_TIMEOUT_S * 1000,
    );
  });
  timedOut.catch(() => undefined);
  let worker: Worker | null = null;
  // The checks run beside the start, not before it: waiting for them held the wasm download back
  // by the page's first render (about 0.5 s, measured with scripts/bench.ts). When the start fails,
  // a check's fault names the file and the reason better than DuckDB's own error.
  const checks: Promise<FileFault | null> = Promise.all([
    checkFile(workerUrl, ['text/javascript', 'application/javascript']),
    checkFile(wasmUrl, ['application/wasm']),
  ]).then(
    () => null,
    (e: FileFault) => e,
  );
  const started = (async () => {
    const w = new Worker(workerUrl);
    worker = w;
    const workerFailed = new Promise<never>((_, reject) =>
      w.addEventListener('error', (e) =>
        reject(new FileFault(fileName(workerUrl), 'corrupt', '', `${fileName(workerUrl)}: ${e.message || 'the worker could not start'}`)),
      ),
    );
    workerFailed.catch(() => undefined); // a worker error after a good start is not an unhandled rejection
    const opened = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), w);
    await Promise.race([opened.instantiate(wasmUrl), workerFailed]);
    await Promise.race([
      opened.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true }, allowUnsignedExtensions: false }),
      workerFailed,
    ]);
    return opened;
  })();
  const never = new Promise<never>(() => undefined);
  let db: duckdb.AsyncDuckDB;
  try {
    db = await Promise.race([
      // Either way the start ends, the checks have the last word: their fault is the clearer one.
      started.then(
        async (opened) => {
          const fault = await checks;
          if (fault) throw fault;
          return opened;
        },
        async (e: unknown) => {
          throw (await checks) ?? e;
        },
      ),
      // A check that fails does not wait for the wasm to compile.
      checks.then((fault) => (fault ? Promise.reject(fault) : never)),
      timedOut,
    ]);
  } catch (e) {
    (worker as Worker | null)?.terminate();
    if (e instanceof FileFault) throw e;
    // DuckDB's own failure to compile or start its wasm: name the file.
    throw new FileFault(fileName(wasmUrl), 'corrupt', '', `${fileName(wasmUrl)}: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    clearTimeout(timer);
  }
  const conn = await db.connect();
  await conn.query(`SET autoinstall_known_extensions = false`);
  await conn.query(`SET autoload_known_extensions = false`);

  // `now` for what a user waits for; `later` for prefetching, which never holds a `now` query back.
  const enqueue = createLanes();

  // Prepared statements are kept by their SQL: the builders give one text per shape of choice, and
  // preparing and closing cost two of a query's four trips to the worker (about 15 of 60 ms a click).
  const statements = new Map<string, duckdb.AsyncPreparedStatement>();
  const KEPT_STATEMENTS = 64;
  async function statementFor(sql: string): Promise<duckdb.AsyncPreparedStatement> {
    const kept = statements.get(sql);
    if (kept) {
      statements.delete(sql); // re-inserted below: the map's order is the order of last use
      statements.set(sql, kept);
      return kept;
    }
    const stmt = await conn.prepare(sql);
    statements.set(sql, stmt);
    if (statements.size > KEPT_STATEMENTS) {
      const [oldest, old] = statements.entries().next().value!;
      statements.delete(oldest);
      await old.close();
    }
    return stmt;
  }
  async function run<T>(q: Query): Promise<T[]> {
    const stmt = await statementFor(q.sql);
    const result = await stmt.query(...q.params);
    return result.toArray().map((row) => row.toJSON() as T);
  }

  // A kept statement would keep what it read open: DuckDB could not drop a registered file
  // ("file is in use") nor forget a staging table's shape. One-off statements are closed at once.
  async function once<T>(q: Query, use: (result: Table) => T): Promise<T> {
    const stmt = await conn.prepare(q.sql);
    try {
      return use(await stmt.query(...q.params));
    } finally {
      await stmt.close();
    }
  }

  function textColumns(result: Table): TextColumns {
    const names = result.schema.fields.map((f) => f.name);
    const columns = names.map((_, i) => {
      const vector = result.getChildAt(i);
      return vector ? (Array.from(vector.toArray() as ArrayLike<string | null>) as (string | null)[]) : [];
    });
    return { names, columns };
  }

  return {
    query: <T>(q: Query, lane: Lane = 'now') => enqueue(() => run<T>(q), lane),
    execute: (q: Query) => enqueue(() => once(q, () => undefined)),
    queryColumns: (q: Query) => enqueue(() => once(q, textColumns)),
    insertTable: (name, table, { append = false } = {}) => enqueue(() => conn.insertArrowTable(table, { name, create: !append })),
    insertIpc: (name, ipc, { append = false } = {}) => enqueue(() => conn.insertArrowFromIPCStream(ipc, { name, create: !append })),
    registerFile: (name, bytes) => enqueue(() => db.registerFileBuffer(name, bytes)),
    registerBlob: (name, blob) => enqueue(() => db.registerFileHandle(name, blob, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true)),
    dropFile: (name) => enqueue(async () => void (await db.dropFile(name))),
  };
}
