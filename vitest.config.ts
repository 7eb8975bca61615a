import { defineConfig } from 'vitest/config';

// Projects: fast pure tests (unit), pages rendered from fixtures (pages), browser tests that drive Debian Chromium
// against the built site (e2e, dist/), and the pages whose content depends on the release's optional files run
// again against a build from a real-shaped release (e2e-real-shaped: no metadata.csv, no images; built by its setup).
export default defineConfig({
  test: {
    allowOnly: false,
    projects: [
      'vitest.pages.config.ts',
      {
        test: {
          name: 'unit',
          include: ['test/lib/**/*.test.ts', 'test/scripts/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // Two files at a time: most of a browser test is waiting on the page, so two Chromiums share 2 cores well.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e-real-shaped',
          // The pages that show ages, vendors, sizes and boxes; the rest do not change without metadata.csv or images.
          include: ['test/e2e/dashboard-more.test.ts'],
          globalSetup: ['test/e2e/real-shaped-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
