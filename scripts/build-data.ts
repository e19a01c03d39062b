/**
 * npm run data: validate data/*.csv, lint them (src/lib/data/lint.ts), and write the Parquet
 * extract, manifest.json and boot.json into public/data/. On any problem it prints file, line,
 * column or lint rule, and exits non-zero without writing anything.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TABLE_NAMES } from '../src/lib/data/schema';
import { formatProblem, validateDataset } from '../src/lib/data/validate';
import { formatLintProblem, lintData, lintTablesOf } from '../src/lib/data/lint';
import { buildExtract, readTexts, ValidationFailed } from './lib/build-extract';

const root = resolve(import.meta.dirname, '..');
const dataDir = process.env.HERKOMSTKLOOF_DATA_DIR ?? join(root, 'data');
const outDir = process.env.HERKOMSTKLOOF_OUT_DIR ?? join(root, 'public', 'data');

function fail(lines: string[], what: string): never {
  for (const l of lines) console.error(l);
  console.error(`\n${lines.length} ${what} in ${dataDir}; nothing was written.`);
  process.exit(1);
}

const texts = await readTexts(dataDir);
const { problems } = validateDataset(texts);
if (problems.length) fail(problems.map(formatProblem), 'problem(s)');
const disagreements = join(dataDir, 'disagreements.csv');
const lint = lintData(
  lintTablesOf({ ...texts, disagreements: existsSync(disagreements) ? readFileSync(disagreements, 'utf8') : undefined }),
);
if (lint.length) fail(lint.map(formatLintProblem), 'lint problem(s)');

try {
  const manifest = await buildExtract(dataDir, outDir);
  const counts = TABLE_NAMES.map((n) => `${n} ${manifest.tables[n].rows}`).join(', ');
  console.log(`extract ${manifest.version} written to ${outDir}: ${counts}`);
} catch (e) {
  if (!(e instanceof ValidationFailed)) throw e;
  fail(e.problems.map(formatProblem), 'problem(s)');
}
