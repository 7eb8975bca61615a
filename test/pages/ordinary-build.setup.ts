// Every page test renders an ordinary build's pages, whatever build public/data/ last held (a public build's pages
// are tested in test/e2e/public-build.test.ts). A test file that mocks site-data.ts itself keeps this line in its mock.
import { vi } from 'vitest';

vi.mock('../../src/data/site-data.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/data/site-data.ts')>()),
  loadPublicStats: () => null,
}));
