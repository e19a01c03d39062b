/** Pieces the benchmarks share: the synthetic extract's file, and medians with ranges. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

/** bench-data/observations-synthetic-<rows>.parquet, made by scripts/make-synthetic-extract.ts when missing. */
export function syntheticExtractFile(rows: number): string {
  const file = join(ROOT, 'bench-data', `observations-synthetic-${rows}.parquet`);
  if (!existsSync(file)) {
    const made = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/make-synthetic-extract.ts', '--rows', String(rows)], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (made.status !== 0) throw new Error(`could not make ${file}`);
  }
  return file;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Median, minimum and maximum, rounded; null for no values. */
export const stats = (xs: number[]) =>
  xs.length ? { median: Math.round(median(xs)), min: Math.round(Math.min(...xs)), max: Math.round(Math.max(...xs)) } : null;
export type Stats = ReturnType<typeof stats>;
