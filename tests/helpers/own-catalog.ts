/**
 * The real catalogue (data/*.csv, read by the curated-data validator) for the own-file tests, no
 * extract built; and an own file's text run through detection, reshaping and the checks.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCsv } from '../../src/lib/data/csv';
import { TABLE_NAMES } from '../../src/lib/data/schema';
import { validateDataset } from '../../src/lib/data/validate';
import { checkMapping, detectMapping } from '../../src/lib/own/mapping';
import type { OwnCatalog } from '../../src/lib/own/match';
import { reshape } from '../../src/lib/own/reshape';
import { checkOwnRows, type OwnOptions } from '../../src/lib/own/validate';

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

/** A `;`-separated own file through detection, reshaping and the checks; throws when the detected mapping cannot be used. */
export function runOwn(text: string, options?: OwnOptions, fileName?: string) {
  const c = realCatalog();
  const { header, records } = parseCsv(text, ';');
  const mapping = detectMapping(
    header,
    records.map((r) => r.cells),
    c,
    fileName,
  );
  const problems = checkMapping(mapping, header.length);
  if (problems.length) throw new Error(`the detected mapping cannot be used: ${problems.map((p) => p.code).join(', ')}`);
  const rows = reshape(header, records, mapping);
  return { header, records, rows, mapping, check: checkOwnRows(rows, c, options) };
}
