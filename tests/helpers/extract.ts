/**
 * Build an extract from CSV texts (or the real data/ folder) into a temp folder, for tests.
 * Built extracts are kept in the system's temp folder under a key made of the CSV texts and the
 * code that builds and reads them (src/lib, scripts/lib): a test run, and each of the thousands of
 * runs of mutation testing, reuses one build instead of writing Parquet again. Any change to the
 * data or that code makes a new key, so a stale extract is never used.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TABLE_NAMES, type TableName } from '../../src/lib/data/schema';
import type { BootData } from '../../src/lib/data/manifest';
import { buildExtract } from '../../scripts/lib/build-extract';
import { SYNTHETIC_FIXTURE } from './fixture';

export const REAL_DATA_DIR = resolve(import.meta.dirname, '../../data');
const ROOT = resolve(import.meta.dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
    });
}

let codeHash: string | null = null;
function hashOfCode(): string {
  codeHash ??= createHash('sha256')
    .update(
      [...filesUnder(join(ROOT, 'src/lib')), ...filesUnder(join(ROOT, 'scripts/lib'))]
        .map((f) => `${f}\n${readFileSync(f, 'utf8')}`)
        .join('\n'),
    )
    .digest('hex');
  return codeHash;
}

export async function buildTempExtract(texts?: Record<TableName, string>): Promise<string> {
  const inputs = texts ?? Object.fromEntries(TABLE_NAMES.map((n) => [n, readFileSync(join(REAL_DATA_DIR, `${n}.csv`), 'utf8')]));
  const key = createHash('sha256').update(hashOfCode()).update(JSON.stringify(inputs)).digest('hex').slice(0, 20);
  const cached = join(tmpdir(), `herkomstkloof-extract-${key}`);
  if (existsSync(join(cached, 'out', 'boot.json'))) return join(cached, 'out');

  const root = mkdtempSync(join(tmpdir(), 'herkomstkloof-build-'));
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  for (const [name, text] of Object.entries(inputs)) writeFileSync(join(dataDir, `${name}.csv`), text);
  await buildExtract(dataDir, join(root, 'out'));
  try {
    renameSync(root, cached);
  } catch {
    // Another test process built the same extract first: use theirs.
    rmSync(root, { recursive: true, force: true });
  }
  return join(cached, 'out');
}

let synthetic: Promise<{ dir: string; boot: BootData }> | null = null;

/** The synthetic extract (tests/helpers/fixture.ts), with its boot.json (catalog and opening views). */
export function syntheticExtract(): Promise<{ dir: string; boot: BootData }> {
  synthetic ??= buildTempExtract(SYNTHETIC_FIXTURE).then((dir) => ({
    dir,
    boot: JSON.parse(readFileSync(join(dir, 'boot.json'), 'utf8')) as BootData,
  }));
  return synthetic;
}
