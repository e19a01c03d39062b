/**
 * A dropped Parquet file read row group by row group (parquetIpcInWorker). Node has no Worker,
 * so this runs the fallback: the same loop and messages as the worker, on this thread, through
 * Arrow IPC. Fixtures are written here by DuckDB in Node; expectations are written by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';
import { openMemory } from '../../scripts/lib/duckdb-node';
import { parquetIpcInWorker } from '../../src/lib/own/parquet-in-worker';
import { serveParquetStream, type FromParquetStream } from '../../src/lib/own/parquet-stream';

/** 5,000 rows; DuckDB cuts row groups at multiples of 2,048 rows: 2,048 + 2,048 + 904. */
const ROWS = `SELECT i::INTEGER AS id,
    ((i % 1000) / 10)::DECIMAL(5, 1) AS amount,
    DATE '2020-01-01' + i::INTEGER AS day,
    CASE WHEN i = 7 THEN NULL ELSE 'row ' || i END AS label
  FROM range(5000) t(i) ORDER BY i`;

/** The file's bytes, and its row groups as DuckDB's own reader counts them. */
async function writeParquet(select: string, options: string): Promise<{ bytes: Uint8Array<ArrayBuffer>; groups: number[] }> {
  const file = join(mkdtempSync(join(tmpdir(), 'herkomstkloof-stream-')), 'test.parquet').replace(/'/g, "''");
  const conn = await openMemory();
  await conn.run('SET threads = 1');
  await conn.run(`COPY (${select}) TO '${file}' (FORMAT parquet, ${options})`);
  const meta = await conn.runAndReadAll(
    `SELECT row_group_id, any_value(row_group_num_rows)::INTEGER AS n FROM parquet_metadata('${file}') GROUP BY 1 ORDER BY 1`,
  );
  const groups = (meta.getRowObjectsJS() as { n: number }[]).map((r) => r.n);
  conn.closeSync();
  return { bytes: new Uint8Array(readFileSync(file)), groups };
}

/** Every table, one per row group unless `rowsPerTable` is given. */
async function readAll(blob: Blob, options: Parameters<typeof parquetIpcInWorker>[1] = {}): Promise<Table[]> {
  const tables: Table[] = [];
  for await (const ipc of parquetIpcInWorker(blob, { rowsPerTable: 1, ...options })) tables.push(tableFromIPC(ipc));
  return tables;
}

const values = (tables: Table[], name: string) =>
  tables.flatMap((t) => {
    const v = t.getChild(name)!;
    return Array.from({ length: v.length }, (_, i) => v.get(i));
  });

const nextTick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('parquetTablesInWorker (fallback on this thread)', () => {
  let zstd: { bytes: Uint8Array<ArrayBuffer>; groups: number[] };
  let snappy: { bytes: Uint8Array<ArrayBuffer>; groups: number[] };
  beforeAll(async () => {
    zstd = await writeParquet(ROWS, 'COMPRESSION zstd, ROW_GROUP_SIZE 2048');
    snappy = await writeParquet(ROWS, 'COMPRESSION snappy, ROW_GROUP_SIZE 2048');
  });

  it('the fixtures have three row groups (DuckDB says so)', () => {
    expect(zstd.groups).toEqual([2048, 2048, 904]);
    expect(snappy.groups).toEqual([2048, 2048, 904]);
  });

  it('yields one table per row group, with its columns, every one as text (a user’s file is read as a CSV’s cells are)', async () => {
    const tables = await readAll(new Blob([zstd.bytes]));
    expect(tables.map((t) => t.numRows)).toEqual([2048, 2048, 904]);
    expect(tables[0].schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['id:Utf8', 'amount:Utf8', 'day:Utf8', 'label:Utf8']);
  });

  it('keeps the rows in file order', async () => {
    const tables = await readAll(new Blob([zstd.bytes]));
    expect(values(tables, 'id')).toEqual(Array.from({ length: 5000 }, (_, i) => String(i)));
    expect(tables.map((t) => t.getChild('label')!.get(0))).toEqual(['row 0', 'row 2048', 'row 4096']);
    expect(values(tables, 'label').slice(5, 9)).toEqual(['row 5', 'row 6', null, 'row 8']);
    expect(values(tables, 'label')[4999]).toBe('row 4999');
  });

  it('writes a DECIMAL(5,1) exactly, with its one decimal: 12.5 stays 12.5, 0 is 0.0', async () => {
    const amounts = values(await readAll(new Blob([zstd.bytes])), 'amount');
    expect(amounts[125]).toBe('12.5');
    expect(amounts[0]).toBe('0.0');
    expect(amounts[999]).toBe('99.9');
    expect(amounts[3125]).toBe('12.5');
  });

  it('reads dates as ISO date text', async () => {
    const days = values(await readAll(new Blob([zstd.bytes])), 'day');
    expect(days[0]).toBe('2020-01-01');
    expect(days[60]).toBe('2020-03-01'); // 2020 is a leap year: 31 + 29 days
    expect(days[2048]).toBe('2025-08-10');
  });

  it('reads a snappy file the same way', async () => {
    const tables = await readAll(new Blob([snappy.bytes]));
    expect(tables.map((t) => t.numRows)).toEqual([2048, 2048, 904]);
    const amounts = values(tables, 'amount');
    expect([amounts[125], values(tables, 'day')[31], values(tables, 'label')[4999]]).toEqual(['12.5', '2020-02-01', 'row 4999']);
  });

  it('sends row groups together until they hold the rows asked for, in file order (a million-row file: a few inserts, not one per row group)', async () => {
    const grouped = async (rowsPerTable?: number) => {
      const tables = await readAll(new Blob([zstd.bytes]), { rowsPerTable });
      expect(values(tables, 'id'), String(rowsPerTable)).toEqual(Array.from({ length: 5000 }, (_, i) => String(i)));
      return tables.map((t) => t.numRows);
    };
    expect(await grouped(3000)).toEqual([4096, 904]);
    expect(await grouped(4096)).toEqual([4096, 904]);
    expect(await grouped(4097)).toEqual([5000]);
    // The default (ROWS_PER_TABLE, 300,000 rows) holds this whole file.
    const all: Table[] = [];
    for await (const ipc of parquetIpcInWorker(new Blob([zstd.bytes]))) all.push(tableFromIPC(ipc));
    expect(all.map((t) => t.numRows)).toEqual([5000]);
  });

  it('reports progress before the first row group and after each, ending at (total, total)', async () => {
    const progress: [number, number][] = [];
    await readAll(new Blob([zstd.bytes]), { onProgress: (done, total) => progress.push([done, total]) });
    expect(progress).toEqual([
      [0, 5000],
      [2048, 5000],
      [4096, 5000],
      [5000, 5000],
    ]);
  });

  it('stops on abort with an AbortError, and reads no further', async () => {
    const controller = new AbortController();
    const progress: number[] = [];
    const read = parquetIpcInWorker(new Blob([zstd.bytes]), {
      signal: controller.signal,
      onProgress: (done) => progress.push(done),
      rowsPerTable: 1,
    });
    const first = await read.next();
    expect(first.done).toBe(false);
    controller.abort();
    await expect(read.next()).rejects.toMatchObject({ name: 'AbortError' });
    const seen = progress.length;
    for (let i = 0; i < 5; i++) await nextTick();
    expect(progress.length).toBe(seen);
    expect(await read.next()).toEqual({ done: true, value: undefined });
  });

  it('does not start when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(readAll(new Blob([zstd.bytes]), { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reads a file without rows as one empty table with its columns', async () => {
    const empty = await writeParquet(`SELECT 12.5::DECIMAL(5, 1) AS amount, 'x' AS label WHERE false`, 'COMPRESSION snappy');
    expect(empty.groups).toEqual([]);
    const tables = await readAll(new Blob([empty.bytes]));
    expect(tables.map((t) => t.numRows)).toEqual([0]);
    expect(tables[0].schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['amount:Utf8', 'label:Utf8']);
  });

  it('refuses a file cut short (its first 100 bytes), saying so', async () => {
    await expect(readAll(new Blob([zstd.bytes.slice(0, 100)]))).rejects.toThrow(
      'the file ends early: it starts as a Parquet file but does not end with one\'s footer ("PAR1"); it may be cut short',
    );
  });

  it('refuses an empty file, saying it is empty', async () => {
    await expect(readAll(new Blob([]))).rejects.toThrow('the file is empty (0 bytes): not a Parquet file');
  });

  it('refuses a file that is not Parquet', async () => {
    await expect(readAll(new Blob(['year,value\n2020,1.5\n']))).rejects.toThrow('not a Parquet file: it does not start with "PAR1"');
  });
});

describe('the loop the worker runs (serveParquetStream)', () => {
  let bytes: Uint8Array<ArrayBuffer>;
  beforeAll(async () => {
    ({ bytes } = await writeParquet(ROWS, 'COMPRESSION zstd, ROW_GROUP_SIZE 2048'));
  });

  const settle = async () => {
    for (let i = 0; i < 50; i++) await nextTick();
  };

  it('decodes at most two row groups ahead of the page, then one more per table taken', async () => {
    const sent: FromParquetStream[] = [];
    const receive = serveParquetStream((m) => sent.push(m));
    receive({ type: 'read', file: new Blob([bytes]), rowsPerTable: 1 });
    await settle();
    expect(sent.filter((m) => m.type === 'table').length).toBe(2);
    receive({ type: 'next' });
    await settle();
    expect(sent.map((m) => m.type)).toEqual(['progress', 'progress', 'table', 'progress', 'table', 'progress', 'table', 'done']);
    expect(sent.at(-1)).toEqual({ type: 'done', rowsTotal: 5000, bytesRead: expect.any(Number) });
  });

  it('sends nothing more after abort', async () => {
    const sent: FromParquetStream[] = [];
    const receive = serveParquetStream((m) => sent.push(m));
    receive({ type: 'read', file: new Blob([bytes]), rowsPerTable: 1 });
    await settle();
    receive({ type: 'abort' });
    const seen = sent.length;
    receive({ type: 'next' });
    await settle();
    expect(sent.length).toBe(seen);
    expect(sent.some((m) => m.type === 'done' || m.type === 'error')).toBe(false);
  });

  it('answers a message without a file with an error', async () => {
    const sent: FromParquetStream[] = [];
    serveParquetStream((m) => sent.push(m))({ type: 'read', file: 'not a blob' as unknown as Blob });
    expect(sent).toEqual([{ type: 'error', message: 'no file to read: expected a Blob or File' }]);
  });

  it('sends the first line of an error only', async () => {
    const sent: FromParquetStream[] = [];
    serveParquetStream((m) => sent.push(m))({ type: 'read', file: new Blob([]) });
    await settle();
    expect(sent).toEqual([{ type: 'error', message: 'the file is empty (0 bytes): not a Parquet file' }]);
  });
});
