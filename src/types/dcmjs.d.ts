// dcmjs 0.51 ships no types: the little of its data API this project uses (write and read back a DICOM file).
declare module 'dcmjs' {
  type DicomJsonDataset = Record<string, { vr: string; Value?: unknown[] }>;
  class DicomDict {
    constructor(meta: DicomJsonDataset);
    meta: DicomJsonDataset;
    dict: DicomJsonDataset;
    write(options?: { allowInvalidVRLength?: boolean }): ArrayBuffer;
  }
  const data: {
    DicomDict: typeof DicomDict;
    DicomMessage: { readFile(buffer: ArrayBuffer, options?: Record<string, unknown>): DicomDict };
    DicomMetaDictionary: {
      denaturalizeDataset(dataset: Record<string, unknown>): DicomJsonDataset;
      naturalizeDataset(dataset: DicomJsonDataset): Record<string, unknown>;
    };
  };
  const dcmjs: { data: typeof data };
  export default dcmjs;
}
