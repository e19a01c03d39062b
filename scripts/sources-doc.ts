/** npm run data:doc — regenerate data/SOURCES.md from the validated CSVs. */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatProblem, validateDataset } from '../src/lib/data/validate';
import { sourcesMarkdown } from '../src/lib/data/sources-doc';
import { readTexts } from './lib/build-extract';

const dataDir = join(resolve(import.meta.dirname, '..'), 'data');
const { dataset, problems } = validateDataset(await readTexts(dataDir));
if (!dataset) {
  for (const p of problems) console.error(formatProblem(p));
  process.exit(1);
}
writeFileSync(join(dataDir, 'SOURCES.md'), sourcesMarkdown(dataset));
console.log(`data/SOURCES.md written: ${dataset.sources.length} citations`);
