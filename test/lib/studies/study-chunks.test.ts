import { describe, expect, it } from 'vitest';
import { studyChunkUrl } from '../../../src/lib/studies/study-chunks.ts';

describe('studyChunkUrl(studyId)', () => {
  it.each([
    ['0a1b2c', '/data/studies/0a.json'],
    ['FFee00', '/data/studies/ff.json'],
    ['s2', '/data/studies/s2.json'],
    ['x', '/data/studies/_.json'],
    ['-abc', '/data/studies/_.json'],
  ])('puts %s in %s', (id, url) => {
    expect(studyChunkUrl(id)).toBe(url);
  });
});
