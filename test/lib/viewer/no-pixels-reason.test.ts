import { describe, expect, it } from 'vitest';
import { noPixelsReason } from '../../../src/lib/viewer/no-pixels-reason.ts';

describe('noPixelsReason(record)', () => {
  it.each([
    [false, [false, false], 'release-has-no-images', /no images\/ folder/, 'npm run build -- --data DIR --studies s1'],
    [true, [false, false], 'study-not-in-release-images', /images\/s1\/ is missing/, 'npm run build -- --data DIR --studies s1'],
    [true, [true, true], 'not-copied-into-build', /^No pixels: this study’s DICOMs are in the release but not in this build.*served without the release’s images/, 'npm start -- --data DIR'],
    // A study the release holds only some views of says how many, not "this study's DICOMs".
    [true, [true, false], 'not-copied-into-build', /^No pixels: 1 of this study’s 2 DICOMs is in the release but not in this build/, 'npm start -- --data DIR'],
    [true, [true, true, false], 'not-copied-into-build', /^No pixels: 2 of this study’s 3 DICOMs are in the release/, 'npm start -- --data DIR'],
  ] as const)('release has images %s, study images in release %j → %s', (releaseHasImages, inRelease, cause, text, command) => {
    const reason = noPixelsReason({ id: 's1', releaseHasImages, images: inRelease.map((r) => ({ inRelease: r })) });
    expect(reason.cause).toBe(cause);
    expect(reason.text).toMatch(text);
    expect(reason.command).toBe(command);
  });
});
