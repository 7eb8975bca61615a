import { describe, expect, it } from 'vitest';
import { noPixelsReason } from '../../../src/lib/viewer/no-pixels-reason.ts';

describe('noPixelsReason(record)', () => {
  it.each([
    [false, [false, false], 'release-has-no-images', /no images\/ folder/, 'npm run build -- --data DIR --studies s1'],
    [true, [false, false], 'study-not-in-release-images', /images\/s1\/ is missing/, 'npm run build -- --data DIR --studies s1'],
    [true, [true, false], 'not-copied-into-build', /in the release but not in this build.*served without the release’s images/, 'npm start -- --data DIR'],
  ] as const)('release has images %s, study images in release %j → %s', (releaseHasImages, inRelease, cause, text, command) => {
    const reason = noPixelsReason({ id: 's1', releaseHasImages, images: inRelease.map((r) => ({ inRelease: r })) });
    expect(reason.cause).toBe(cause);
    expect(reason.text).toMatch(text);
    expect(reason.command).toBe(command);
  });
});
