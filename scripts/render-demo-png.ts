// CLI: renders the DICOMs of a release folder to small PNGs (one per study, its views side by side, boxes from
// finding_annotations.csv outlined in red), to look at what the demo generator drew.
//   npx tsx scripts/render-demo-png.ts --data DIR --out DIR [--factor N] [--no-boxes]

import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import dcmjs from 'dcmjs';
import Papa from 'papaparse';
import { PNG } from 'pngjs';
import { outlineBox, previewRgba, sideBySide } from '../src/lib/demo/render/preview.ts';
import type { Rgba } from '../src/lib/demo/render/preview.ts';
import { FILES } from '../src/lib/vocabulary.ts';

const USAGE = 'Usage: npx tsx scripts/render-demo-png.ts --data DIR --out DIR [--factor N] [--no-boxes]';
const { values: args } = parseArgs({
  options: { data: { type: 'string' }, out: { type: 'string' }, factor: { type: 'string' }, 'no-boxes': { type: 'boolean' }, help: { type: 'boolean' } },
});
if (args.help || !args.data || !args.out) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(args.help ? 0 : 1);
}
const factor = Number(args.factor ?? 6);
const data = args.data;
const out = args.out;

type Box = { xmin: number; ymin: number; xmax: number; ymax: number };
const boxesOf = new Map<string, Box[]>();
const order = new Map<string, number>();
const findingPath = join(data, FILES.finding);
if (!args['no-boxes'] && existsSync(findingPath)) {
  const rows = Papa.parse<Record<string, string>>(await readFile(findingPath, 'utf8'), { header: true, skipEmptyLines: true }).data;
  for (const r of rows) {
    if (r.xmin === '') continue;
    const list = boxesOf.get(r.image_id) ?? [];
    list.push({ xmin: Number(r.xmin), ymin: Number(r.ymin), xmax: Number(r.xmax), ymax: Number(r.ymax) });
    boxesOf.set(r.image_id, list);
  }
}
const breastPath = join(data, FILES.breast);
if (existsSync(breastPath)) {
  const rows = Papa.parse<Record<string, string>>(await readFile(breastPath, 'utf8'), { header: true, skipEmptyLines: true }).data;
  rows.forEach((r, i) => order.set(r.image_id, i));
}

const { DicomMessage, DicomMetaDictionary } = dcmjs.data;
const first = (v: unknown): number => Number(Array.isArray(v) ? v[0] : v);

await mkdir(out, { recursive: true });
const imagesDir = join(data, FILES.images);
for (const study of (await readdir(imagesDir)).sort()) {
  const files = (await readdir(join(imagesDir, study))).filter((f) => f.endsWith('.dicom'));
  files.sort((a, b) => (order.get(a.replace('.dicom', '')) ?? 0) - (order.get(b.replace('.dicom', '')) ?? 0));
  const tiles: Rgba[] = [];
  for (const f of files) {
    const bytes = await readFile(join(imagesDir, study, f));
    const ds = DicomMetaDictionary.naturalizeDataset(DicomMessage.readFile(new Uint8Array(bytes).buffer).dict);
    const pixelData = (ds.PixelData as ArrayBuffer[])[0];
    const tile = previewRgba(
      {
        pixels: new Uint16Array(pixelData),
        rows: Number(ds.Rows),
        columns: Number(ds.Columns),
        photometric: String(ds.PhotometricInterpretation),
        windowCenter: first(ds.WindowCenter),
        windowWidth: first(ds.WindowWidth),
      },
      factor,
    );
    for (const box of boxesOf.get(f.replace('.dicom', '')) ?? []) outlineBox(tile, box, factor, [255, 40, 40]);
    tiles.push(tile);
  }
  const strip = sideBySide(tiles, 8);
  const png = new PNG({ width: strip.width, height: strip.height });
  png.data = Buffer.from(strip.data);
  await writeFile(join(out, `${study}.png`), new Uint8Array(PNG.sync.write(png)));
  process.stderr.write(`render-demo-png: ${join(out, `${study}.png`)}\n`);
}
