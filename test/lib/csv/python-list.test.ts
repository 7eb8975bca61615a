import { describe, expect, test } from 'vitest';
import { parsePythonList } from '../../../src/lib/csv/python-list.ts';

describe('parsePythonList(text)', () => {
  test.each([
    ["['Mass']", ['Mass']],
    ["['No Finding']", ['No Finding']],
    ["['Nipple Retraction', 'Mass']", ['Nipple Retraction', 'Mass']],
    ["[ 'Mass' ,'Focal Asymmetry' ]", ['Mass', 'Focal Asymmetry']],
    ['["Mass", "Skin Thickening"]', ['Mass', 'Skin Thickening']],
    ["['Mass', ]", ['Mass']],
    ["[]", []],
    ["['it\\'s']", ["it's"]],
  ])('reads %s', (text, expected) => {
    expect(parsePythonList(text)).toEqual(expected);
  });

  test.each(['', 'Mass', "'Mass'", "['Mass'", "['Mass]", "['Mass' 'Asymmetry']", "['Mass'] x", '[Mass]', "['Mass',,'A']"])(
    'rejects %j',
    (text) => {
      expect(parsePythonList(text)).toBeNull();
    },
  );
});
