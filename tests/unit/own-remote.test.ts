/**
 * A researcher's remote Parquet file explored by indicator (src/lib/own/remote.ts), against files
 * DuckDB writes in Node and a local HTTP server that counts what it sends. Every expected value is
 * worked out by hand from the SQL that made the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Table } from 'apache-arrow';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openMemory } from '../../scripts/lib/duckdb-node';
import { findIndicatorColumn, openRemoteParquet, readRemoteIndicators, type RemoteParquetIndex } from '../../src/lib/own/remote';

const dir = mkdtempSync(join(tmpdir(), 'herkomstkloof-remote-'));
let conn: DuckDBConnection;
let files = 0;

async function parquet(select: string, options = 'COMPRESSION zstd, ROW_GROUP_SIZE 1000'): Promise<Buffer> {
  const file = join(dir, `f${files++}.parquet`);
  await conn.run(`COPY (${select}) TO '${file}' (FORMAT parquet, ${options})`);
  return readFileSync(file);
}

const values = (table: Table, name: string) => {
  const vector = table.getChild(name)!;
  return Array.from({ length: vector.length }, (_, i) => vector.get(i));
};

interface Served {
  body: Buffer | string;
  /** Answer Range with 206 (true) or with the whole body (false). */
  ranges?: boolean;
  /** false: HEAD is refused with 405; 'gzip': HEAD gives the length of a gzip-compressed body (here 123). */
  head?: boolean | 'gzip';
  type?: string;
}

interface Sent {
  method: string;
  path: string;
  range: string | undefined;
  status: number;
  bytes: number;
}

/** A static server over `routes` (path → what to serve; anything else 404), recording every answer. */
function serve(routes: Record<string, Served>): { server: Server; sent: Sent[]; base: () => string } {
  const sent: Sent[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '';
    const route = routes[path];
    const answer = (status: number, headers: Record<string, string>, body?: Buffer) => {
      sent.push({ method: req.method ?? '', path, range: req.headers.range, status, bytes: body?.length ?? 0 });
      res.writeHead(status, headers);
      res.end(body);
    };
    if (!route) return answer(404, { 'Content-Type': 'text/plain' }, Buffer.from('not found'));
    const body = Buffer.from(route.body);
    const type = route.type ?? 'application/vnd.apache.parquet';
    if (req.method === 'HEAD') {
      if (route.head === false) return answer(405, {});
      if (route.head === 'gzip') return answer(200, { 'Content-Length': '123', 'Content-Encoding': 'gzip', 'Content-Type': type });
      return answer(200, { 'Content-Length': String(body.length), 'Content-Type': type });
    }
    const m = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    if (route.ranges === false || !m) return answer(200, { 'Content-Type': type }, body);
    const start = Number(m[1]);
    const end = Math.min(m[2] ? Number(m[2]) : body.length - 1, body.length - 1);
    answer(206, { 'Content-Range': `bytes ${start}-${end}/${body.length}`, 'Content-Type': type }, body.subarray(start, end + 1));
  });
  const base = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, sent, base };
}

const listen = (server: Server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/*
 * 20 indicators ind_00 … ind_19, indicator k with 4000 + 100·k rows (99 000 in all), sorted by
 * indicator. Row j of an indicator: geo_<j % 300>, period 2000 + (j // 300) % 25, group
 * be/eu/non_eu by j % 3, value 1000·k + j/10. `pad` (32 hex characters) makes up most of the
 * file. DuckDB writes row groups of 2048 rows whatever ROW_GROUP_SIZE says below that: 49 groups,
 * the last of 696.
 */
const SORTED = `SELECT 'ind_' || lpad(k::VARCHAR, 2, '0') AS indicator,
    'geo_' || lpad((j % 300)::VARCHAR, 3, '0') AS geo,
    (2000 + (j // 300) % 25)::VARCHAR AS period,
    ['be', 'eu', 'non_eu'][1 + j % 3] AS "group",
    (k * 1000 + j / 10)::DOUBLE AS value,
    md5(k::VARCHAR || '-' || j::VARCHAR) AS pad
  FROM (SELECT k, unnest(range(4000 + 100 * k)) AS j FROM range(20) a(k)) ORDER BY k, j`;

/** Indicator k starts at row 4000·k + 100·k(k−1)/2. */
const firstRow = (k: number) => 4000 * k + (100 * k * (k - 1)) / 2;
const rowsOf = (k: number) => 4000 + 100 * k;
const groupsOf = (k: number) => {
  const groups: number[] = [];
  for (let g = Math.floor(firstRow(k) / 2048); g <= Math.floor((firstRow(k) + rowsOf(k) - 1) / 2048); g++) groups.push(g);
  return groups;
};
const name = (k: number) => `ind_${String(k).padStart(2, '0')}`;

let bytes: Buffer;
/** Filled in once the files are made; looked up at each request. */
const routes: Record<string, Served> = {};
const { server, sent, base } = serve(routes);

beforeAll(async () => {
  conn = await openMemory();
  bytes = await parquet(SORTED);
  Object.assign(routes, {
    '/ranged/observations.parquet': { body: bytes },
    '/whole/observations.parquet': { body: bytes, ranges: false },
    '/nohead/observations.parquet': { body: bytes, head: false },
    '/gzip/observations.parquet': { body: bytes, head: 'gzip' },
    '/cut/observations.parquet': { body: bytes.subarray(0, bytes.length >> 1) },
    '/page/observations.parquet': { body: '<!doctype html><html><body>Welcome</body></html>', type: 'text/html; charset=utf-8' },
  });
  await listen(server);
});
afterAll(async () => {
  await close(server);
  conn.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

const gets = (path: string) => sent.filter((s) => s.path === path && s.method === 'GET');
const sentBytes = (path: string) => gets(path).reduce((sum, s) => sum + s.bytes, 0);
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;

describe('the fixture', () => {
  it('is what the test expects: 49 row groups of 2048 rows, the last of 696', async () => {
    const rows = await conn.runAndReadAll(
      `SELECT row_group_num_rows AS n FROM parquet_metadata('${join(dir, 'f0.parquet')}') WHERE path_in_schema = 'indicator' ORDER BY row_group_id`,
    );
    const counts = rows.getRowObjectsJS().map((r) => Number(r.n));
    expect(counts).toHaveLength(49);
    expect(counts.slice(0, 48).every((n) => n === 2048)).toBe(true);
    expect(counts[48]).toBe(696);
  });
});

describe('a server that honours Range', () => {
  const path = '/ranged/observations.parquet';
  let index: RemoteParquetIndex;
  beforeAll(async () => {
    index = await openRemoteParquet(base() + path);
  });

  it('lists the indicators in file order, with their rows and row groups', () => {
    expect(index.indicatorColumn).toBe('indicator');
    expect(index.columns).toEqual(['indicator', 'geo', 'period', 'group', 'value', 'pad']);
    expect(index.rows).toBe(99000);
    expect(index.rowGroups).toBe(49);
    expect(index.byteLength).toBe(bytes.length);
    expect(index.indicators).toHaveLength(20);
    expect(index.indicators[0]).toEqual({ value: 'ind_00', rows: 4000, rowGroups: [0, 1] });
    expect(index.indicators[7]).toEqual({ value: 'ind_07', rows: 4700, rowGroups: [14, 15, 16] });
    expect(index.indicators[19]).toEqual({ value: 'ind_19', rows: 5900, rowGroups: [45, 46, 47, 48] });
    expect(index.indicators).toEqual(Array.from({ length: 20 }, (_, k) => ({ value: name(k), rows: rowsOf(k), rowGroups: groupsOf(k) })));
  });

  it('fetches the footer and the indicator column of the row groups two indicators share, no more', () => {
    // No indicator starts on a row group's first row, so each of the 19 boundaries splits a row
    // group of its own: 19 row groups read; the others hold one indicator by their statistics.
    // Requests: the first 4 bytes, the file's last 64 KiB (the footer), 19 indicator chunks.
    expect(gets(path)).toHaveLength(21);
    expect(index.rangeRequests).toBe(21);
    expect(gets(path).every((s) => s.status === 206)).toBe(true);
    expect(index.rangesHonoured).toBe(true);
    expect(index.bytesFetched).toBe(sentBytes(path));
    console.log(`open: ${index.bytesFetched} of ${bytes.length} bytes (${percent(index.bytesFetched, bytes.length)}), 21 requests`);
    expect(index.bytesFetched / bytes.length).toBeLessThan(0.1);
    expect(index.body).toBeNull();
  });

  it('reads exactly the rows of one indicator, from its row groups only', async () => {
    const before = sentBytes(path);
    const requests = gets(path).length;
    const progress: [number, number][] = [];
    const read = await readRemoteIndicators(index, ['ind_07'], { onProgress: (done, total) => progress.push([done, total]) });
    const { table } = read;
    expect(table.schema.fields.map((f) => f.name)).toEqual(['indicator', 'geo', 'period', 'group', 'value', 'pad']);
    expect(table.numRows).toBe(4700);
    expect(new Set(values(table, 'indicator'))).toEqual(new Set(['ind_07']));
    expect(values(table, 'geo').slice(0, 2)).toEqual(['geo_000', 'geo_001']);
    expect(values(table, 'period')[0]).toBe('2000');
    expect(values(table, 'group').slice(0, 3)).toEqual(['be', 'eu', 'non_eu']);
    // A user's numbers come as text, as JavaScript writes the stored double.
    expect(values(table, 'value')[0]).toBe('7000');
    // Its last row, j = 4699: 4699 % 300 = 199, 4699 // 300 = 15, 4699 % 3 = 1.
    expect(values(table, 'geo')[4699]).toBe('geo_199');
    expect(values(table, 'period')[4699]).toBe('2015');
    expect(values(table, 'group')[4699]).toBe('eu');
    expect(values(table, 'value')[4699]).toBe('7469.9');
    expect(values(table, 'value')).toEqual(Array.from({ length: 4700 }, (_, j) => String(7000 + j / 10)));
    expect(values(table, 'geo')).toEqual(Array.from({ length: 4700 }, (_, j) => `geo_${String(j % 300).padStart(3, '0')}`));
    // Row groups 14, 15 and 16, whole, then only ind_07's rows kept.
    expect(progress).toEqual([
      [0, 6144],
      [2048, 6144],
      [4096, 6144],
      [6144, 6144],
    ]);

    expect(read.bytesFetched).toBe(sentBytes(path) - before);
    expect(read.rangeRequests).toBe(gets(path).length - requests);
    const fraction = read.bytesFetched / bytes.length;
    console.log(
      `one indicator: ${read.bytesFetched} of ${bytes.length} bytes (${percent(read.bytesFetched, bytes.length)}), ${read.rangeRequests} requests`,
    );
    // 3 row groups of 49 (6 %), all columns.
    expect(fraction).toBeLessThan(0.2);
    expect(fraction).toBeGreaterThan(0.03);
  });

  it('reads several indicators at once, in file order', async () => {
    const { table } = await readRemoteIndicators(index, ['ind_19', 'ind_00']);
    expect(table.numRows).toBe(4000 + 5900);
    const ids = values(table, 'indicator');
    expect(ids.slice(0, 4000).every((v) => v === 'ind_00')).toBe(true);
    expect(ids.slice(4000).every((v) => v === 'ind_19')).toBe(true);
    expect(values(table, 'value')[3999]).toBe('399.9');
    expect(values(table, 'value')[4000]).toBe('19000');
    expect(values(table, 'value')[9899]).toBe('19589.9');
  });

  it('reads nothing for no indicators, and names one the file does not have', async () => {
    const none = await readRemoteIndicators(index, []);
    expect(none.table.numRows).toBe(0);
    expect(none.bytesFetched).toBe(0);
    await expect(readRemoteIndicators(index, ['ind_07', 'ind_99'])).rejects.toThrow(
      'observations.parquet: the file has no indicator "ind_99"',
    );
  });
});

describe('a server that ignores Range', () => {
  const path = '/whole/observations.parquet';

  it('still works: the whole file is received once, reported, and later reads fetch nothing', async () => {
    const index = await openRemoteParquet(base() + path);
    expect(index.rangesHonoured).toBe(false);
    expect(index.bytesFetched).toBe(bytes.length);
    expect(index.rangeRequests).toBe(1);
    expect(gets(path)).toHaveLength(1);
    expect(gets(path)[0].status).toBe(200);
    expect(index.indicators[7]).toEqual({ value: 'ind_07', rows: 4700, rowGroups: [14, 15, 16] });
    expect(index.indicators.map((i) => i.rows).reduce((a, b) => a + b)).toBe(99000);

    const read = await readRemoteIndicators(index, ['ind_07']);
    expect(read.bytesFetched).toBe(0);
    expect(read.rangeRequests).toBe(0);
    expect(gets(path)).toHaveLength(1);
    expect(read.table.numRows).toBe(4700);
    expect(values(read.table, 'value')[4699]).toBe('7469.9');
  });
});

describe('a server that refuses HEAD', () => {
  it('finds the size from a one-byte range request instead', async () => {
    const path = '/nohead/observations.parquet';
    const index = await openRemoteParquet(base() + path);
    expect(index.byteLength).toBe(bytes.length);
    expect(index.rangesHonoured).toBe(true);
    expect(gets(path)[0].range).toBe('bytes=0-0');
    expect(index.rangeRequests).toBe(22);
    expect(index.bytesFetched).toBe(sentBytes(path));
    expect(index.indicators[19]).toEqual({ value: 'ind_19', rows: 5900, rowGroups: [45, 46, 47, 48] });
  });
});

describe('a server whose HEAD gives a compressed length', () => {
  it('finds the file’s own size from a one-byte range request', async () => {
    const path = '/gzip/observations.parquet';
    const index = await openRemoteParquet(base() + path);
    expect(index.byteLength).toBe(bytes.length);
    expect(gets(path)[0].range).toBe('bytes=0-0');
    expect(index.indicators[7]).toEqual({ value: 'ind_07', rows: 4700, rowGroups: [14, 15, 16] });
  });
});

describe('what cannot be read is named with the file', () => {
  it('a file the server does not have', async () => {
    await expect(openRemoteParquet(`${base()}/missing/observations.parquet`)).rejects.toThrow(
      'observations.parquet: not found on the server (HTTP 404)',
    );
  });

  it('a web page where the file should be', async () => {
    await expect(openRemoteParquet(`${base()}/page/observations.parquet`)).rejects.toThrow(
      'observations.parquet: not a Parquet file: it does not start with "PAR1" (the server sent a web page)',
    );
  });

  it('a file cut short', async () => {
    await expect(openRemoteParquet(`${base()}/cut/observations.parquet`)).rejects.toThrow(/^observations\.parquet: the file ends early/);
  });

  it('an abort is passed on as it is', async () => {
    const abort = new AbortController();
    abort.abort();
    await expect(openRemoteParquet(`${base()}/ranged/observations.parquet`, { signal: abort.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('a server that is not there', async () => {
    const gone = createServer();
    await listen(gone);
    const url = `http://127.0.0.1:${(gone.address() as AddressInfo).port}/data/observations.parquet`;
    await close(gone);
    await expect(openRemoteParquet(url)).rejects.toThrow(/^observations\.parquet: could not be reached/);
  });
});

describe('other files', () => {
  const at = (path: string, body: Buffer) => {
    routes[path] = { body };
    return base() + path;
  };

  it('finds the indicator column by its name, whatever its case', () => {
    expect(findIndicatorColumn(['geo', 'KENMERK', 'waarde'])).toBe('KENMERK');
    expect(findIndicatorColumn(['Indicator name', 'Indicator code'])).toBe('Indicator code');
    expect(findIndicatorColumn(['indicator', 'Indicator_ID'])).toBe('Indicator_ID');
    expect(findIndicatorColumn(['geo', 'value'])).toBeNull();
  });

  it('a file without an indicator column: its footer only', async () => {
    const url = at('/x/plain.parquet', await parquet(`SELECT i AS n, i * 2 AS twice FROM range(5000) t(i)`));
    const index = await openRemoteParquet(url);
    expect(index.indicatorColumn).toBeNull();
    expect(index.indicators).toEqual([]);
    expect(index.columns).toEqual(['n', 'twice']);
    expect(index.rows).toBe(5000);
    expect(gets('/x/plain.parquet')).toHaveLength(1); // the file is smaller than 64 KiB: one request for all of it
    await expect(readRemoteIndicators(index, ['x'])).rejects.toThrow(
      'plain.parquet: the file has no indicator column, so it cannot be read by indicator',
    );
  });

  it('a footer longer than the 64 KiB first asked for: the rest of it fetched, no byte twice', async () => {
    // 400 columns in 3 row groups: 1200 column chunks described in the footer. One indicator only.
    const columns = Array.from({ length: 400 }, (_, c) => `i + ${c} AS c${c}`).join(', ');
    const body = await parquet(`SELECT 'only' AS indicator, ${columns} FROM range(6000) t(i)`);
    const footerLength = body.readUInt32LE(body.length - 8);
    expect(footerLength).toBeGreaterThan(64 * 1024);
    const index = await openRemoteParquet(at('/x/wide.parquet', body));
    expect(index.indicators).toEqual([{ value: 'only', rows: 6000, rowGroups: [0, 1, 2] }]);
    expect(index.columns).toHaveLength(401);
    // "PAR1" at the start, then the footer and the 8 bytes after it: nothing else, nothing twice.
    expect(index.bytesFetched).toBe(4 + footerLength + 8);
    expect(index.bytesFetched).toBe(sentBytes('/x/wide.parquet'));
    expect(index.rangeRequests).toBe(3);
  });

  it('a file not sorted by indicator: every row group is read, and the rows are still right', async () => {
    // Rows 0–5999 in row groups of 2048, 2048 and 1904; b_ind, a_ind, c_ind in turn (i % 3).
    const url = at(
      '/x/mixed.parquet',
      await parquet(`SELECT ['b_ind', 'a_ind', 'c_ind'][1 + i % 3] AS Indicator_Code, i::INTEGER AS i FROM range(6000) t(i) ORDER BY i`),
    );
    const index = await openRemoteParquet(url);
    expect(index.indicatorColumn).toBe('Indicator_Code');
    expect(index.indicators).toEqual([
      { value: 'b_ind', rows: 2000, rowGroups: [0, 1, 2] },
      { value: 'a_ind', rows: 2000, rowGroups: [0, 1, 2] },
      { value: 'c_ind', rows: 2000, rowGroups: [0, 1, 2] },
    ]);
    const { table } = await readRemoteIndicators(index, ['c_ind']);
    expect(table.numRows).toBe(2000);
    expect(values(table, 'i').slice(0, 3)).toEqual(['2', '5', '8']);
    expect(values(table, 'i')[1999]).toBe('5999');
  });

  it('a numeric indicator column, with empty indicators left out', async () => {
    // indicator 10 for rows 0–2999, 20 for 3000–4999 but every 1000th row (3000, 4000) empty.
    const url = at(
      '/x/numbers.parquet',
      await parquet(
        `SELECT CASE WHEN i < 3000 THEN 10 WHEN i % 1000 = 0 THEN NULL ELSE 20 END::INTEGER AS indicator_id, i::INTEGER AS i FROM range(5000) t(i) ORDER BY i`,
      ),
    );
    const index = await openRemoteParquet(url);
    expect(index.indicators).toEqual([
      { value: '10', rows: 3000, rowGroups: [0, 1] },
      { value: '20', rows: 1998, rowGroups: [1, 2] },
    ]);
    const { table } = await readRemoteIndicators(index, ['20']);
    expect(table.numRows).toBe(1998);
    expect(values(table, 'i').slice(0, 2)).toEqual(['3001', '3002']);
  });
});
