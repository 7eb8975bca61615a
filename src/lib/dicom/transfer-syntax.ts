// Names of the DICOM transfer syntaxes (PS3.5 §10, PS3.6 Table A-1) a mammography release may carry, for people: the
// viewer's messages and the header census say "JPEG 2000 lossless (1.2.840.10008.1.2.4.90)" rather than the UID.

/** The data set encoding of native files, and of every encapsulated syntax the viewer decodes. */
export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';

const NAMES: Readonly<Record<string, { name: string; compressed: boolean }>> = {
  '1.2.840.10008.1.2': { name: 'Implicit VR Little Endian', compressed: false },
  '1.2.840.10008.1.2.1': { name: 'Explicit VR Little Endian', compressed: false },
  '1.2.840.10008.1.2.2': { name: 'Explicit VR Big Endian', compressed: false },
  '1.2.840.10008.1.2.1.99': { name: 'deflated', compressed: true },
  '1.2.840.10008.1.2.4.50': { name: 'baseline JPEG', compressed: true },
  '1.2.840.10008.1.2.4.51': { name: 'extended JPEG', compressed: true },
  '1.2.840.10008.1.2.4.57': { name: 'JPEG lossless', compressed: true },
  '1.2.840.10008.1.2.4.70': { name: 'JPEG lossless', compressed: true },
  '1.2.840.10008.1.2.4.80': { name: 'JPEG-LS lossless', compressed: true },
  '1.2.840.10008.1.2.4.81': { name: 'JPEG-LS near-lossless', compressed: true },
  '1.2.840.10008.1.2.4.90': { name: 'JPEG 2000 lossless', compressed: true },
  '1.2.840.10008.1.2.4.91': { name: 'JPEG 2000', compressed: true },
  '1.2.840.10008.1.2.4.201': { name: 'HTJ2K lossless', compressed: true },
  '1.2.840.10008.1.2.4.202': { name: 'HTJ2K lossless RPCL', compressed: true },
  '1.2.840.10008.1.2.4.203': { name: 'HTJ2K', compressed: true },
  '1.2.840.10008.1.2.5': { name: 'RLE', compressed: true },
};

/** "JPEG 2000 lossless (1.2.840.10008.1.2.4.90)"; the bare UID when it has no name here; "unknown" for null. */
export function transferSyntaxLabel(uid: string | null): string {
  if (!uid) return 'unknown';
  const known = Object.hasOwn(NAMES, uid) ? NAMES[uid] : undefined;
  return known ? `${known.name} (${uid})` : uid;
}

/** Whether the syntax is a known compressed one (encapsulated or deflated pixel data). */
export function isCompressedSyntax(uid: string | null): boolean {
  return uid !== null && Object.hasOwn(NAMES, uid) && NAMES[uid].compressed;
}

/** Whether the syntax is JPEG 2000 (lossless or not). */
export function isJpeg2000(uid: string | null): boolean {
  return uid === '1.2.840.10008.1.2.4.90' || uid === '1.2.840.10008.1.2.4.91';
}

/** Whether the pixel data is native (implicit or explicit VR little endian, explicit big endian): no decoder needed. */
export function isNativeSyntax(uid: string | null): boolean {
  return uid !== null && Object.hasOwn(NAMES, uid) && !NAMES[uid].compressed;
}
