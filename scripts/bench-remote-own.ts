/**
 * npx tsx scripts/bench-remote-own.ts [--rows 10000000] [--latency MS] [--runs 3]
 *
 * What exploring a remote Parquet file by indicator costs (src/lib/own/remote.ts): the synthetic
 * extract (make it first: npx tsx scripts/make-synthetic-extract.ts --rows N) served over local
 * HTTP with Range, each answer delayed by --latency ms to stand for a network. Prints bytes,
 * requests and ms (median of --runs) for openRemoteParquet and for readRemoteIndicators of one
 * indicator, bytes as a share of the file.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openRemoteParquet, readRemoteIndicators } from '../src/lib/own/remote';

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const rows = argument('rows', 10_000_000);
const latency = argument('latency', 0);
const runs = argument('runs', 3);
const file = join(process.cwd(), 'bench-data', `observations-synthetic-${rows}.parquet`);
const body = readFileSync(file);

const server = createServer((req, res) => {
  const m = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
  setTimeout(() => {
    if (req.method === 'HEAD') {
      res.writeHead(200, { 'Content-Length': String(body.length) }).end();
    } else if (m) {
      const [start, end] = [Number(m[1]), Math.min(Number(m[2]), body.length - 1)];
      res.writeHead(206, { 'Content-Range': `bytes ${start}-${end}/${body.length}` }).end(body.subarray(start, end + 1));
    } else res.writeHead(200).end(body);
  }, latency);
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const share = (n: number) => `${((100 * n) / body.length).toFixed(2)} %`;

async function main(): Promise<void> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/observations.parquet`;
  const openMs: number[] = [];
  const readMs: number[] = [];
  let index = await openRemoteParquet(url);
  let read = await readRemoteIndicators(index, [index.indicators[20].value]);
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    index = await openRemoteParquet(url);
    openMs.push(performance.now() - t);
    t = performance.now();
    read = await readRemoteIndicators(index, [index.indicators[20].value]);
    readMs.push(performance.now() - t);
  }
  const indicatorChunks = index.metadata.row_groups.reduce((sum, g) => {
    const meta = g.columns.find((c) => c.meta_data?.path_in_schema[0] === index.indicatorColumn)?.meta_data;
    return sum + Number(meta?.total_compressed_size ?? 0);
  }, 0);
  const one = index.indicators[20];
  console.log(`${file}: ${body.length} bytes, ${index.rows} rows, ${index.rowGroups} row groups, ${index.indicators.length} indicators`);
  console.log(`latency ${latency} ms per request, median of ${runs} runs, Node ${process.version}`);
  console.log(
    `openRemoteParquet: ${index.bytesFetched} bytes (${share(index.bytesFetched)}), ${index.rangeRequests} requests + HEAD, ${median(openMs).toFixed(0)} ms` +
      ` (the indicator column in every row group would be ${indicatorChunks} bytes)`,
  );
  console.log(
    `readRemoteIndicators(${one.value}: ${one.rows} rows, row groups ${one.rowGroups.join(', ')}): ${read.table.numRows} rows, ` +
      `${read.bytesFetched} bytes (${share(read.bytesFetched)}), ${read.rangeRequests} requests, ${median(readMs).toFixed(0)} ms`,
  );
  server.close();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
