// A tiny release with a partial images/ folder for viewer-partial-images.test.ts: three studies (CSV size
// 400 × 320), synthetic DICOMs (dcmjs) for some images only, one of them 300 × 240 (not the CSV's size), one named
// sample file missing. Written into a temporary folder by the test; nothing binary is committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { syntheticDicom } from '../fixtures/dicom/synthetic-dicom.ts';

export const ROWS = 400;
export const COLUMNS = 320;
const VIEWS = [['L', 'CC'], ['L', 'MLO'], ['R', 'CC'], ['R', 'MLO']] as const;
const STUDIES = [
  { id: 'aa01', split: 'training', birads: '4' },
  { id: 'ab02', split: 'test', birads: '2' },
  { id: 'ac03', split: 'test', birads: '1' },
] as const;
/** Finding rows with a box: study, view, category, finding BI-RADS, xmin, ymin, xmax, ymax. */
const BOXES = [
  // aa01 RCC: inside the file (300 × 240) and the CSV; then inside the CSV's 320 columns but beyond the file's 240.
  ['aa01', 'RCC', 'Mass', '4', 60, 80, 100, 120],
  ['aa01', 'RCC', 'Suspicious Calcification', '4', 260, 100, 300, 150],
  ['aa01', 'LCC', 'Mass', '4', 40, 150, 90, 200],
  ['ab02', 'LCC', 'Architectural Distortion', '', 100, 100, 160, 180],
] as const;

export const imageId = (study: string, lat: string, view: string) => `${study}-${lat}${view}`.toLowerCase();

export function writePartialRelease(dir: string): void {
  const header = 'study_id,series_id,image_id,laterality,view_position,height,width,breast_birads,breast_density,split';
  const breast: string[] = [header];
  const finding: string[] = [`${header.replace(',split', '')},finding_categories,finding_birads,xmin,ymin,xmax,ymax,split`];
  for (const s of STUDIES) {
    for (const [lat, view] of VIEWS) {
      const base = `${s.id},${s.id}-series,${imageId(s.id, lat, view)},${lat},${view},${ROWS},${COLUMNS},BI-RADS ${s.birads},DENSITY C`;
      breast.push(`${base},${s.split}`);
      const boxes = BOXES.filter((b) => b[0] === s.id && b[1] === `${lat}${view}`);
      if (boxes.length === 0) finding.push(`${base},['No Finding'],,,,,,${s.split}`);
      for (const b of boxes) finding.push(`${base},['${b[2]}'],${b[3] ? `BI-RADS ${b[3]}` : ''},${b[4]},${b[5]},${b[6]},${b[7]},${s.split}`);
    }
  }
  writeFileSync(join(dir, 'breast-level_annotations.csv'), `${breast.join('\n')}\n`);
  writeFileSync(join(dir, 'finding_annotations.csv'), `${finding.join('\n')}\n`);
  const dicom = (study: string, lat: 'L' | 'R', view: 'CC' | 'MLO', rows: number, columns: number, lesion?: { x: number; y: number; r: number }) => {
    mkdirSync(join(dir, 'images', study), { recursive: true });
    const buffer = syntheticDicom({ rows, columns, chestWall: lat === 'L' ? 'left' : 'right', laterality: lat, view, lesion, seed: `${study}${lat}${view}` });
    writeFileSync(join(dir, 'images', study, `${imageId(study, lat, view)}.dicom`), new Uint8Array(buffer));
  };
  // aa01: R-CC is 300 × 240 (not the CSV's 400 × 320), L-CC and L-MLO match, R-MLO is missing.
  dicom('aa01', 'R', 'CC', 300, 240, { x: 80, y: 100, r: 15 });
  dicom('aa01', 'L', 'CC', ROWS, COLUMNS, { x: 65, y: 175, r: 20 });
  dicom('aa01', 'L', 'MLO', ROWS, COLUMNS);
  // ab02: one file in the release, but not a sample of this build. ac03: none.
  dicom('ab02', 'L', 'CC', ROWS, COLUMNS);
}

