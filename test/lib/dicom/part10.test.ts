// Walking a Part 10 file's bytes (src/lib/dicom/part10.ts): the transfer syntax read from the file meta group.
import { describe, expect, it } from 'vitest';
import { fileMetaTransferSyntax } from '../../../src/lib/dicom/part10.ts';

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

  it("reads it from a file's first bytes, and is null when they end inside the meta group", () => {
    const file = part10([[0x0002, 'UI', '1.2.3'], [0x0010, 'UI', '1.2.840.10008.1.2.5']]);
    expect(fileMetaTransferSyntax(file.subarray(0, file.length))).toBe('1.2.840.10008.1.2.5');
    expect(fileMetaTransferSyntax(file.subarray(0, file.length - 4))).toBeNull();
    expect(fileMetaTransferSyntax(file.subarray(0, 140))).toBeNull();
  });
});
