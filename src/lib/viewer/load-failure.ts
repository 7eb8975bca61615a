// Why a view could not be shown, in words for people: dwv's and its decoders' messages ("Underestimated buffer size,
// can't fix it....", "Offset is outside the bounds of the DataView.") become a plain statement of what is wrong with
// the file; the library's own words are kept as the detail shown behind a disclosure. Pure.

import { isCompressedSyntax, transferSyntaxLabel } from '../dicom/transfer-syntax.ts';

/** Every load ends within this time, drawn or with a message (a decoder that never answers included). */
export const LOAD_TIMEOUT_MS = 60_000;

/** The message of a load that ran out of time. */
export function timedOut(ms: number = LOAD_TIMEOUT_MS): string {
  return `the image did not finish decoding within ${ms / 1000} s`;
}

export interface LoadFailure {
  /** A sentence fragment: "LCC: " + message + "." is what the view shows. */
  message: string;
  /** The library's words, or null when there are none worth showing. */
  detail: string | null;
}

/** What the viewer knows about the bytes besides dwv's error. */
interface FileFacts {
  /** The DICM marker at byte 128. */
  dicomPrefix: boolean;
  /** Transfer Syntax UID (0002,0010) when the file meta holds one. */
  transferSyntax: string | null;
}

/** Maps a raw failure (dwv's error text, a worker's message) to what the view says. */
export function explainLoadFailure(raw: string, facts: FileFacts): LoadFailure {
  const detail = raw.trim() || null;
  if (!facts.dicomPrefix) return { message: 'this is not a DICOM file (no DICM marker at byte 128)', detail };
  if (facts.transferSyntax === null) {
    return { message: 'the file has the DICOM marker but its header names no transfer syntax (0002,0010), so its pixels cannot be read', detail };
  }
  if (/Cannot create mask image|bitsAllocated.*\b1\b/i.test(raw)) {
    return { message: 'its pixels are 1 bit deep (a mask or overlay, not a greyscale image), which this viewer does not show', detail };
  }
  if (/Unsupported.*transfer syntax|transfer syntax.*not supported|No decoder|unsupported transfer/i.test(raw)) {
    return { message: `its compression, ${transferSyntaxLabel(facts.transferSyntax)}, is not supported by this viewer`, detail };
  }
  if (/did not finish/i.test(raw)) return { message: raw, detail: null };
  if (/decoder worker|JPX|JPEG error|Underestimated buffer|can't fix|marker|Huffman|codestream|RLE/i.test(raw) || (isCompressedSyntax(facts.transferSyntax) && /Error/i.test(raw))) {
    return { message: `its ${transferSyntaxLabel(facts.transferSyntax)} pixel data could not be decoded: the compressed data is damaged or not what the header says`, detail };
  }
  if (/RangeError|typed array|outside the bounds|out of bounds|out of range|Offset is|truncated/i.test(raw)) {
    return { message: 'the DICOM file is truncated or damaged', detail };
  }
  if (/produced no image|no pixel data|No image/i.test(raw)) return { message: 'the file holds no image this viewer can show (no pixel data)', detail };
  if (/Not a valid DICOM|DICM/i.test(raw)) return { message: 'the DICOM header cannot be read', detail };
  if (/No loader/i.test(raw)) return { message: 'no DICOM reader accepts this file', detail };
  return { message: 'the file could not be shown', detail };
}
