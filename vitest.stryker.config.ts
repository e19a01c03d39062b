/**
 * Vitest config for Stryker (stryker.config.mjs): only the unit tests. The vitest runner of
 * Stryker 9.6 has no option to pick one of the `projects` in vite.config.ts, and the `e2e`
 * project needs a built app and Chromium, so this config is the `unit` project on its own.
 */
import { defineConfig } from 'vitest/config';
import viteConfig from './vite.config';

export default defineConfig({
  ...viteConfig,
  test: { include: ['tests/unit/**/*.test.ts'], environment: 'node' },
});
