// The review page's behaviour: reads the verdict store of this release, draws the summary, and runs the reviewer
// name field, the exports (verdicts as CSV and JSON, the corrected finding_annotations.csv), import (merge, or a
// refusal that changes nothing) and clear (after a confirmation dialog).
import { download } from '../components/page-dom.ts';
import { correctedFindingCsv } from '../lib/review/corrected-findings.ts';
import { findingBoxLines } from '../lib/review/finding-lines.ts';
import { summarizeReview } from '../lib/review/review-summary.ts';
import { readRuleInstances, type RuleMembers } from '../lib/review/rule-instances.ts';
import { verdictsCsv } from '../lib/review/verdict-csv.ts';
import { readVerdictFile, sortVerdicts, verdictsJson, type ReviewRelease } from '../lib/review/verdict-file.ts';
import { mergeVerdicts } from '../lib/review/verdict-merge.ts';
import { FILES } from '../lib/vocabulary.ts';
import { renderSummary } from './render-summary.ts';
import { openVerdictStore, reviewerName, setReviewerName, type VerdictStore } from './verdict-store.ts';

/** The release's finding_annotations.csv as the build copied it, checked against stats.json's sha256. */
async function fetchFindingCsv(url: string, sha256: string | undefined): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} is not in this build (HTTP ${response.status}): rebuild the site with npm run build`);
  const bytes = await response.arrayBuffer();
  if (sha256 && globalThis.crypto?.subtle) {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
    if (hex !== sha256) throw new Error(`${url} is not the file this site's statistics were computed from (sha256 differs): rebuild the site`);
  }
  return new TextDecoder().decode(bytes);
}

/** The rules' instances, or why there are none (the build that writes quality-instances.csv may not have landed). */
async function fetchRules(url: string): Promise<{ rules: RuleMembers[] | null; note: string }> {
  const absent = { rules: null, note: 'Per-rule counts appear when the build writes data/quality-instances.csv (every instance of every quality rule); this build has none.' };
  if (url === '') return absent;
  try {
    const response = await fetch(url);
    if (!response.ok) return absent;
    const read = readRuleInstances(await response.text());
    return 'error' in read ? { rules: null, note: read.error } : { rules: read, note: '' };
  } catch {
    return absent;
  }
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function startReviewPage(root: HTMLElement): Promise<void> {
  const data = root.dataset;
  const release: ReviewRelease = { key: data.releaseKey ?? '', files: JSON.parse(data.releaseFiles ?? '{}') as ReviewRelease['files'] };
  const status = root.querySelector<HTMLElement>('#review-status')!;
  const summaryRoot = root.querySelector<HTMLElement>('#review-summary')!;
  const nameInput = root.querySelector<HTMLInputElement>('#reviewer-name')!;
  const importInput = root.querySelector<HTMLInputElement>('#review-import')!;
  const dialog = root.querySelector<HTMLDialogElement>('#review-clear-dialog')!;
  const say = (text: string) => (status.textContent = text);

  nameInput.value = reviewerName();
  nameInput.addEventListener('change', () => setReviewerName(nameInput.value));

  let store: VerdictStore;
  try {
    store = await openVerdictStore(release.key);
  } catch (error) {
    say(`This browser does not let the page keep verdicts (IndexedDB: ${error instanceof Error ? error.message : String(error)}).`);
    return;
  }
  const findingSha = release.files[FILES.finding]?.sha256;
  let findingCsv: Promise<string> | null = null;
  const findingText = () => (findingCsv ??= fetchFindingCsv(data.findingUrl ?? '', findingSha));
  const rules = fetchRules(data.instancesUrl ?? '');

  async function refresh(): Promise<void> {
    const verdicts = await store.all();
    const { rules: members, note } = await rules;
    let boxLines = new Map<string, number[]>();
    if (members !== null && verdicts.some((v) => v.kind === 'box')) boxLines = findingBoxLines(await findingText().catch(() => ''));
    renderSummary(summaryRoot, summarizeReview(verdicts, boxLines, members), note);
    root.dataset.verdicts = String(verdicts.length);
    root.dataset.state = 'ready';
  }

  root.querySelectorAll<HTMLButtonElement>('[data-export]').forEach((button) =>
    button.addEventListener('click', async () => {
      const verdicts = sortVerdicts(await store.all());
      const kind = button.dataset.export;
      if (kind === 'csv') download(`review-${release.key}-${today()}.csv`, verdictsCsv(release.key, verdicts), 'text/csv');
      else if (kind === 'json') download(`review-${release.key}-${today()}.json`, verdictsJson(release, verdicts), 'application/json');
      else {
        try {
          const corrected = correctedFindingCsv(await findingText(), verdicts);
          download(FILES.finding, corrected.text, 'text/csv');
          const unmatched = corrected.unmatched.length > 0 ? ` ${corrected.unmatched.length} verdicts name a box this release does not have and were left out.` : '';
          say(`Corrected ${FILES.finding}: ${corrected.removed} boxes removed, ${corrected.changed} changed, ${corrected.added} missed findings added.${unmatched}`);
          return;
        } catch (error) {
          say(`No corrected file: ${error instanceof Error ? error.message : String(error)}.`);
          return;
        }
      }
      say(`Exported ${verdicts.length} verdicts as ${kind.toUpperCase()}.`);
    }),
  );

  importInput.addEventListener('change', async () => {
    const file = importInput.files?.[0];
    if (!file) return;
    const read = readVerdictFile(file.name, await file.text(), release);
    importInput.value = '';
    if ('refused' in read) {
      say(`Refused, nothing changed: ${read.refused}.`);
      return;
    }
    const outcome = mergeVerdicts(await store.all(), read.verdicts);
    await store.putMany(outcome.toStore);
    const conflicting = outcome.conflicting > 0 ? ' Conflicting: this browser already held a different verdict by the same reviewer on the same target, as new or newer, and kept it.' : '';
    say(`Imported ${file.name}: ${outcome.added} added, ${outcome.updated} updated (the file’s were newer), ${outcome.conflicting} conflicting, ${outcome.unchanged} unchanged.${conflicting}`);
    await refresh();
  });

  root.querySelector<HTMLButtonElement>('#review-clear')!.addEventListener('click', async () => {
    const count = (await store.all()).length;
    root.querySelector<HTMLElement>('#review-clear-count')!.textContent = `This removes all ${count} verdicts of this release from this browser. It cannot be undone.`;
    dialog.showModal();
  });
  dialog.addEventListener('close', async () => {
    if (dialog.returnValue !== 'clear') return;
    await store.clear();
    say('All verdicts of this release were removed from this browser.');
    await refresh();
  });

  await refresh();
}
