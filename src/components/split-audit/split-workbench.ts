// The split workbench page's behaviour: a chosen or dropped CSV goes to the worker (parsed and audited there, never
// uploaded) and its report is drawn; the "Make folds" form asks the worker for a stratified split and downloads it.

import type { MakeSplitRequest } from '../../lib/split-audit/make-split-file.ts';
import type { WorkbenchReply, WorkbenchRequest } from './messages.ts';
import { renderReport } from './render-report.ts';
import { download } from '../page-dom.ts';

export function startSplitWorkbench(root: HTMLElement): void {
  const indexUrl = root.dataset.indexUrl ?? '/data/studies.json';
  const fileInput = root.querySelector<HTMLInputElement>('#split-file')!;
  const columnInput = root.querySelector<HTMLInputElement>('#split-column')!;
  const drop = root.querySelector<HTMLElement>('#split-drop')!;
  const status = root.querySelector<HTMLElement>('#split-status')!;
  const output = root.querySelector<HTMLElement>('#split-report')!;
  const makeForm = root.querySelector<HTMLFormElement>('#make-split')!;
  const makeStatus = root.querySelector<HTMLElement>('#make-status')!;
  const worker = new Worker(new URL('./split.worker.ts', import.meta.url), { type: 'module' });
  let pending: ((reply: WorkbenchReply) => void) | null = null;
  worker.onmessage = (event: MessageEvent<WorkbenchReply>) => pending?.(event.data);
  const ask = (request: WorkbenchRequest) =>
    new Promise<WorkbenchReply>((resolve) => {
      pending = resolve;
      worker.postMessage(request);
    });

  async function audit(file: File | null): Promise<void> {
    const name = file ? file.name : 'the official split';
    status.textContent = `Reading ${name}…`;
    root.dataset.state = 'busy';
    const reply = await ask(file ? { kind: 'audit', file, column: columnInput.value.trim() || undefined, indexUrl } : { kind: 'official', indexUrl });
    if (reply.kind === 'report') {
      renderReport(output, reply.report);
      status.textContent = `Audited ${name}.`;
      root.dataset.state = 'report';
    } else if (reply.kind === 'error') {
      output.replaceChildren();
      status.textContent = reply.message;
      root.dataset.state = 'error';
    }
  }

  root.querySelector<HTMLButtonElement>('#audit-official')!.addEventListener('click', () => void audit(null));
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) void audit(file);
  });
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('drop-active');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('drop-active'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('drop-active');
    const file = event.dataTransfer?.files[0];
    if (file) void audit(file);
  });

  makeForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(makeForm);
    const how = String(data.get('how'));
    const from = String(data.get('from'));
    const request: MakeSplitRequest = {
      ...(how === 'folds' ? { folds: Number(data.get('folds')) } : { ratios: String(data.get('ratios')) }),
      ...(from === 'training' || from === 'test' ? { from } : {}),
      seed: Number(data.get('seed')),
    };
    if (!Number.isSafeInteger(request.seed)) {
      makeStatus.textContent = 'The seed must be a whole number.';
      return;
    }
    makeStatus.textContent = 'Making the split…';
    const reply = await ask({ kind: 'make', request, indexUrl });
    if (reply.kind === 'split') {
      download(reply.fileName, reply.csv, 'text/csv');
      makeStatus.textContent = `Downloaded ${reply.fileName} (${reply.csv.trimEnd().split('\n').length - 1} studies). Choose it above to audit it.`;
    } else if (reply.kind === 'error') makeStatus.textContent = reply.message;
  });
  root.dataset.ready = 'true';
}
