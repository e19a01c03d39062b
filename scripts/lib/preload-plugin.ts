/**
 * Starts the engine's downloads at navigation instead of after the first chart: `<link>` hints in
 * the built index.html for the code that starts DuckDB (its module chunks, `modulepreload`) and the
 * Parquet extract (`preload as=fetch`, under the URL the page fetches it by). Both are fetched by
 * the page itself, so the browser hands the preloaded responses to it.
 *
 * DuckDB's wasm and worker script are not preloaded: the worker fetches the wasm, and a page's
 * preload is not shared with a worker — a download still in flight would be made twice.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { HtmlTagDescriptor, Plugin } from 'vite';
import { versionedFile, type Manifest } from '../../src/lib/data/manifest.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** Module chunks whose name starts with one of these are the engine's (src/lib/db/engine.ts, extract.ts). */
const ENGINE_CHUNKS = ['engine', 'extract'];

export function preloadPlugin(dataDir = join(ROOT, 'public/data')): Plugin {
  return {
    name: 'herkomstkloof-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const tags: HtmlTagDescriptor[] = [];
        const chunks = Object.values(ctx.bundle ?? {}).filter(
          (c) => c.type === 'chunk' && c.isDynamicEntry && ENGINE_CHUNKS.some((n) => c.name.startsWith(n)),
        );
        // Each engine chunk and the chunks it imports, once; not the page's entry, which is loaded anyway.
        const entries = new Set(Object.values(ctx.bundle ?? {}).flatMap((c) => (c.type === 'chunk' && c.isEntry ? [c.fileName] : [])));
        const files = new Set<string>();
        for (const c of chunks) if (c.type === 'chunk') for (const f of [c.fileName, ...c.imports]) if (!entries.has(f)) files.add(f);
        for (const f of [...files].sort()) tags.push({ tag: 'link', attrs: { rel: 'modulepreload', href: `./${f}` }, injectTo: 'head' });
        const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')) as Manifest;
        for (const t of Object.values(manifest.tables)) {
          const href = `./data/${versionedFile(t.file, manifest.version)}`;
          tags.push({ tag: 'link', attrs: { rel: 'preload', as: 'fetch', crossorigin: 'anonymous', href }, injectTo: 'head' });
        }
        return tags;
      },
    },
  };
}
