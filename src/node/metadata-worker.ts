// Worker-thread entry: reads metadata.csv of workerData.dir into an ImageFactsTable and posts it back, its typed
// arrays transferred (see metadata-facts.ts).

import { parentPort, workerData } from 'node:worker_threads';
import { ReleaseInputError } from '../lib/csv/errors.ts';
import { transferList } from '../lib/release/image-facts-table.ts';
import { collectMetadataFacts, type WorkerReply } from './metadata-facts.ts';

const port = parentPort!;
const { dir } = workerData as { dir: string };

try {
  const collected = await collectMetadataFacts(dir);
  if (collected === null) {
    port.postMessage({ kind: 'absent' } satisfies WorkerReply);
  } else {
    const parts = collected.table.toParts();
    port.postMessage({ kind: 'done', info: collected.info, parts } satisfies WorkerReply, transferList(parts));
  }
} catch (error) {
  const reply: WorkerReply =
    error instanceof ReleaseInputError
      ? { kind: 'input-error', location: { file: error.file, line: error.line, column: error.column }, reason: error.reason }
      : { kind: 'failure', message: error instanceof Error ? error.message : String(error) };
  port.postMessage(reply);
}
