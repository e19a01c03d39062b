import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { serviceWorkerPlugin } from './scripts/lib/service-worker-plugin.ts';
import { precompressPlugin } from './scripts/lib/precompress-plugin.ts';
import { preloadPlugin } from './scripts/lib/preload-plugin.ts';

export default defineConfig({
  // Relative base: the build runs from any folder of any static host.
  base: './',
  // The service worker (src/offline/service-worker.js) gets the build's file list at build time.
  // Brotli and gzip copies of the build for servers that send them (scripts/serve.mjs).
  // Engine code and the Parquet extract requested at navigation (scripts/lib/preload-plugin.ts).
  plugins: [svelte(), preloadPlugin(), serviceWorkerPlugin(), precompressPlugin()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // DuckDB-WASM's JavaScript and the Arrow library it speaks in get a chunk of their own
        // (`duckdb-…js`): loaded only with the engine, and told apart from the app's own code by
        // the benchmark's size budget.
        manualChunks: (id: string) => (/node_modules\/(@duckdb\/duckdb-wasm|apache-arrow)\//.test(id) ? 'duckdb' : undefined),
      },
    },
  },
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/oracle/**/*.test.ts'],
          environment: 'node',
          // Builds the extracts the tests open, once, outside the test workers (see the file).
          globalSetup: ['tests/helpers/prebuild-extracts.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
