import { describe, expect, it } from 'vitest';
import { explainLoadFailure, fileMetaTransferSyntax } from '../../../src/lib/viewer/load-failure.ts';

const dicom = { dicomPrefix: true, transferSyntax: '1.2.840.10008.1.2.1' };

describe('explainLoadFailure', () => {
  it.each([
    ['Underestimated buffer size, can\'t fix it....', { dicomPrefix: true, transferSyntax: '1.2.840.10008.1.2.5' }, 'its RLE (1.2.840.10008.1.2.5) pixel data could not be decoded: the compressed data is damaged or not what the header says'],
    ['decoder worker: Uncaught Error: JPX Error: Invalid box field size', { dicomPrefix: true, transferSyntax: '1.2.840.10008.1.2.4.90' }, 'its JPEG 2000 lossless (1.2.840.10008.1.2.4.90) pixel data could not be decoded: the compressed data is damaged or not what the header says'],
    ['Offset is outside the bounds of the DataView', dicom, 'the DICOM file is truncated or damaged'],
    ['dwv produced no image', dicom, 'the file holds no image this viewer can show (no pixel data)'],
    ['Cannot create mask image with bitsAllocated', dicom, 'its pixels are 1 bit deep (a mask or overlay, not a greyscale image), which this viewer does not show'],
    ['whatever', { dicomPrefix: false, transferSyntax: null }, 'this is not a DICOM file (no DICM marker at byte 128)'],
    ['Not a valid DICOM file (invalid DICM word found)', { dicomPrefix: true, transferSyntax: null }, 'the file has the DICOM marker but its header names no transfer syntax (0002,0010), so its pixels cannot be read'],
    ['Unsupported transfer syntax: 1.2.840.10008.1.2.4.80', { dicomPrefix: true, transferSyntax: '1.2.840.10008.1.2.4.80' }, 'its compression, JPEG-LS lossless (1.2.840.10008.1.2.4.80), is not supported by this viewer'],
  ])('%s → a plain statement, the words kept as detail', (raw, facts, message) => {
    expect(explainLoadFailure(raw, facts)).toEqual({ message, detail: raw });
  });
});

describe('fileMetaTransferSyntax', () => {
  function part10(elements: [number, string, string][]): Uint8Array {
    const parts: number[] = [...new Array(128).fill(0), ...'DICM'].map((c) => (typeof c === 'string' ? c.charCodeAt(0) : c));
    for (const [element, vr, value] of elements) {
      const text = value.length % 2 ? `${value}\0` : value;
      parts.push(0x02, 0x00, element & 0xff, element >> 8, vr.charCodeAt(0), vr.charCodeAt(1), text.length & 0xff, text.length >> 8);
      for (const ch of text) parts.push(ch.charCodeAt(0));
    }
    return new Uint8Array(parts);
  }

  it('reads (0002,0010) past other meta elements, without its padding', () => {
    expect(fileMetaTransferSyntax(part10([[0x0002, 'UI', '1.2.3'], [0x0010, 'UI', '1.2.840.10008.1.2.4.90']]))).toBe('1.2.840.10008.1.2.4.90');
  });

  it('is null when the meta group has none', () => {
    expect(fileMetaTransferSyntax(part10([[0x0002, 'UI', '1.2.3']]))).toBeNull();
  });
});
