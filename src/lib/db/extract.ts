/** Load the default extract (manifest + Parquet files) into the engine, checking each file's hash. */
import { TABLE_NAMES } from '../data/schema';
import type { Catalog } from '../data/catalog';
import { versionedFile, type Manifest } from '../data/manifest';
import type { Geo, Group, Indicator, Target } from '../data/types';
import { mergeCoverage } from '../data/coverage';
import { coverageQuery, geosQuery, groupsQuery, indicatorsQuery, targetsQuery, type CoverageRow } from '../queries/catalog';
import type { Engine } from './engine';
import { FileFault } from './fault';
import { parquetToArrow } from './parquet-to-arrow';

async function sha256Hex(buffer: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', buffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A fetch whose network failure names the file. */
async function fetchFile(file: string, url: string, init?: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (e) {
    throw new FileFault(file, 'network', '', `${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!res.ok) throw new FileFault(file, 'http', String(res.status));
  return res;
}

export async function fetchManifest(baseUrl: string): Promise<Manifest> {
  const res = await fetchFile('manifest.json', `${baseUrl}manifest.json`, { cache: 'no-cache' });
  try {
    const manifest = (await res.json()) as Manifest;
    if (typeof manifest?.version !== 'string' || typeof manifest.tables !== 'object') throw new Error('no version or tables');
    return manifest;
  } catch (e) {
    throw new FileFault('manifest.json', 'json', '', `manifest.json: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Load every table; `reload` (a retry) bypasses the browser's cache, which may hold the bad copy. */
export async function loadExtract(
  engine: Pick<Engine, 'insertTable'>,
  baseUrl: string,
  manifest: Manifest,
  { reload = false } = {},
): Promise<void> {
  await Promise.all(
    TABLE_NAMES.map(async (name) => {
      const entry = manifest.tables[name];
      const res = await fetchFile(
        entry.file,
        `${baseUrl}${versionedFile(entry.file, manifest.version)}`,
        reload ? { cache: 'reload' } : undefined,
      );
      let buffer: ArrayBuffer;
      try {
        buffer = await res.arrayBuffer();
      } catch (e) {
        throw new FileFault(entry.file, 'network', '', `${entry.file}: ${e instanceof Error ? e.message : String(e)}`);
      }
      // crypto.subtle exists only in secure contexts (https, localhost); elsewhere the check is skipped.
      const hash = globalThis.crypto?.subtle ? await sha256Hex(buffer) : entry.sha256;
      if (hash !== entry.sha256) throw new FileFault(entry.file, 'hash', '', `${entry.file} does not match the manifest (hash differs)`);
      let table;
      try {
        table = await parquetToArrow(buffer);
      } catch (e) {
        // A page policy that forbids Arrow's code generation is not a damaged file: say what it is.
        if (e instanceof EvalError) throw e;
        throw new FileFault(entry.file, 'corrupt', '', `${entry.file}: ${e instanceof Error ? e.message : String(e)}`);
      }
      await engine.insertTable(name, table);
    }),
  );
}

/**
 * The catalog once a user's file added figures: the dimension tables read again (they gained the
 * file's own names) and the file's coverage merged into the coverage already known.
 */
export async function catalogWithOwn(engine: Pick<Engine, 'query'>, before: Catalog, added: CoverageRow[]): Promise<Catalog> {
  return {
    indicators: await engine.query<Indicator>(indicatorsQuery),
    groups: await engine.query<Group>(groupsQuery),
    geos: await engine.query<Geo>(geosQuery),
    targets: before.targets,
    coverage: mergeCoverage(before.coverage, added),
  };
}

/**
 * The catalog built from the engine's tables, for when boot.json is missing or broken: the same
 * queries the data build runs for boot.json.
 */
export async function catalogFromEngine(engine: Pick<Engine, 'query'>): Promise<Catalog> {
  const coverage = await engine.query<CoverageRow>(coverageQuery);
  return {
    indicators: await engine.query<Indicator>(indicatorsQuery),
    groups: await engine.query<Group>(groupsQuery),
    geos: await engine.query<Geo>(geosQuery),
    targets: await engine.query<Target>(targetsQuery),
    // DuckDB-WASM returns a list column as an Arrow vector: the catalog holds plain arrays.
    coverage: coverage.map((r) => ({ ...r, years: Array.from(r.years as Iterable<number>, Number) })),
  };
}
