/**
 * Precompresses the build: beside each text file, the wasm and the data files of `dist/` it writes
 * `<file>.br` and `<file>.gz`, so a server sends them with `Content-Encoding` without compressing
 * on every request (scripts/serve.mjs does; most static hosts can be told to). A compressed copy
 * is kept only where it saves at least 10 % (Parquet is already compressed inside).
 *
 * Brotli at its best quality (11) takes minutes for DuckDB's 34 MB wasm on two cores, so files
 * over 1 MB get quality 9 (about 30 s, 6 % larger), and each compressed copy is kept in
 * node_modules/.cache by the hash of its content: the wasm changes only with DuckDB's version.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, extname, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

const EXTENSIONS = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.parquet', '.csv', '.txt', '.md']);
const CACHE = resolve(import.meta.dirname, '../../node_modules/.cache/herkomstkloof-precompress');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The bytes compressed as the build compresses them (cached by content). */
export function compressed(bytes: Buffer, kind: 'br' | 'gz'): Buffer {
  const key = createHash('sha256').update(bytes).digest('hex');
  const cached = join(CACHE, `${key}.${kind}`);
  if (existsSync(cached)) return readFileSync(cached);
  const out =
    kind === 'gz'
      ? gzipSync(bytes, { level: 9 })
      : brotliCompressSync(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: bytes.length > 1_000_000 ? 9 : 11,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          },
        });
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(cached, out);
  return out;
}

/** Writes the .br and .gz copies under `dir`; returns what was written. */
export function precompress(dir: string): { file: string; bytes: number; br?: number; gz?: number }[] {
  return filesUnder(dir)
    .filter((f) => EXTENSIONS.has(extname(f)))
    .map((file) => {
      const bytes = readFileSync(file);
      const row: { file: string; bytes: number; br?: number; gz?: number } = { file, bytes: statSync(file).size };
      for (const kind of ['br', 'gz'] as const) {
        const out = compressed(bytes, kind);
        if (out.length <= bytes.length * 0.9) {
          writeFileSync(`${file}.${kind}`, out);
          row[kind] = out.length;
        }
      }
      return row;
    });
}

export function precompressPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'herkomstkloof-precompress',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    closeBundle() {
      precompress(resolve(config.root, config.build.outDir));
    },
  };
}
