// @ts-check
/**
 * Mutation testing (`npm run mutate`): StrykerJS mutates the pure library code in src/lib and
 * runs the unit tests (vitest.stryker.config.ts, the `unit` project only) against each mutant.
 *
 * Not mutated:
 * - `*.svelte.ts` (Svelte runes, compiled by the Svelte plugin) and `*.d.ts` (no code);
 * - `src/lib/db/engine.ts`: it starts DuckDB-WASM in a Web Worker, which only exists in the
 *   browser; it is exercised by the end-to-end tests, which need a built app and Chromium and are
 *   far too slow to run once per mutant.
 * - `src/lib/perf.ts`: the benchmark's performance mark, set by the chart and table components in
 *   the browser (the benchmark reads it);
 * - `src/lib/export/download.ts`: saves files and draws PNGs with the browser's DOM and canvas;
 *   the end-to-end tests read every download it makes.
 * - `src/lib/i18n/nl.ts` and `en.ts`: the message tables are translations, not logic. Each of
 *   their ~280 strings is a "static" mutant that re-runs every unit test (about 40 minutes on two
 *   cores); the wording they produce is checked by the Figure text snapshots
 *   (tests/unit/figure-text.test.ts) and the i18n tests instead.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.stryker.config.ts', related: true },
  // (Stryker warns that the `*.d.ts` pattern excludes nothing while src/lib has no such file.)
  mutate: [
    'src/lib/**/*.ts',
    '!src/lib/**/*.svelte.ts',
    '!src/lib/**/*.d.ts',
    '!src/lib/db/engine.ts',
    '!src/lib/export/download.ts',
    '!src/lib/perf.ts',
    '!src/lib/i18n/nl.ts',
    '!src/lib/i18n/en.ts',
  ],
  // Build output and screenshots need not be copied into the sandbox.
  ignorePatterns: ['dist', 'test-results', 'bench-results', 'public/data', 'reports'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  concurrency: 2,
  // "Static" mutants — module-level constants (schema tables, view declarations), and code run
  // while a test file is collected rather than inside a test — cannot be traced to the tests that
  // cover them, so Stryker re-runs every unit test for each: about 880 of 4,500 mutants took 85 %
  // of a 3-hour run on two cores. They are skipped (reported as "Ignored", outside the score); the
  // README says how many and how to run them (`npx stryker run --ignoreStatic false`).
  ignoreStatic: true,
  // Re-test only mutants whose code or tests changed since the last run (reports/ is git-ignored).
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // Added to the expected time of each mutant's tests (Stryker adds the dry run's own overhead too);
  // generous, because a busy machine otherwise turns slow runs into false "timeouts".
  timeoutMS: 10000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
