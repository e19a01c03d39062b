/**
 * Vitest config for Stryker (stryker.config.mjs): the `unit` project of vite.config.ts on its own.
 * The vitest runner of Stryker 9.6 has no option to pick one of several `projects`, and the `e2e`
 * project needs a built app and Chromium, so this config lifts the `unit` project's settings out
 * of vite.config.ts (one source of truth for which files are unit tests).
 */
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import viteConfig from './vite.config';

const unit = viteConfig.test?.projects?.find(
  (p): p is TestProjectInlineConfiguration => typeof p === 'object' && 'test' in p && p.test?.name === 'unit',
);
if (!unit?.test) throw new Error('vite.config.ts has no `unit` test project');
const { name: _name, ...unitTest } = unit.test;

// Test files share one module cache: Stryker re-runs them thousands of times, and re-importing
// DuckDB, Plot and the views for every run costs more than the tests themselves.
export default defineConfig({ ...viteConfig, test: { ...unitTest, isolate: false } });
