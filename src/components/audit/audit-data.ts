// Build-time data for the audit pages: stats.json through the site's shared loader (src/data/site-data.ts), and
// the studies whose images this build holds, from the viewer's public/data/samples.json (absent → no viewer links).
// Node-only (node:fs): import it from page frontmatter only.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadStats } from '../../data/site-data.ts';
import { sampleStudyIds } from '../../lib/quality-rules.ts';
import type { Stats } from '../../lib/types.ts';

const SAMPLES_PATH = join('public', 'data', 'samples.json');

export interface AuditData {
  stats: Stats;
  /** Studies whose images this build holds (viewer links). */
  studiesWithImages: Set<string>;
}

export function loadAuditData(): AuditData {
  return { stats: loadStats(), studiesWithImages: readSampleIds(join(process.cwd(), SAMPLES_PATH)) };
}

/** A missing or unreadable samples.json only means no viewer links, never a failed build. */
function readSampleIds(path: string): Set<string> {
  if (!existsSync(path)) return new Set();
  try {
    return sampleStudyIds(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return new Set();
  }
}
