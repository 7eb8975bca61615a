// The split workbench's worker: reads the site's study index once, then parses a chosen split file with papaparse
// and audits it, or makes folds, with the same src/lib code as `npm run audit-split` / `npm run make-split`. The file
// never leaves the machine: it is read here, and only the report goes back to the page.

import Papa from 'papaparse';
import { ReleaseInputError } from '../../lib/csv/errors.ts';
import { auditSplit } from '../../lib/split-audit/audit-report.ts';
import { releaseFromIndex } from '../../lib/split-audit/index-fields.ts';
import { makeSplitFile, type MakeSplitRequest } from '../../lib/split-audit/make-split-file.ts';
import { officialSplitCsv } from '../../lib/split-audit/make-split.ts';
import { createSplitFileReader } from '../../lib/split-audit/split-file.ts';
import type { StudyAttributes } from '../../lib/split-audit/study-attributes.ts';
import { decodeStudyIndex } from '../../lib/studies/study-index.ts';
import type { WorkbenchReply, WorkbenchRequest } from './messages.ts';

let release: Promise<{ studies: StudyAttributes[]; sharedSeries: Map<string, string[]> }> | null = null;

function loadRelease(indexUrl: string) {
  release ??= fetch(indexUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`the study index ${indexUrl} could not be loaded (HTTP ${response.status})`);
      return response.json();
    })
    .then((data: unknown) => releaseFromIndex(decodeStudyIndex(data), data as { sharedSeries?: unknown }));
  return release;
}

async function sha256(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function audit(file: { name: string; arrayBuffer(): Promise<ArrayBuffer> }, column: string | undefined, indexUrl: string): Promise<WorkbenchReply> {
  const { studies, sharedSeries } = await loadRelease(indexUrl);
  const bytes = await file.arrayBuffer();
  // UTF-8 without a leading BOM, as the command line's reader decodes it.
  const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  const known = new Set(studies.map((s) => s.id));
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes' || e.code === 'InvalidQuotes');
  if (fatal) throw new ReleaseInputError({ file: file.name, line: (fatal.row ?? 0) + 1 }, `the CSV cannot be parsed: ${fatal.message}`);
  const records = parsed.data;
  if (records.length === 0 || (records.length === 1 && records[0].join('') === '')) throw new ReleaseInputError({ file: file.name }, 'the file is empty (no header line)');
  const reader = createSplitFileReader(file.name, records[0], { column, isKnownStudy: (id) => known.has(id) });
  for (let i = 1; i < records.length; i++) {
    if (records[i].length === 1 && records[i][0] === '') continue; // an empty line
    reader.onRow(records[i], i + 1);
  }
  const report = auditSplit(studies, reader.finish(), { fileFacts: { name: file.name, sha256: await sha256(bytes) }, sharedSeries });
  return { kind: 'report', report };
}

async function make(request: MakeSplitRequest, indexUrl: string): Promise<WorkbenchReply> {
  const { studies } = await loadRelease(indexUrl);
  const made = makeSplitFile(studies, request);
  return { kind: 'split', csv: made.csv, fileName: `${request.folds !== undefined ? `folds-${request.folds}` : `split-${request.ratios}`}-seed-${request.seed}.csv` };
}

self.onmessage = async (event: MessageEvent<WorkbenchRequest>) => {
  const request = event.data;
  let reply: WorkbenchReply;
  try {
    if (request.kind === 'audit') reply = await audit(request.file, request.column, request.indexUrl);
    else if (request.kind === 'make') reply = await make(request.request, request.indexUrl);
    else {
      // The official split audited as the file official-split.csv (the same bytes can be given to audit-split).
      const csv = officialSplitCsv((await loadRelease(request.indexUrl)).studies);
      const bytes = new TextEncoder().encode(csv);
      reply = await audit({ name: 'official-split.csv', arrayBuffer: async () => bytes.buffer.slice(0) as ArrayBuffer }, undefined, request.indexUrl);
    }
  } catch (error) {
    reply = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  (self as unknown as Worker).postMessage(reply);
};
