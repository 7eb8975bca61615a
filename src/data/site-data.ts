// Build-time access to the site's data for page frontmatter: reads what the build's data step wrote under public/
// (names and types: src/lib/site-data/outputs.ts) once per build. Pages receive their data from here and never know
// where it lives. Node-only (node:fs): never import it from browser code.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT, siteUrl } from '../lib/site-data/outputs.ts';
import type { StudyIndexFacets } from '../lib/studies/study-index.ts';
import type { Stats } from '../lib/types.ts';
import { blankStats } from '../lib/publish/blank-stats.ts';
import { isPublicStats, type PublicStats } from '../lib/publish/public-stats.ts';
import paperTables from './paper-tables.json';

/** Where the pipeline writes stats.json, relative to the project root (astro build runs there). */
const STATS_PATH = join('public', OUTPUT.stats);
/** Where users download it on the site. */
export const STATS_URL = siteUrl(OUTPUT.stats);
export const STUDY_INDEX_URL = siteUrl(OUTPUT.studyIndex);
export const QUALITY_INSTANCES_URL = siteUrl(OUTPUT.qualityInstances);

let cached: Stats | PublicStats | undefined;

/** stats.json as written: the full statistics, or those of a build that may be published (`public: true`). */
function readStatsFile(): Stats | PublicStats {
  if (cached) return cached;
  const path = join(process.cwd(), STATS_PATH);
  if (!existsSync(path)) {
    throw new Error(`${STATS_PATH} is missing: run \`npm run build\` (it writes it), or \`npm run stats -- --data DIR --out ${STATS_PATH}\`.`);
  }
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Stats | PublicStats;
  if (parsed.schemaVersion !== 1) {
    throw new Error(`${STATS_PATH}: schemaVersion ${String(parsed.schemaVersion)} is not the 1 this site reads.`);
  }
  cached = parsed;
  return parsed;
}

/** The statistics of a build that may be published, or null in a full build (or before any build). */
export function loadPublicStats(): PublicStats | null {
  if (!cached && !existsSync(join(process.cwd(), STATS_PATH))) return null;
  const stats = readStatsFile();
  return isPublicStats(stats) ? stats : null;
}

/**
 * The dataset statistics. Fails the build with a clear message when stats.json is missing or of another schema.
 * In a build that may be published: blank stats (blank-stats.ts), as the layout shows the public page instead.
 */
export function loadStats(): Stats {
  const stats = readStatsFile();
  return isPublicStats(stats) ? blankStats(stats.source.release) : stats;
}

/** The paper's published Tables 3–5 (src/data/paper-tables.json, copied from the project's reference data). */
type PaperTables = typeof paperTables;
export function loadPaperTables(): PaperTables {
  return paperTables;
}

/** The study index's filter choices and totals (never the index itself: a million-image release's is large). */
export function loadStudyFacets(): StudyIndexFacets {
  if (loadPublicStats()) return { studies: 0, withImages: 0, categories: [], vendors: [], unknownVendor: false, biradsPresent: [], densitiesPresent: [], examplesInRelease: [] };
  const path = join(process.cwd(), 'public', OUTPUT.studyFacets);
  if (!existsSync(path)) {
    throw new Error(`public/${OUTPUT.studyFacets} is missing: run \`npm run build\` (scripts/build-site.ts writes it).`);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as StudyIndexFacets;
}
