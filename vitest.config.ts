import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Two layers, run separately: `vitest run --project unit` (fast, Node only) and
 * `vitest run --project e2e` (real Chromium and Firefox ESR on the production builds in
 * .output/; `npm run test:e2e` builds them first). See test/README.md.
 */
export default defineConfig({
  test: {
    projects: [
      {
        // WXT's test plugin: `wxt/browser` backed by @webext-core/fake-browser, plus the aliases
        // and globals of wxt.config.ts, so src/ modules run under Node unchanged.
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          // UI tests opt into a DOM per file: `// @vitest-environment happy-dom`.
          environment: 'node',
          include: ['test/unit/**/*.test.{ts,tsx}', 'test/sandbox/**/*.test.ts', 'src/**/*.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/support/global-setup.ts'],
          // Browsers are heavy and the machine has 2 cores: one spec file at a time.
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
          // A flaky browser start should not fail CI; a real bug fails all three times.
          retry: process.env.CI ? 1 : 0,
        },
      },
    ],
  },
});
