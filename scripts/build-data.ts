/**
 * npm run data: validate data/*.csv and write the Parquet extract, manifest.json and boot.json
 * into public/data/. On any problem it prints file, line, column and rule, and exits non-zero.
 */
import { join, resolve } from 'node:path';
import { TABLE_NAMES } from '../src/lib/data/schema';
import { formatProblem } from '../src/lib/data/validate';
import { buildExtract, ValidationFailed } from './lib/build-extract';

const root = resolve(import.meta.dirname, '..');
const dataDir = process.env.HERKOMSTKLOOF_DATA_DIR ?? join(root, 'data');
const outDir = process.env.HERKOMSTKLOOF_OUT_DIR ?? join(root, 'public', 'data');

try {
  const manifest = await buildExtract(dataDir, outDir);
  const counts = TABLE_NAMES.map((n) => `${n} ${manifest.tables[n].rows}`).join(', ');
  console.log(`extract ${manifest.version} written to ${outDir}: ${counts}`);
} catch (e) {
  if (!(e instanceof ValidationFailed)) throw e;
  for (const p of e.problems) console.error(formatProblem(p));
  console.error(`\n${e.problems.length} problem(s) in ${dataDir}; nothing was written.`);
  process.exit(1);
}
