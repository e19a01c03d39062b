/**
 * The Parquet worker of the production build (src/lib/own/parquet-worker.ts), started the way the
 * app starts it: a module worker from dist/assets, on a page with the app's Content-Security-Policy
 * and served with the worker's own (no 'unsafe-eval'). A zstd file written here by DuckDB in Node
 * is posted as a Blob; the worker must send one table per row group and a final 'done'.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openMemory } from '../../scripts/lib/duckdb-node';
import { ROOT, startHarness, type Harness } from './harness';

let h: Harness;
let page: Page;
let worker: string | undefined;
let fixture: number[];

interface Answer {
  tables: number[];
  ipcBytes: number;
  progress: [number, number][];
  end: unknown;
}

beforeAll(async () => {
  worker = readdirSync(join(ROOT, 'dist', 'assets')).find((f) => /^parquet-worker.*\.js$/.test(f));
  // 5,000 rows in three row groups (DuckDB cuts them at multiples of 2,048 rows: 2,048 + 2,048 + 904).
  const file = join(mkdtempSync(join(tmpdir(), 'herkomstkloof-worker-')), 'test.parquet');
  const conn = await openMemory();
  await conn.run('SET threads = 1');
  await conn.run(
    `COPY (SELECT i::INTEGER AS id, ((i % 1000) / 10)::DECIMAL(5, 1) AS amount, DATE '2020-01-01' + i::INTEGER AS day, 'row ' || i AS label
      FROM range(5000) t(i) ORDER BY i) TO '${file}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 2048)`,
  );
  conn.closeSync();
  fixture = [...readFileSync(file)];
  h = await startHarness();
  page = await h.open('/');
});
afterAll(async () => {
  await h?.close();
});

/** Start the built worker in the page, post `bytes` as a Blob, collect what it sends. */
function run(page: Page, bytes: number[], rowsPerTable?: number): Promise<Answer> {
  if (!worker) throw new Error('no parquet-worker-*.js in dist/assets');
  const url = `./assets/${worker}`;
  return page.evaluate(
    ({ url, bytes, rowsPerTable }) =>
      new Promise<Answer>((resolve) => {
        const w = new Worker(url, { type: 'module' });
        const answer: Answer = { tables: [], ipcBytes: 0, progress: [], end: null };
        const finish = (end: unknown) => {
          answer.end = end;
          w.terminate();
          resolve(answer);
        };
        w.onerror = (e) => finish({ type: 'worker error', message: e.message });
        w.onmessage = ({ data }) => {
          if (data.type === 'progress') answer.progress.push([data.rowsDone, data.rowsTotal]);
          else if (data.type === 'table') {
            answer.tables.push(data.rows);
            answer.ipcBytes += data.ipc instanceof Uint8Array ? data.ipc.byteLength : 0;
            w.postMessage({ type: 'next' });
          } else finish(data.type === 'done' ? { type: 'done', rowsTotal: data.rowsTotal } : data);
        };
        w.postMessage({ type: 'read', file: new Blob([new Uint8Array(bytes)]), ...(rowsPerTable ? { rowsPerTable } : {}) });
      }),
    { url, bytes, rowsPerTable },
  );
}

describe("the built Parquet worker, under the app's policy", () => {
  it('is bundled into dist/assets', () => {
    expect(worker, 'no parquet-worker-*.js in dist/assets: does the app import parquetIpcInWorker?').toBeDefined();
  });

  it('reads a zstd file: one table per row group when asked, then done with the row count', async () => {
    const answer = await run(page, fixture, 1);
    expect(answer.end).toEqual({ type: 'done', rowsTotal: 5000 });
    expect(answer.tables).toEqual([2048, 2048, 904]);
    expect(answer.ipcBytes).toBeGreaterThan(0);
    expect(answer.progress.at(-1)).toEqual([5000, 5000]);
  });

  it('sends small row groups together by default: one table of the 5,000 rows', async () => {
    const answer = await run(page, fixture);
    expect(answer.tables).toEqual([5000]);
    expect(answer.end).toEqual({ type: 'done', rowsTotal: 5000 });
  });

  it('answers a cut file with an error naming the problem', async () => {
    const answer = await run(page, fixture.slice(0, 100));
    expect(answer.tables).toEqual([]);
    expect(answer.end).toEqual({
      type: 'error',
      message: 'the file ends early: it starts as a Parquet file but does not end with one\'s footer ("PAR1"); it may be cut short',
    });
  });
});
