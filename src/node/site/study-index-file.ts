// Build-time access to the study index for the /studies/ page frontmatter: reads public/data/studies.json (written
// by writeStudyData before `astro build`) to render the filter choices and the totals. Node-only.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompactStudyIndex } from '../../lib/studies/study-index.ts';

/** Where the pipeline writes the index, relative to the project root, and where the page fetches it. */
const STUDY_INDEX_PATH = join('public', 'data', 'studies.json');
export const STUDY_INDEX_URL = '/data/studies.json';

/** The compact index. Fails the build with a clear message when it is missing or of another version. */
export function loadStudyIndex(): CompactStudyIndex {
  const path = join(process.cwd(), STUDY_INDEX_PATH);
  if (!existsSync(path)) {
    throw new Error(`${STUDY_INDEX_PATH} is missing: run \`npm run build\` (scripts/build-site.ts writes it).`);
  }
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as CompactStudyIndex;
  if (parsed.version !== 1 || !Array.isArray(parsed.rows)) {
    throw new Error(`${STUDY_INDEX_PATH} is not a version 1 study index: rebuild with \`npm run build\`.`);
  }
  return parsed;
}
