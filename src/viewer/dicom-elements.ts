// Reading dwv's parsed DICOM elements for the viewer: single values, number lists, the greyscale pipeline's header
// fields (src/lib/viewer/greyscale.ts), the tables of a VOI LUT Sequence, and the view's preset menu.

import type { DataElement } from 'dwv';
import { modalityRange, voiFunction, type GreyscaleHeader, type VoiFunction, type VoiLutTable } from '../lib/viewer/greyscale.ts';
import { dataRangePreset, voiLutPresets, windowPresets, type WindowPreset } from '../lib/viewer/window-presets.ts';

export function firstString(meta: Record<string, DataElement>, key: string): string | null {
  const value = meta[key]?.value as unknown;
  if (Array.isArray(value) && value.length > 0) return String(value[0]).trim();
  return null;
}

export function numbers(meta: Record<string, DataElement>, key: string): number[] {
  const value = meta[key]?.value as unknown;
  return Array.isArray(value) ? value.map((v) => Number(v)) : [];
}

/** The header's greyscale pipeline parameters (PS3.3 C.7.6.3, C.11). */
export function greyscaleHeader(meta: Record<string, DataElement>, photometric: string | null): GreyscaleHeader {
  const bitsAllocated = numbers(meta, '00280100')[0] ?? 16;
  const bitsStored = numbers(meta, '00280101')[0] ?? bitsAllocated;
  const highBit = numbers(meta, '00280102')[0] ?? bitsStored - 1;
  return {
    bitsStored: Math.min(bitsStored, bitsAllocated),
    highBit: highBit < bitsAllocated ? highBit : bitsStored - 1,
    signed: numbers(meta, '00280103')[0] === 1,
    slope: numbers(meta, '00281053')[0] ?? 1,
    intercept: numbers(meta, '00281052')[0] ?? 0,
    photometric,
    presentationLutShape: firstString(meta, '20500020'),
  };
}

/** The VOI LUT Sequence's tables, with their explanations. */
function voiLuts(meta: Record<string, DataElement>, signed: boolean): { table: VoiLutTable; explanation: string | null }[] {
  const items = meta['00283010']?.value as unknown;
  if (!Array.isArray(items)) return [];
  return items.flatMap((item: Record<string, DataElement>) => {
    const descriptor = numbers(item, '00283002');
    const data = item['00283006']?.value as unknown;
    if (descriptor.length < 3 || !data || typeof (data as ArrayLike<number>).length !== 'number') return [];
    // The first mapped value is SS for signed pixels (PS3.3 C.11.2.1.1).
    const first = signed && descriptor[1] > 32767 ? descriptor[1] - 65536 : descriptor[1];
    return [{ table: { firstMapped: first, bits: descriptor[2], data: data as ArrayLike<number> }, explanation: firstString(item, '00283003') }];
  });
}

/**
 * The view's preset menu: the VOI LUT Sequence's tables first (the default when present), then every (centre, width)
 * pair of the header with its VOI LUT Function, else the data range of the stored values (`words`).
 */
export function presetMenu(meta: Record<string, DataElement>, header: GreyscaleHeader, words: ArrayLike<number>, monochrome: boolean): { presets: WindowPreset[]; fn: VoiFunction } {
  const fn = voiFunction(firstString(meta, '00281056'));
  const explanations = ((meta['00281055']?.value as string[] | undefined) ?? []).map(String);
  const presets = [...voiLutPresets(voiLuts(meta, header.signed)), ...windowPresets(numbers(meta, '00281050'), numbers(meta, '00281051'), explanations, fn)];
  if (presets.length === 0 && monochrome) {
    const unsigned = words instanceof Int16Array ? new Uint16Array(words.buffer, words.byteOffset, words.length) : words;
    const range = modalityRange(unsigned, header);
    if (range) presets.push(dataRangePreset(range));
  }
  return { presets, fn };
}
