import { describe, expect, it } from 'vitest';
import { explainLoadFailure } from '../../../src/lib/viewer/load-failure.ts';

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
