// The header census: per manufacturer and model, how the release's DICOM headers describe their pixels (transfer
// syntax, photometric interpretation, Presentation LUT Shape, VOI LUT Function, window presets and their
// explanations, bits stored, pixel spacing, padding), with counts. What a user needs to choose preprocessing; on the
// demo it shows the demo's traits. Pure: the build reads the headers once for everything (src/node/compute-stats.ts)
// and writes data/header-census.json.

export interface CensusHeader {
  manufacturer: string | null;
  model: string | null;
  transferSyntax: string | null;
  photometric: string | null;
  presentationLutShape: string | null;
  voiLutFunction: string | null;
  windowCenters: readonly number[];
  windowWidths: readonly number[];
  windowExplanations: readonly string[];
  bitsStored: number | null;
  /** Pixel Spacing (row, column) in mm. */
  pixelSpacing: readonly number[];
  paddingValue: number | null;
}

/** Value → number of images, keys in descending count then ascending name. */
type Counts = Record<string, number>;

interface CensusGroup {
  manufacturer: string;
  model: string;
  images: number;
  transferSyntax: Counts;
  photometric: Counts;
  presentationLutShape: Counts;
  voiLutFunction: Counts;
  /** "centre/width" pairs, one count per image carrying it (a multi-window image counts under each). */
  windows: Counts;
  windowExplanations: Counts;
  bitsStored: Counts;
  pixelSpacing: Counts;
  paddingValue: Counts;
}

/** What an absent element is counted as. */
const ABSENT = '(absent)';

const FIELDS = ['transferSyntax', 'photometric', 'presentationLutShape', 'voiLutFunction', 'windows', 'windowExplanations', 'bitsStored', 'pixelSpacing', 'paddingValue'] as const;
type Field = (typeof FIELDS)[number];

function text(value: string | null): string {
  const trimmed = value?.trim();
  return trimmed ? trimmed : ABSENT;
}

function valuesOf(header: CensusHeader, field: Field): string[] {
  switch (field) {
    case 'windows': {
      const n = Math.min(header.windowCenters.length, header.windowWidths.length);
      const pairs = Array.from({ length: n }, (_, i) => `${header.windowCenters[i]}/${header.windowWidths[i]}`);
      return pairs.length > 0 ? [...new Set(pairs)] : [ABSENT];
    }
    case 'windowExplanations': {
      const texts = header.windowExplanations.map((e) => e.trim()).filter(Boolean);
      return texts.length > 0 ? [...new Set(texts)] : [ABSENT];
    }
    case 'bitsStored':
      return [header.bitsStored === null ? ABSENT : String(header.bitsStored)];
    case 'pixelSpacing':
      return [header.pixelSpacing.length > 0 ? header.pixelSpacing.join(' × ') : ABSENT];
    case 'paddingValue':
      return [header.paddingValue === null ? ABSENT : String(header.paddingValue)];
    default:
      return [text(header[field])];
  }
}

function sorted(counts: Map<string, number>): Counts {
  const out: Counts = {};
  for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) out[key] = n;
  return out;
}

/** One group per (manufacturer, model), largest first; unknown names are counted under "(absent)". */
export function headerCensus(headers: Iterable<CensusHeader>): CensusGroup[] {
  const groups = new Map<string, { manufacturer: string; model: string; images: number; counts: Record<Field, Map<string, number>> }>();
  for (const header of headers) {
    const manufacturer = text(header.manufacturer);
    const model = text(header.model);
    const key = `${manufacturer}\u0000${model}`;
    let group = groups.get(key);
    if (!group) {
      group = { manufacturer, model, images: 0, counts: Object.fromEntries(FIELDS.map((f) => [f, new Map<string, number>()])) as Record<Field, Map<string, number>> };
      groups.set(key, group);
    }
    group.images++;
    for (const field of FIELDS) {
      for (const value of valuesOf(header, field)) group.counts[field].set(value, (group.counts[field].get(value) ?? 0) + 1);
    }
  }
  return [...groups.values()]
    .sort((a, b) => b.images - a.images || a.manufacturer.localeCompare(b.manufacturer) || a.model.localeCompare(b.model))
    .map((g) => ({
      manufacturer: g.manufacturer,
      model: g.model,
      images: g.images,
      ...(Object.fromEntries(FIELDS.map((f) => [f, sorted(g.counts[f])])) as Record<Field, Counts>),
    }));
}

/** data/header-census.json: the census of every DICOM file the release holds under images/. */
export interface HeaderCensusFile {
  schemaVersion: 1;
  /** DICOM files read, and those that could not be read as DICOM. */
  files: number;
  unreadable: number;
  groups: CensusGroup[];
}
