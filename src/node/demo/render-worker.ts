// Worker-thread entry: runs the DICOM jobs it is sent, one at a time, and answers with each file's hash.

import { parentPort } from 'node:worker_threads';
import { runDicomJob } from './dicom-job.ts';
import type { DicomJob } from './dicom-job.ts';

const port = parentPort;
if (port === null) throw new Error('render-worker.ts must run in a worker thread');
port.on('message', (job: DicomJob) => {
  runDicomJob(job).then(
    (result) => port.postMessage({ ok: true, result }),
    (error: unknown) => port.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
