/** Load the default extract (manifest + Parquet files) into the engine, checking each file's hash. */
import { TABLE_NAMES } from '../data/schema';
import type { Manifest } from '../data/manifest';
import type { Engine } from './engine';
import { parquetToArrow } from './parquet-to-arrow';

async function sha256Hex(buffer: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', buffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function fetchManifest(baseUrl: string): Promise<Manifest> {
  const res = await fetch(`${baseUrl}manifest.json`, { cache: 'no-cache' });
  if (!res.ok) throw new Error(`manifest.json: HTTP ${res.status}`);
  return res.json();
}

export async function loadExtract(engine: Engine, baseUrl: string, manifest: Manifest): Promise<void> {
  await Promise.all(
    TABLE_NAMES.map(async (name) => {
      const entry = manifest.tables[name];
      const res = await fetch(`${baseUrl}${entry.file}?v=${manifest.version}`);
      if (!res.ok) throw new Error(`${entry.file}: HTTP ${res.status}`);
      const buffer = await res.arrayBuffer();
      // crypto.subtle exists only in secure contexts (https, localhost); elsewhere the check is skipped.
      const hash = globalThis.crypto?.subtle ? await sha256Hex(buffer) : entry.sha256;
      if (hash !== entry.sha256) throw new Error(`${entry.file} does not match the manifest (hash differs)`);
      await engine.insertTable(name, await parquetToArrow(buffer));
    }),
  );
}
