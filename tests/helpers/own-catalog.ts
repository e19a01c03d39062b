/**
 * The real catalogue (data/*.csv, read by the curated-data validator) for the own-file tests, no
 * extract built (the checks themselves run in DuckDB: own-node.ts).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TABLE_NAMES } from '../../src/lib/data/schema';
import { validateDataset } from '../../src/lib/data/validate';
import type { OwnCatalog } from '../../src/lib/own/match';

const DATA_DIR = resolve(import.meta.dirname, '../../data');

let catalog: OwnCatalog | null = null;

export function realCatalog(): OwnCatalog {
  if (catalog) return catalog;
  const texts = Object.fromEntries(TABLE_NAMES.map((n) => [n, readFileSync(join(DATA_DIR, `${n}.csv`), 'utf8')]));
  const { dataset, problems } = validateDataset(texts);
  if (!dataset) throw new Error(`data/ does not validate: ${problems.length} problems`);
  catalog = { indicators: dataset.indicators, groups: dataset.groups, geos: dataset.geos };
  return catalog;
}
