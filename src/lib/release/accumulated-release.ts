// What the stats assembler reads once every row is in, and where the numbers came from: its own module so that the
// accumulator (which calls the assembler) and the assembler (which reads the accumulator) do not import each other.
import type { Stats } from '../types.ts';
import type { BoxTally } from './box-tally.ts';
import type { Interner } from './interner.ts';
import type { QualityLog } from './quality-log.ts';
import type { ReleaseIndex } from './release-index.ts';

export type AgeSource = Stats['source']['ageSource'];

/** Where the numbers came from; the node side fills it in (hashes, row counts, marker file). */
export interface StatsSource {
  files: Record<string, { sha256: string; rows: number }>;
  synthetic: boolean;
  ageSource: AgeSource;
  /** The release folder's own name (never a path). */
  release: string;
}

/** The accumulator's tallies as the assembler reads them (StatsAccumulator is one). */
export interface AccumulatedRelease {
  readonly quality: QualityLog;
  readonly index: ReleaseIndex;
  readonly boxes: BoxTally;
  readonly vendors: Interner;
  /** Vendor id per image, -1 when unknown. */
  readonly imageVendor: Int32Array;
  /** Age in years per study, NaN when unknown. */
  readonly studyAge: Float64Array;
  /** 1 where the release holds the image's DICOM file, and whether it has an images/ folder at all. */
  readonly imageFile: Uint8Array;
  readonly imagesFolder: boolean;
}
