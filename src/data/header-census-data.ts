// Build-time access to public/data/header-census.json (src/node/header-census-file.ts) for the vendors page; null
// when the build wrote none (no images/ in the release, or the build step is not run). Node-only.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HeaderCensusFile } from '../node/header-census-file.ts';

export const HEADER_CENSUS_PATH = join('public', 'data', 'header-census.json');

export function loadHeaderCensus(): HeaderCensusFile | null {
  const path = join(process.cwd(), HEADER_CENSUS_PATH);
  if (!existsSync(path)) return null;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as HeaderCensusFile;
  return parsed.schemaVersion === 1 ? parsed : null;
}
