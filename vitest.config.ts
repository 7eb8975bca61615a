import { defineConfig } from 'vitest/config';

// Two projects: fast pure tests, and browser tests that drive Debian Chromium against the built site (dist/).
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
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
