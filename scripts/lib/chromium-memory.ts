/**
 * Memory of the Chromium a benchmark launched, read from /proc while a flow runs: the RSS and PSS
 * of its renderer processes (the page's renderer runs DuckDB's worker, so WebAssembly memory is in
 * it) and, through CDP, the page's JS heap. Used by scripts/bench-own.ts and bench-extract.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import type { CDPSession } from 'playwright-core';

/** How often memory is sampled. */
export const SAMPLE_MS = 100;

export const PAGE_BYTES = Number(spawnSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).stdout.trim()) || 4096;

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process is gone
  }
}

/** pid → parent pid, for every process. */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readText(`/proc/${name}/stat`);
    if (!stat) continue;
    // The command name (field 2) is in parentheses and may hold spaces: the parent pid follows the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    out.set(Number(name), ppid);
  }
  return out;
}

/** The Chromium browser process this Node process launched (a direct child whose command is Chromium). */
export function browserPid(): number {
  const all = parents();
  const children = [...all].filter(([, ppid]) => ppid === process.pid).map(([pid]) => pid);
  const chromium = children.filter((pid) => /chrom/i.test(readText(`/proc/${pid}/cmdline`) ?? ''));
  if (chromium.length !== 1) throw new Error(`expected one Chromium child process, found ${chromium.length}`);
  return chromium[0];
}

const cmdlines = new Map<number, string>();
function cmdline(pid: number): string {
  let text = cmdlines.get(pid);
  if (text === undefined) {
    text = (readText(`/proc/${pid}/cmdline`) ?? '').replace(/\0/g, ' ');
    cmdlines.set(pid, text);
  }
  return text;
}

/** Proportional set size (shared pages divided among the processes sharing them), from smaps_rollup. */
function pssOf(pid: number): number {
  const rollup = readText(`/proc/${pid}/smaps_rollup`);
  const kb = rollup ? /^Pss:\s+(\d+) kB/m.exec(rollup) : null;
  return kb ? Number(kb[1]) * 1024 : 0;
}

function rssOf(pid: number): number {
  const statm = readText(`/proc/${pid}/statm`);
  return statm ? Number(statm.split(' ')[1]) * PAGE_BYTES : 0;
}

/** RSS of the browser's processes now: all of them, and the renderers alone (summed, and the largest). */
function browserRss(root: number): { all: number; renderers: number; rendererPss: number; largestRenderer: number; rendererCount: number } {
  const all = parents();
  const tree = new Set([root]);
  // Descendants: repeat until no process joins (zygote-forked renderers are grandchildren).
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of all) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let sum = 0;
  let renderers = 0;
  let largest = 0;
  let count = 0;
  let pss = 0;
  for (const pid of tree) {
    const rss = rssOf(pid);
    sum += rss;
    if (cmdline(pid).includes('--type=renderer')) {
      renderers += rss;
      pss += pssOf(pid);
      largest = Math.max(largest, rss);
      count++;
    }
  }
  return { all: sum, renderers, rendererPss: pss, largestRenderer: largest, rendererCount: count };
}

export interface Peaks {
  rendererRss: number;
  rendererPss: number;
  allRss: number;
  largestRendererRss: number;
  renderersAtPeak: number;
  renderersBefore: number;
  rssBefore: number;
  rssSamples: number;
  heapUsed: number;
  heapTotal: number;
  heapSamples: number;
}

/** Sample memory until stopped: /proc every 100 ms, the page's JS heap as often as CDP answers (≥ 100 ms apart). */
export function startSampler(root: number, cdp: CDPSession): { stop: () => Promise<Peaks> } {
  const first = browserRss(root);
  const peaks: Peaks = {
    rendererRss: first.renderers,
    rendererPss: first.rendererPss,
    allRss: first.all,
    largestRendererRss: first.largestRenderer,
    renderersAtPeak: first.rendererCount,
    renderersBefore: first.rendererCount,
    rssBefore: first.renderers,
    rssSamples: 1,
    heapUsed: 0,
    heapTotal: 0,
    heapSamples: 0,
  };
  const timer = setInterval(() => {
    const now = browserRss(root);
    peaks.rssSamples++;
    if (now.renderers > peaks.rendererRss) {
      peaks.rendererRss = now.renderers;
      peaks.renderersAtPeak = now.rendererCount;
    }
    peaks.allRss = Math.max(peaks.allRss, now.all);
    peaks.rendererPss = Math.max(peaks.rendererPss, now.rendererPss);
    peaks.largestRendererRss = Math.max(peaks.largestRendererRss, now.largestRenderer);
  }, SAMPLE_MS);
  let stopped = false;
  const heapLoop = (async () => {
    while (!stopped) {
      const started = Date.now();
      try {
        const heap = await cdp.send('Runtime.getHeapUsage');
        peaks.heapUsed = Math.max(peaks.heapUsed, heap.usedSize);
        peaks.heapTotal = Math.max(peaks.heapTotal, heap.totalSize);
        peaks.heapSamples++;
      } catch {
        return; // the page is gone
      }
      await new Promise((r) => setTimeout(r, Math.max(0, SAMPLE_MS - (Date.now() - started))));
    }
  })();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.race([heapLoop, new Promise((r) => setTimeout(r, 2000))]);
      return peaks;
    },
  };
}
