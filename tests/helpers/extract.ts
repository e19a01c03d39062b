/** Build an extract from CSV texts (or the real data/ folder) into a temp folder, for tests. */
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TableName } from '../../src/lib/data/schema';
import { buildExtract } from '../../scripts/lib/build-extract';

export const REAL_DATA_DIR = resolve(import.meta.dirname, '../../data');

export async function buildTempExtract(texts?: Record<TableName, string>): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'herkomstkloof-extract-'));
  let dataDir = REAL_DATA_DIR;
  if (texts) {
    dataDir = join(root, 'data');
    mkdirSync(dataDir);
    for (const [name, text] of Object.entries(texts)) writeFileSync(join(dataDir, `${name}.csv`), text);
  }
  const outDir = join(root, 'out');
  await buildExtract(dataDir, outDir);
  return outDir;
}

import { readFileSync } from 'node:fs';
import type { BootData } from '../../src/lib/data/manifest';
import { SYNTHETIC_FIXTURE } from './fixture';

let synthetic: Promise<{ dir: string; boot: BootData }> | null = null;

/** The synthetic extract, built once per test file, with its boot.json (catalog and default view). */
export function syntheticExtract(): Promise<{ dir: string; boot: BootData }> {
  synthetic ??= buildTempExtract(SYNTHETIC_FIXTURE).then((dir) => ({
    dir,
    boot: JSON.parse(readFileSync(join(dir, 'boot.json'), 'utf8')) as BootData,
  }));
  return synthetic;
}
