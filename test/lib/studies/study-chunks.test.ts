import { describe, expect, it } from 'vitest';
import { groupStudyChunks, studyChunkKey, studyChunkUrl, toViewerRecord } from '../../../src/lib/studies/study-chunks.ts';
import type { SampleImage, SampleStudy } from '../../../src/lib/types.ts';

function image(imageId: string): SampleImage {
  return {
    imageId, seriesId: 'se', laterality: 'R', view: 'CC', url: `/data/images/s/${imageId}.dicom`, rows: 10, columns: 8,
    birads: '1', density: 'B', vendor: null, model: null, photometric: null, windowCenter: [], windowWidth: [], boxes: [],
  };
}
function study(id: string, images: string[] = ['i1']): SampleStudy {
  return { id, split: 'training', reason: '', ageYears: null, images: images.map(image) };
}

describe('studyChunkKey(studyId)', () => {
  it.each([
    ['0a1b2c', '0a'],
    ['FFee00', 'ff'],
    ['s2', 's2'],
    ['x', '_'],
    ['a/b', '_'],
    ['', '_'],
  ])('%s lives in chunk %s', (id, key) => {
    expect(studyChunkKey(id)).toBe(key);
  });
  it('names the chunk file the viewer fetches', () => {
    expect(studyChunkUrl('9fab')).toBe('/data/studies/9f.json');
  });
});

describe('toViewerRecord(study, where)', () => {
  it('marks each image in the build and in the release, and carries the release flag', () => {
    const record = toViewerRecord(study('ab1', ['i1', 'i2']), {
      inBuild: (id) => id === 'i1',
      inRelease: (id) => id !== 'i9',
      releaseHasImages: true,
    });
    expect(record.images.map((i) => [i.imageId, i.inBuild, i.inRelease])).toEqual([['i1', true, true], ['i2', false, true]]);
    expect(record.releaseHasImages).toBe(true);
    expect(record.id).toBe('ab1');
  });
});

describe('groupStudyChunks(records)', () => {
  it('puts each study under its key, ids as object keys, nothing lost', () => {
    const where = { inBuild: () => false, inRelease: () => false, releaseHasImages: false };
    const records = ['aa01', 'ab02', 'aa03', 'x'].map((id) => toViewerRecord(study(id), where));
    const chunks = groupStudyChunks(records);
    expect([...chunks.keys()]).toEqual(['aa', 'ab', '_']);
    expect(Object.keys(chunks.get('aa')!)).toEqual(['aa01', 'aa03']);
    expect(chunks.get('_')!.x.releaseHasImages).toBe(false);
    expect([...chunks.values()].reduce((n, c) => n + Object.keys(c).length, 0)).toBe(4);
  });
  it('an empty release gives no chunk', () => {
    expect(groupStudyChunks([]).size).toBe(0);
  });
});
