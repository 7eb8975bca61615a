// Writes one demo DICOM file the way the release's files are: explicit VR little endian, uncompressed 16-bit
// pixels, md5-hex UIDs, MediaStorageSOPClassUID and ImplementationClassUID "1.2.3.4", no SOPClassUID and no
// dates, but with the display tags a viewer needs. dcmjs encodes every header element; the ~20 MB pixel value
// is streamed after dcmjs's (empty) Pixel Data element instead of being copied through dcmjs's write buffer.

import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { endianness } from 'node:os';
import dcmjs from 'dcmjs';
import type { ImagePlan } from '../../lib/demo/plan-types.ts';
import type { VendorProfile } from '../../lib/demo/vendors.ts';
import { dicomAge } from '../../lib/demo/release-csv.ts';
import { EXPLICIT_VR_LITTLE_ENDIAN } from '../../lib/dicom/transfer-syntax.ts';

const { DicomDict, DicomMetaDictionary } = dcmjs.data;
const NON_COMPLIANT_UID = '1.2.3.4';
/** (7FE0,0010) OW, reserved bytes, 32-bit length 0: how dcmjs ends a file whose Pixel Data is empty. */
const EMPTY_PIXEL_DATA = Uint8Array.from([0xe0, 0x7f, 0x10, 0x00, 0x4f, 0x57, 0x00, 0x00, 0, 0, 0, 0]);

interface DicomHeaderInput {
  studyId: string;
  ageYears: number | null;
  profile: VendorProfile;
  image: ImagePlan;
}

/** The dataset as dcmjs's naturalized form; exported so tests can compare what was meant with what was read. */
function headerDataset(h: DicomHeaderInput): Record<string, unknown> {
  const { image, profile } = h;
  const spacing = [profile.pixelSpacingMm, profile.pixelSpacingMm];
  const ds: Record<string, unknown> = {
    SOPInstanceUID: image.imageId,
    StudyInstanceUID: h.studyId,
    SeriesInstanceUID: image.seriesId,
    Modality: 'MG',
    Manufacturer: profile.manufacturer,
    ManufacturerModelName: profile.model,
    ViewPosition: image.view,
    ImageLaterality: image.laterality,
    SamplesPerPixel: 1,
    PhotometricInterpretation: profile.photometric,
    Rows: image.height,
    Columns: image.width,
    ImagerPixelSpacing: spacing,
    PixelSpacing: spacing,
    BitsAllocated: 16,
    BitsStored: profile.bitsStored,
    HighBit: profile.bitsStored - 1,
    PixelRepresentation: 0,
    PixelPaddingValue: profile.pixelPaddingValue,
    WindowCenter: image.window.centers,
    WindowWidth: image.window.widths,
    RescaleIntercept: 0,
    RescaleSlope: 1,
    PixelData: [new ArrayBuffer(0)],
    _vrMap: { PixelData: 'OW', PixelPaddingValue: 'US' },
  };
  const age = dicomAge(h.ageYears);
  if (age !== '') ds.PatientAge = age;
  if (profile.rescaleType !== '') ds.RescaleType = profile.rescaleType;
  if (profile.windowExplanation !== '') {
    ds.WindowCenterWidthExplanation = profile.multiWindow ? ['NORMAL', 'HARDER'] : [profile.windowExplanation];
  }
  return ds;
}

/** The file's bytes up to and including the Pixel Data element header, with the pixel length filled in. */
function encodeHeader(h: DicomHeaderInput, pixelBytes: number): Uint8Array {
  const meta = {
    MediaStorageSOPClassUID: NON_COMPLIANT_UID,
    MediaStorageSOPInstanceUID: h.image.imageId,
    TransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN,
    ImplementationClassUID: NON_COMPLIANT_UID,
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(headerDataset(h));
  const bytes = new Uint8Array(dict.write());
  const tail = bytes.subarray(bytes.length - EMPTY_PIXEL_DATA.length);
  if (!tail.every((b, i) => b === EMPTY_PIXEL_DATA[i])) {
    throw new Error(`DICOM ${h.image.imageId}: dcmjs did not end the header with an empty Pixel Data element`);
  }
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).setUint32(bytes.length - 4, pixelBytes, true);
  return bytes;
}

/** Writes header + little-endian 16-bit pixels; returns the file's sha256. */
export async function writeDicomFile(path: string, h: DicomHeaderInput, pixels: Uint16Array): Promise<string> {
  // Typed arrays use the host's byte order; DICOM wants little endian (every platform Node ships on today).
  if (endianness() !== 'LE') throw new Error('writing DICOM pixels needs a little-endian host');
  const header = encodeHeader(h, pixels.byteLength);
  const body = new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength);
  const file = await open(path, 'w');
  try {
    await file.writev([header, body]);
  } finally {
    await file.close();
  }
  return createHash('sha256').update(header).update(body).digest('hex');
}
