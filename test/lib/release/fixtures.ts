// Paths of the hand-written fixture releases (test/fixtures/releases/, see test/fixtures/README.md).
import { fileURLToPath } from 'node:url';

export const releaseFixture = (name: string): string =>
  fileURLToPath(new URL(`../../fixtures/releases/${name}`, import.meta.url));
