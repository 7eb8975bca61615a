// The identities of verdicts and of the release they belong to: a verdict is (reviewer, key), and a review belongs to
// one release, named by a short hash of its CSV files' sha256 values, so demo and real reviews never mix.
import type { Box, Stats } from '../types.ts';

/**
 * A box verdict's key: the image and the corners as JavaScript prints the parsed CSV numbers. A coordinate that is
 * not a number is NaN when parsed and null once a viewer record went through JSON: both print `NaN`.
 */
export function boxKey(imageId: string, box: Box): string {
  const corner = (value: number | null) => (typeof value === 'number' ? String(value) : 'NaN');
  return `box:${imageId}:${corner(box.xmin)}:${corner(box.ymin)}:${corner(box.xmax)}:${corner(box.ymax)}`;
}

/** A missed finding's key: the image and an id of its own (several missed findings per image may exist). */
export function missedKey(imageId: string, id: string = randomId()): string {
  return `missed:${imageId}:${id}`;
}

export function imageKey(imageId: string): string {
  return `image:${imageId}`;
}

export function studyKey(studyId: string): string {
  return `study:${studyId}`;
}

function randomId(): string {
  return globalThis.crypto.randomUUID().slice(0, 8);
}

/**
 * The release a review belongs to: 16 hex digits of FNV-1a (64-bit) over the sorted `name=sha256` of the release's
 * CSV files. Hand-written because it must be synchronous and run in Node and the browser alike (SubtleCrypto is
 * async); the inputs are already sha256 values, so this only has to shorten them, not resist attack.
 */
export function releaseKey(stats: Pick<Stats, 'source'>): string {
  const text = Object.entries(stats.source.files)
    .filter(([name]) => name.toLowerCase().endsWith('.csv'))
    .map(([name, file]) => `${name}=${file.sha256}`)
    .sort()
    .join('\n');
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}
