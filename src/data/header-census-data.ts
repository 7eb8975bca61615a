// Build-time access to data/header-census.json (written by the build's data step) for the vendors page; null when
// the build wrote none or an older one. Node-only.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HeaderCensusFile } from '../lib/census/header-census.ts';
import { OUTPUT } from '../lib/site-data/outputs.ts';

export function loadHeaderCensus(): HeaderCensusFile | null {
  const path = join(process.cwd(), 'public', OUTPUT.headerCensus);
  if (!existsSync(path)) return null;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as HeaderCensusFile;
  return parsed.schemaVersion === 1 ? parsed : null;
}
