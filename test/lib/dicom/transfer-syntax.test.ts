// Transfer syntax names (src/lib/dicom/transfer-syntax.ts): named with the UID beside, unknown UIDs bare.
import { describe, expect, it } from 'vitest';
import { isCompressedSyntax, transferSyntaxLabel } from '../../../src/lib/dicom/transfer-syntax.ts';

describe('transfer syntaxes', () => {
  it('names the ones a release may carry, with the UID', () => {
    expect(transferSyntaxLabel('1.2.840.10008.1.2.1')).toBe('Explicit VR Little Endian (1.2.840.10008.1.2.1)');
    expect(transferSyntaxLabel('1.2.840.10008.1.2.4.90')).toBe('JPEG 2000 lossless (1.2.840.10008.1.2.4.90)');
    expect(transferSyntaxLabel('1.2.3.4')).toBe('1.2.3.4');
    expect(transferSyntaxLabel('toString')).toBe('toString');
    expect(transferSyntaxLabel(null)).toBe('unknown');
  });

  it('tells compressed from native pixel data', () => {
    expect(isCompressedSyntax('1.2.840.10008.1.2.5')).toBe(true);
    expect(isCompressedSyntax('1.2.840.10008.1.2.4.70')).toBe(true);
    expect(isCompressedSyntax('1.2.840.10008.1.2.1')).toBe(false);
    expect(isCompressedSyntax('1.2.840.10008.1.2')).toBe(false);
    expect(isCompressedSyntax('1.2.3.4')).toBe(false);
    expect(isCompressedSyntax(null)).toBe(false);
  });
});
