/** Loading the extract in the browser's path: manifest, Parquet files checked by SHA-256, tables into the engine. */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from '../../src/lib/data/manifest';
import { fetchManifest, loadExtract } from '../../src/lib/db/extract';
import { syntheticExtract } from '../helpers/extract';
import { fakeServer, recordingEngine } from '../helpers/fake-server';
import { toArrayBuffer } from '../helpers/parquet';

const BASE = 'https://herkomstkloof.test/data/';
const TABLES = ['indicators', 'groups', 'geos', 'sources', 'targets', 'observations'];

let manifest: Manifest;
let files: Record<string, ArrayBuffer | string>;

beforeAll(async () => {
  const { dir } = await syntheticExtract();
  const manifestText = readFileSync(join(dir, 'manifest.json'), 'utf8');
  manifest = JSON.parse(manifestText) as Manifest;
  files = { 'manifest.json': manifestText };
  for (const name of TABLES) files[`${name}.parquet`] = toArrayBuffer(readFileSync(join(dir, `${name}.parquet`)));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A copy of one file with one byte changed in the middle. */
function tampered(buffer: ArrayBuffer): ArrayBuffer {
  const bytes = new Uint8Array(buffer.slice(0));
  bytes[bytes.length >> 1] ^= 0xff;
  return bytes.buffer;
}

describe('fetchManifest', () => {
  it('reads manifest.json from the data folder, asking the server to revalidate it', async () => {
    const server = fakeServer(BASE, files);
    vi.stubGlobal('fetch', server.fetch);
    expect(await fetchManifest(BASE)).toEqual(manifest);
    expect(server.requests).toEqual([{ url: `${BASE}manifest.json`, init: { cache: 'no-cache' } }]);
  });

  it('says which file failed and how', async () => {
    vi.stubGlobal('fetch', fakeServer(BASE, files, { 'manifest.json': 503 }).fetch);
    await expect(fetchManifest(BASE)).rejects.toThrow('manifest.json: HTTP 503');
  });
});

describe('loadExtract', () => {
  it('inserts every table with all its rows', async () => {
    const server = fakeServer(BASE, files);
    vi.stubGlobal('fetch', server.fetch);
    const engine = recordingEngine();
    await loadExtract(engine, BASE, manifest);
    expect([...engine.inserted.keys()].sort()).toEqual([...TABLES].sort());
    for (const name of TABLES)
      expect(engine.inserted.get(name)!.numRows, name).toBe(manifest.tables[name as keyof Manifest['tables']].rows);
    // The synthetic fixture has nine observations, two indicators, three groups and two places.
    expect(engine.inserted.get('observations')!.numRows).toBe(9);
    expect(engine.inserted.get('indicators')!.getChild('id')!.toArray()).toEqual(['rate', 'gap']);
    expect(engine.inserted.get('geos')!.numRows).toBe(2);
    expect(engine.inserted.get('groups')!.numRows).toBe(3);
  });

  it('asks for each file with the dataset version, so a new extract is never mixed with a cached one', async () => {
    const server = fakeServer(BASE, files);
    vi.stubGlobal('fetch', server.fetch);
    await loadExtract(recordingEngine(), BASE, manifest);
    expect(server.requests.map((r) => r.url).sort()).toEqual(TABLES.map((n) => `${BASE}${n}.parquet?v=${manifest.version}`).sort());
  });

  it('refuses a file whose bytes differ from the manifest, naming the file, and does not insert it', async () => {
    vi.stubGlobal(
      'fetch',
      fakeServer(BASE, { ...files, 'observations.parquet': tampered(files['observations.parquet'] as ArrayBuffer) }).fetch,
    );
    const engine = recordingEngine();
    await expect(loadExtract(engine, BASE, manifest)).rejects.toThrow('observations.parquet does not match the manifest (hash differs)');
    expect(engine.inserted.has('observations')).toBe(false);
  });

  it('refuses an intact file when the manifest states another hash', async () => {
    vi.stubGlobal('fetch', fakeServer(BASE, files).fetch);
    const wrong: Manifest = {
      ...manifest,
      tables: { ...manifest.tables, geos: { ...manifest.tables.geos, sha256: '0'.repeat(64) } },
    };
    const engine = recordingEngine();
    await expect(loadExtract(engine, BASE, wrong)).rejects.toThrow('geos.parquet does not match the manifest (hash differs)');
    expect(engine.inserted.has('geos')).toBe(false);
  });

  it('says which file the server failed to send', async () => {
    vi.stubGlobal('fetch', fakeServer(BASE, files, { 'groups.parquet': 404 }).fetch);
    await expect(loadExtract(recordingEngine(), BASE, manifest)).rejects.toThrow('groups.parquet: HTTP 404');
  });

  it('skips the hash check where the browser offers no crypto.subtle (a page not served securely)', async () => {
    vi.stubGlobal('fetch', fakeServer(BASE, files).fetch);
    vi.stubGlobal('crypto', undefined);
    const wrong: Manifest = {
      ...manifest,
      tables: { ...manifest.tables, geos: { ...manifest.tables.geos, sha256: '0'.repeat(64) } },
    };
    const engine = recordingEngine();
    await loadExtract(engine, BASE, wrong);
    expect(engine.inserted.get('geos')!.numRows).toBe(2);
  });
});
