// Build-time data for the audit pages: stats.json and the study index through the site's shared loaders
// (src/data/site-data.ts). Every study of the release opens in the viewer (over its DICOMs when the build has them,
// else as a schematic), so an example links to the viewer whenever its study is in the index.

import { loadStats, loadStudyFacets } from '../../data/site-data.ts';
import type { Stats } from '../../lib/types.ts';

export interface AuditData {
  stats: Stats;
  /** Studies that open in the viewer: every study of the release (those the quality examples name). */
  viewableStudies: Set<string>;
}

export function loadAuditData(): AuditData {
  return { stats: loadStats(), viewableStudies: new Set(loadStudyFacets().examplesInRelease) };
}
