/**
 * npx tsx scripts/bench-parquet.ts [--runs 3] [--sizes 100000,1000000,10000000]
 *
 * Parquet → Arrow in Node, ways compared in one run on the synthetic observations files
 * (scripts/make-synthetic-extract.ts, made when missing; zstd, sorted by indicator):
 *
 *   old       the decoder before issue 12: hyparquet's row objects (parquetReadObjects), then one
 *             Arrow vector per column from them (copied below; given zstd so it can read the file)
 *   new       src/lib/db/parquet-to-arrow.ts parquetToArrow: column by column into Arrow buffers
 *   streamed  parquetRowGroups: one table per row group, each dropped before the next (as an
 *             insert into DuckDB in pieces would)
 *
 * Each run is a fresh Node process (so its peak is its own): wall time of the decode, the
 * process's peak resident memory (the kernel's maxRSS) and the JS heap plus ArrayBuffers in use
 * at the end, with the table still held. The old way is not run above 1M rows (at 1M it takes
 * 20 to 60 s and 2 GB). Median of the runs. Also: what one indicator's view (its rows, the
 * columns a chart needs) transfers of the file when read by range requests (remote-parquet.ts).
 * Writes bench-results/parquet.json and bench-results/parquet.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { Bool, Float64, Int32, Table, Utf8, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import { parquetRowGroups, parquetToArrow } from '../src/lib/db/parquet-to-arrow';
import { readRemoteParquet } from '../src/lib/db/remote-parquet';
import { syntheticExtractFile } from './lib/bench-common';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const WAYS = ['old', 'new', 'streamed'] as const;
const OLD_MAX_ROWS = 1_000_000;
type Way = (typeof WAYS)[number];

// ---- the old decoder (src/lib/db/parquet-to-arrow.ts before issue 12), the baseline ----------

type LeafSchema = { name: string; type?: string; converted_type?: string; logical_type?: { type: string } };

function oldArrowType(el: LeafSchema): { type: DataType; convert: (v: unknown) => unknown } {
  const id = (v: unknown) => v;
  switch (el.type) {
    case 'DOUBLE':
    case 'FLOAT':
      return { type: new Float64(), convert: id };
    case 'INT32':
      if (el.converted_type === 'DATE' || el.logical_type?.type === 'DATE') {
        return { type: new Utf8(), convert: (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v) };
      }
      return { type: new Int32(), convert: id };
    case 'INT64':
      return { type: new Float64(), convert: (v) => (typeof v === 'bigint' ? Number(v) : v) };
    case 'BOOLEAN':
      return { type: new Bool(), convert: id };
    case 'BYTE_ARRAY':
      return { type: new Utf8(), convert: (v) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : v) };
    default:
      throw new Error(`column "${el.name}" has a Parquet type this app cannot read (${el.type ?? 'nested'})`);
  }
}

async function oldParquetToArrow(buffer: ArrayBuffer): Promise<Table> {
  const metadata = parquetMetadata(buffer);
  const leaves = (metadata.schema as LeafSchema[]).slice(1);
  const rows = (await parquetReadObjects({ file: buffer, metadata, compressors })) as Record<string, unknown>[];
  const columns: Record<string, Vector> = {};
  for (const el of leaves) {
    const { type, convert } = oldArrowType(el);
    const values = rows.map((r) => {
      const v = r[el.name];
      return v === undefined || v === null ? null : convert(v);
    });
    columns[el.name] = vectorFromArray(values, type);
  }
  return new Table(columns);
}

// ---- one run, in a child process ----------------------------------------------------------------

interface RunResult {
  way: Way;
  rows: number;
  ms: number;
  peakRssMB: number;
  baseRssMB: number;
  heapMB: number;
  check: string;
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

async function runOnce(way: Way, file: string): Promise<RunResult> {
  const bytes = readFileSync(file);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const baseRss = process.memoryUsage().rss;
  const started = performance.now();
  let rows = 0;
  let check = '';
  let held: Table | undefined;
  if (way === 'streamed') {
    for await (const group of parquetRowGroups(buffer)) {
      rows += group.numRows;
      check = String(group.getChild('indicator')!.get(group.numRows - 1));
    }
  } else {
    held = way === 'old' ? await oldParquetToArrow(buffer) : await parquetToArrow(buffer);
    rows = held.numRows;
    check = String(held.getChild('indicator')!.get(rows - 1));
  }
  const ms = performance.now() - started;
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  const heap = heapUsed + arrayBuffers;
  if (held && held.numRows !== rows) throw new Error('lost the table');
  return { way, rows, ms, peakRssMB: mb(process.resourceUsage().maxRSS * 1024), baseRssMB: mb(baseRss), heapMB: mb(heap), check };
}

function child(way: Way, file: string): RunResult {
  const out = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', way, file], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (out.status !== 0) throw new Error(`${way} on ${file} failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as RunResult;
}

// ---- the comparison -----------------------------------------------------------------------------

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A fetch over a file's bytes that answers range requests, as a static server does. */
function rangeFetch(bytes: Uint8Array): typeof globalThis.fetch {
  return (async (_url: string | URL | Request, init?: RequestInit) => {
    const m = /^bytes=(\d+)-(\d+)$/.exec(new Headers(init?.headers).get('Range') ?? '');
    if (!m) return new Response(bytes.slice(), { status: 200 });
    return new Response(bytes.slice(Number(m[1]), Number(m[2]) + 1), { status: 206 });
  }) as typeof globalThis.fetch;
}

const VIEW_COLUMNS = ['indicator', 'geo', 'period', 'period_sort', 'group', 'sex', 'age', 'value', 'source', 'approx'];

async function remoteShare(file: string) {
  const bytes = new Uint8Array(readFileSync(file));
  const read = await readRemoteParquet('bench://' + file, {
    fetch: rangeFetch(bytes),
    byteLength: bytes.length,
    where: { column: 'indicator', value: 'synthetic_017' },
    columns: VIEW_COLUMNS,
  });
  return {
    indicator: 'synthetic_017',
    rows: read.table.numRows,
    rowGroupsRead: read.rowGroups.length,
    rowGroups: read.rowGroupCount,
    requests: read.stats.requests,
    bytesFetched: read.stats.bytesFetched,
    fileBytes: read.fileBytes,
    percent: Math.round((read.stats.bytesFetched / read.fileBytes) * 1000) / 10,
  };
}

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

async function main(): Promise<void> {
  const runs = Math.max(1, Number(argument('runs', '3')));
  const sizes = argument('sizes', '100000,1000000,10000000').split(',').map(Number);
  const results = [];
  for (const rows of sizes) {
    const file = syntheticExtractFile(rows);
    const fileBytes = readFileSync(file).byteLength;
    const ways: Record<string, unknown> = {};
    for (const way of WAYS.filter((w) => w !== 'old' || rows <= OLD_MAX_ROWS)) {
      const all = Array.from({ length: runs }, () => child(way, file));
      if (new Set(all.map((r) => `${r.rows} ${r.check}`)).size !== 1 || all[0].rows !== rows)
        throw new Error(`${way}: wrong rows ${all[0].rows}`);
      ways[way] = {
        ms: Math.round(median(all.map((r) => r.ms))),
        msRange: [Math.round(Math.min(...all.map((r) => r.ms))), Math.round(Math.max(...all.map((r) => r.ms)))],
        peakRssMB: median(all.map((r) => r.peakRssMB)),
        baseRssMB: median(all.map((r) => r.baseRssMB)),
        heapMB: median(all.map((r) => r.heapMB)),
      };
      console.log(rows, way, JSON.stringify(ways[way]));
    }
    results.push({ rows, file: file.slice(ROOT.length + 1), fileBytes, ways, remote: await remoteShare(file) });
  }
  const report = { date: new Date().toISOString(), node: process.version, runs, results };
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench-results', 'parquet.json'), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(ROOT, 'bench-results', 'parquet.md'), markdown(report));
  console.log(markdown(report));
}

type Report = {
  date: string;
  node: string;
  runs: number;
  results: { rows: number; fileBytes: number; ways: Record<string, unknown>; remote: Awaited<ReturnType<typeof remoteShare>> }[];
};

function markdown(report: Report): string {
  const lines = [
    '# Parquet → Arrow (scripts/bench-parquet.ts)',
    '',
    `${report.date}, Node ${report.node}, median of ${report.runs} runs, each in a fresh process. Synthetic observations`,
    '(scripts/make-synthetic-extract.ts: 17 columns, sorted by indicator, zstd). old: row objects then Arrow (the decoder',
    'before issue 12); new: parquetToArrow, column by column into Arrow buffers; streamed: parquetRowGroups, one table per',
    'row group, each dropped before the next. RSS before: the process with tsx loaded and the file read, before the decode;',
    "peak RSS: the kernel's maxRSS of the process; at end: JS heap plus ArrayBuffers in use after the decode, the table",
    `still held (none for streamed). The old way is not run above ${OLD_MAX_ROWS} rows (its 1M row above shows why).`,
    '',
    '| rows | file | way | time (ms) | range (ms) | RSS before (MB) | peak RSS (MB) | heap + buffers at end (MB) |',
    '| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of report.results) {
    for (const [way, w] of Object.entries(r.ways) as [
      string,
      { ms: number; msRange: number[]; baseRssMB: number; peakRssMB: number; heapMB: number },
    ][]) {
      lines.push(
        `| ${r.rows} | ${(r.fileBytes / 1e6).toFixed(1)} MB | ${way} | ${w.ms} | ${w.msRange.join('–')} | ${w.baseRssMB} | ${w.peakRssMB} | ${w.heapMB} |`,
      );
    }
  }
  lines.push(
    '',
    '## One indicator by range requests (src/lib/db/remote-parquet.ts)',
    '',
    `The rows of one indicator and the ${VIEW_COLUMNS.length} columns a view needs (${VIEW_COLUMNS.join(', ')}), read through a`,
    'fetch that answers range requests over the file: footer first, then the row groups whose statistics can hold the indicator.',
    '',
    '| rows in file | indicator rows | row groups read | requests | bytes fetched | share of the file |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const { rows, remote: m } of report.results) {
    lines.push(
      `| ${rows} | ${m.rows} | ${m.rowGroupsRead} of ${m.rowGroups} | ${m.requests} | ${m.bytesFetched} of ${m.fileBytes} | ${m.percent} % |`,
    );
  }
  return lines.join('\n') + '\n';
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--child');
  const done = at >= 0 ? runOnce(process.argv[at + 1] as Way, process.argv[at + 2]).then((r) => console.log(JSON.stringify(r))) : main();
  done.catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  });
}
