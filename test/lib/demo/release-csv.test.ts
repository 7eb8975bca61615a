// The demo release's CSVs, counted independently of the planner: parse the text the generator writes with
// papaparse and count rows by hand, then compare with the paper's tables (src/data/paper-tables.json).

import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import paper from '../../../src/data/paper-tables.json' with { type: 'json' };
import { planRelease } from '../../../src/lib/demo/plan-release.ts';
import { breastLevelCsv, findingCsv, metadataCsv } from '../../../src/lib/demo/release-csv.ts';

type Row = string[];
const parse = (text: string): { header: Row; rows: Row[] } => {
  const { data, errors } = Papa.parse<Row>(text, { skipEmptyLines: true });
  expect(errors).toEqual([]);
  return { header: data[0], rows: data.slice(1) };
};

let breast: { header: Row; rows: Row[] };
let finding: { header: Row; rows: Row[] };
let metadata: { header: Row; rows: Row[] };
let findingText: string;

beforeAll(() => {
  const plan = planRelease();
  breast = parse(breastLevelCsv(plan));
  findingText = findingCsv(plan);
  finding = parse(findingText);
  metadata = parse(metadataCsv(plan));
});

/** Column index by name; throws on a missing column so a renamed column fails loudly. */
const col = (t: { header: Row }, name: string) => {
  const i = t.header.indexOf(name);
  if (i < 0) throw new Error(`no column ${name}`);
  return i;
};

/** Python list literal → items ("['Mass', 'Skin Thickening']"). */
const listItems = (cell: string) => [...cell.matchAll(/'([^']*)'/g)].map((m) => m[1]);

describe('the demo CSVs reproduce the paper', () => {
  it('has 5,000 studies and 20,000 images, 4,000 / 1,000 studies per split', () => {
    expect(breast.rows).toHaveLength(20000);
    const split = new Map<string, string>();
    for (const r of breast.rows) split.set(r[col(breast, 'study_id')], r[col(breast, 'split')]);
    const perSplit = { training: 0, test: 0 } as Record<string, number>;
    for (const s of split.values()) perSplit[s]++;
    expect(perSplit).toEqual({ training: paper.studies.training, test: paper.studies.test });
  });

  it.each(['training', 'test'] as const)('Table 3 and 4 (%s): breast BI-RADS and density per breast', (split) => {
    const birads: Record<string, number> = {};
    const density: Record<string, number> = {};
    const seen = new Set<string>();
    for (const r of breast.rows) {
      if (r[col(breast, 'split')] !== split) continue;
      const key = `${r[col(breast, 'study_id')]}/${r[col(breast, 'laterality')]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const b = r[col(breast, 'breast_birads')].replace('BI-RADS ', '');
      const d = r[col(breast, 'breast_density')].replace('DENSITY ', '');
      birads[b] = (birads[b] ?? 0) + 1;
      density[d] = (density[d] ?? 0) + 1;
    }
    expect(birads).toEqual(paper.breastBirads[split]);
    expect(density).toEqual(paper.breastDensity[split]);
  });

  it.each(['training', 'test'] as const)('Table 5 (%s): each category of a box counted once', (split) => {
    const counts: Record<string, number> = {};
    for (const r of finding.rows) {
      if (r[col(finding, 'split')] !== split) continue;
      for (const k of listItems(r[col(finding, 'finding_categories')])) if (k !== 'No Finding') counts[k] = (counts[k] ?? 0) + 1;
    }
    expect(counts).toEqual(paper.findingCategories[split]);
  });
});

describe('the demo CSVs have the release\'s joint structure', () => {
  it('never gives a finding a BI-RADS above its breast\'s; skin, nipple and node findings alone have none', () => {
    const [fbCol, bCol, cCol] = [col(finding, 'finding_birads'), col(finding, 'breast_birads'), col(finding, 'finding_categories')];
    const above: Row[] = [];
    const plainWithBirads: Row[] = [];
    let checked = 0;
    for (const r of finding.rows) {
      const fb = r[fbCol];
      if (fb !== '') {
        if (Number(fb.slice(-1)) > Number(r[bCol].slice(-1))) above.push(r);
        checked++;
      }
      const plain = listItems(r[cCol]).every((k) => ['Skin Thickening', 'Skin Retraction', 'Nipple Retraction', 'Suspicious Lymph Node', 'No Finding'].includes(k));
      if (plain && fb !== '') plainWithBirads.push(r);
    }
    expect(above).toEqual([]);
    expect(plainWithBirads).toEqual([]);
    expect(checked).toBeGreaterThan(2000);
  });

  it('puts boxes on BI-RADS 3–5 breasts, plus about a dozen on BI-RADS 2, none on BI-RADS 1', () => {
    const byBirads: Record<string, number> = {};
    for (const r of finding.rows) {
      if (r[col(finding, 'xmin')] === '') continue;
      const b = r[col(finding, 'breast_birads')];
      byBirads[b] = (byBirads[b] ?? 0) + 1;
    }
    expect(byBirads['BI-RADS 1']).toBeUndefined();
    expect(byBirads['BI-RADS 2']).toBeGreaterThanOrEqual(6);
    expect(byBirads['BI-RADS 2']).toBeLessThanOrEqual(20);
    const total = Object.values(byBirads).reduce((a, b) => a + b, 0);
    expect(Math.abs(total - paper.otherFacts.findingBoxes)).toBeLessThan(80);
  });

  it('writes every No Finding row after every box row, and lists every image', () => {
    const cats = finding.rows.map((r) => r[col(finding, 'finding_categories')]);
    const firstEmpty = cats.indexOf("['No Finding']");
    expect(cats.slice(firstEmpty).every((c) => c === "['No Finding']")).toBe(true);
    expect(firstEmpty).toBeGreaterThan(2000);
    const images = new Set(finding.rows.map((r) => r[col(finding, 'image_id')]));
    expect(images.size).toBe(20000);
    expect(breast.rows.filter((r) => !images.has(r[col(breast, 'image_id')]))).toEqual([]);
  });

  it('shows most boxed breasts on both views and 42 boxes over an image edge', () => {
    const views = new Map<string, Set<string>>();
    let outside = 0;
    for (const r of finding.rows) {
      if (r[col(finding, 'xmin')] === '') continue;
      const key = `${r[col(finding, 'study_id')]}/${r[col(finding, 'laterality')]}`;
      views.set(key, (views.get(key) ?? new Set()).add(r[col(finding, 'view_position')]));
      const [x0, y0, x1, y1] = ['xmin', 'ymin', 'xmax', 'ymax'].map((c) => Number(r[col(finding, c)]));
      if (x0 < 0 || y0 < 0 || x1 > Number(r[col(finding, 'width')]) || y1 > Number(r[col(finding, 'height')])) outside++;
    }
    const both = [...views.values()].filter((s) => s.size === 2).length;
    expect(both / views.size).toBeGreaterThan(0.75);
    expect(both / views.size).toBeLessThan(0.9);
    expect(outside).toBe(42);
  });

  it('gives each study one split and four views, except one study with two L-CC and no L-MLO', () => {
    const studies = new Map<string, { splits: Set<string>; views: string[] }>();
    for (const r of breast.rows) {
      const s = studies.get(r[col(breast, 'study_id')]) ?? { splits: new Set(), views: [] };
      s.splits.add(r[col(breast, 'split')]);
      s.views.push(r[col(breast, 'laterality')] + r[col(breast, 'view_position')]);
      studies.set(r[col(breast, 'study_id')], s);
    }
    const odd = [...studies.values()].filter((s) => s.views.sort().join() !== 'LCC,LMLO,RCC,RMLO');
    expect(odd.map((s) => s.views.sort().join())).toEqual(['LCC,LCC,RCC,RMLO']);
    expect([...studies.values()].every((s) => s.splits.size === 1)).toBe(true);
  });

  it('uses 32-hex ids, unique per kind, and 28 studies with two series', () => {
    const hex = /^[0-9a-f]{32}$/;
    const imageIds = breast.rows.map((r) => r[col(breast, 'image_id')]);
    const bad = breast.rows.filter((r) => !(hex.test(r[0]) && hex.test(r[1]) && hex.test(r[2])));
    expect(bad).toEqual([]);
    expect(new Set(imageIds).size).toBe(20000);
    const series = new Map<string, Set<string>>();
    for (const r of breast.rows) series.set(r[0], (series.get(r[0]) ?? new Set()).add(r[1]));
    expect([...series.values()].filter((s) => s.size > 1)).toHaveLength(28);
  });

  it('writes float coordinates like the release and quotes only multi-item category lists', () => {
    const boxLine = findingText.split('\n')[1];
    expect(boxLine).toMatch(/,(\['[A-Za-z ]+'\]|"\['[^"]+', '[^"]+'\]"),(BI-RADS [345])?,-?\d+\.\d+,-?\d+\.\d+,-?\d+\.\d+,-?\d+\.\d+,(training|test)$/);
    expect(findingText).toContain(",['No Finding'],,,,,,");
    expect(findingText).toMatch(/"\['[A-Za-z ]+', '[A-Za-z ]+'\]"/);
    expect(findingText).not.toMatch(/"\['[A-Za-z ]+'\]"/);
  });
});

describe('the demo metadata.csv', () => {
  it('has the 21 real columns in order, SOP Instance UID twice', () => {
    expect(metadata.header).toEqual([
      'SOP Instance UID', 'Series Instance UID', 'SOP Instance UID', "Patient's Age", 'View Position', 'Image Laterality',
      'Photometric Interpretation', 'Rows', 'Columns', 'Imager Pixel Spacing', 'Pixel Spacing', 'Pixel Padding Value',
      'Pixel Padding Range Limit', 'Window Center', 'Window Width', 'Rescale Intercept', 'Rescale Slope', 'Rescale Type',
      'Window Center & Width Explanation', 'Manufacturer', "Manufacturer's Model Name",
    ]);
    expect(metadata.rows).toHaveLength(20000);
  });

  it('has manufacturers in the release\'s image counts, whole studies per vendor, sizes per vendor', () => {
    const images: Record<string, number> = {};
    const studyOf = new Map(breast.rows.map((r) => [r[2], r[0]]));
    const vendorOfStudy = new Map<string, Set<string>>();
    const wrong: string[] = [];
    for (const r of metadata.rows) {
      images[r[19]] = (images[r[19]] ?? 0) + 1;
      const s = studyOf.get(r[0])!;
      vendorOfStudy.set(s, (vendorOfStudy.get(s) ?? new Set()).add(r[19]));
      const size = `${r[7]}x${r[8]} ${r[6]}`;
      const ims = /^3580x(\d+) MONOCHROME2$/.exec(size);
      const ok =
        r[19] === 'SIEMENS' ? size === '3518x2800 MONOCHROME2'
        : r[19] === 'Planmed' ? size === '2812x2012 MONOCHROME1'
        : ims !== null && Number(ims[1]) >= 2531 && Number(ims[1]) <= 2812;
      const windowOk = r[19] === 'IMS GIOTTO S.p.A.' ? /^\[\d+, \d+\]$/.test(r[13]) && /^\[\d+, \d+\]$/.test(r[14]) : /^\d+$/.test(r[13]);
      if (!ok || !windowOk) wrong.push(`${r[19]} ${size} ${r[13]}`);
    }
    expect(wrong).toEqual([]);
    expect(images).toEqual(paper.otherFacts.manufacturers);
    expect([...vendorOfStudy.values()].every((v) => v.size === 1)).toBe(true);
  });

  it('has DICOM ages for ~88.7% of images, one age per study, screening-like', () => {
    const ages = metadata.rows.map((r) => r[3]);
    const known = ages.filter((a) => a !== '');
    expect(Math.abs(known.length / ages.length - paper.otherFacts.ageKnownShareOfImages)).toBeLessThan(0.02);
    expect(known.filter((a) => !/^\d{3}Y$/.test(a))).toEqual([]);
    const studyOf = new Map(breast.rows.map((r) => [r[2], r[0]]));
    const byStudy = new Map<string, Set<string>>();
    for (const r of metadata.rows) byStudy.set(studyOf.get(r[0])!, (byStudy.get(studyOf.get(r[0])!) ?? new Set()).add(r[3]));
    expect([...byStudy.values()].filter((a) => a.size !== 1)).toEqual([]);
    const years = known.map((a) => Number(a.slice(0, 3))).sort((a, b) => a - b);
    expect(years[0]).toBeGreaterThanOrEqual(20);
    expect(years[years.length - 1]).toBeLessThanOrEqual(95);
    const median = years[Math.floor(years.length / 2)];
    expect(median).toBeGreaterThanOrEqual(40);
    expect(median).toBeLessThan(60);
  });
});
