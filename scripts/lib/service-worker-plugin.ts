/**
 * Writes `sw.js` (src/offline/service-worker.js) into the build with the list of files the app
 * needs offline: every file of the bundle (page, scripts, styles, DuckDB's worker and wasm) and
 * the data the page asks for (boot.json, manifest.json, the Parquet extract, the prebuilt views and
 * the CSV download), each under the URL the page requests it by (`?v=<data version>` included).
 * The build id changes with any of them, so a new build or data version is a new service worker.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { versionedFile, type BootData, type Manifest } from '../../src/lib/data/manifest.ts';
import { prebuiltPath } from '../../src/lib/views/prebuilt.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TEMPLATE = join(ROOT, 'src/offline/service-worker.js');

/** The data files the page requests, as it requests them. */
export function dataFiles(dataDir: string): { version: string; files: string[] } {
  const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')) as Manifest;
  const boot = JSON.parse(readFileSync(join(dataDir, 'boot.json'), 'utf8')) as BootData;
  return {
    version: manifest.version,
    files: [
      'data/boot.json',
      'data/manifest.json',
      ...Object.values(manifest.tables).map((t) => `data/${versionedFile(t.file, manifest.version)}`),
      ...(boot.prebuilt ?? []).map((hash) => `data/${versionedFile(prebuiltPath(hash), manifest.version)}`),
      ...(manifest.downloads?.csvZip ? [`data/${manifest.downloads.csvZip}`] : []),
    ],
  };
}

export function serviceWorkerPlugin(dataDir = join(ROOT, 'public/data')): Plugin {
  return {
    name: 'herkomstkloof-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const data = dataFiles(dataDir);
      const files = [
        '',
        ...Object.keys(bundle)
          .filter((f) => !f.endsWith('.map'))
          .sort(),
        ...data.files,
      ];
      const build = createHash('sha256')
        .update(JSON.stringify([files, data.version, readFileSync(TEMPLATE, 'utf8')]))
        .digest('hex')
        .slice(0, 16);
      const source = readFileSync(TEMPLATE, 'utf8')
        .replace("'__BUILD__'", JSON.stringify(build))
        .replace("'__DATA_VERSION__'", JSON.stringify(data.version))
        .replace("'__FILES__'", JSON.stringify(JSON.stringify(files)));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
