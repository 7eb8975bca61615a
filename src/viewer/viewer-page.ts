// Boots the viewer page for the study in ?study=: over its DICOMs when it is one of this build's sample studies or
// the site is served with the release's images in place (release-images.ts; viewer.ts, loaded only then, brings
// dwv), else as a schematic of what the CSVs say (schematic.ts) with the plain reason there are no pixels, else —
// an id the release does not have — a message saying so. Previous/next walk the study list's filter carried in the
// URL (viewer-walk.ts). Binds the page-wide keys and the toolbar.
// The running viewer is published as `window.vindrViewer` (pixels) or `window.vindrSchematic` for the browser
// tests and the bench; #viewer-grid's data-mode says which ('pixels', 'schematic', 'unknown', 'none'), and its
// data-source 'release' when the pixels come from the release served in place.
// With &queue=ID previous/next walk that review queue instead, and once the views are drawn the review (verdicts,
// missed findings) starts on them (src/viewer/review/, loaded on demand).

import { filterOfViewerUrl, studyListHref, walkStudies } from '../lib/studies/viewer-walk.ts';
import { studyViewerHref } from '../lib/site-pages.ts';
import { OUTPUT, siteUrl } from '../lib/site-data/outputs.ts';
import { serializeFilterQuery } from '../lib/studies/study-filter.ts';
import { decodeStudyIndex } from '../lib/studies/study-index.ts';
import type { StudyViewerRecord } from '../lib/studies/study-chunks.ts';
import { withServedImages } from '../lib/studies/served-images.ts';
import { noPixelsReason } from '../lib/viewer/no-pixels-reason.ts';
import { FILES } from '../lib/vocabulary.ts';
import type { SampleStudy, StudySummary } from '../lib/types.ts';
import type { Tool } from './dwv-view.ts';
import { prefetch } from './prefetch.ts';
import { releaseStudy, servedRelease, studyRecord } from './release-images.ts';
import { createSchematic, type Schematic } from './schematic.ts';
import type { Viewer } from './viewer.ts';
import type { ReviewQueue } from '../lib/review/review-queue.ts';

declare global {
  interface Window {
    vindrViewer?: Viewer;
    vindrSchematic?: Schematic;
  }
}

/** What the page's keys and toolbar act on, whichever mode is showing. */
interface Shown {
  setBoxesVisible(visible: boolean): void;
  setTool?(tool: Tool): void;
  enlarge(index: number | null): void;
  reset?(): void;
}

const STUDY_INDEX_URL = siteUrl(OUTPUT.studyIndex);

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function fetchStudyIndex(): Promise<StudySummary[]> {
  const response = await fetch(STUDY_INDEX_URL);
  if (!response.ok) throw new Error(`${STUDY_INDEX_URL}: HTTP ${response.status}`);
  // "Images available" in the walk's filter counts the studies the served release has, as the study list does.
  return withServedImages(decodeStudyIndex(await response.json()), await servedRelease());
}

/** Points previous/next at the neighbours in the study list's filter and says where this study stands in it. */
async function linkWalk(studyId: string | null, search: string, index: Promise<StudySummary[]>): Promise<void> {
  const filter = filterOfViewerUrl(search);
  const query = serializeFilterQuery(filter);
  const walkText = document.getElementById('viewer-walk')!;
  (document.getElementById('viewer-list') as HTMLAnchorElement).href = studyListHref(filter);
  const walk = walkStudies(await index, filter, studyId ?? '');
  const filtered = query ? 'the study list’s filter' : 'the study list';
  for (const [id, target] of [['viewer-prev', walk.previous], ['viewer-next', walk.next]] as const) {
    const link = document.getElementById(id) as HTMLAnchorElement;
    if (target) link.href = studyViewerHref(target, query);
    else link.removeAttribute('href');
  }
  walkText.textContent = walk.ids.length === 0
    ? `No study matches ${filtered}.`
    : studyId === null
      ? `${query ? 'The study list’s filter matches' : 'The study list has'} ${walk.ids.length.toLocaleString('en-US')} studies: next and previous go to the first and last.`
      : walk.position === -1
        ? `This study is not in ${filtered} (${walk.ids.length.toLocaleString('en-US')} studies): next and previous go to its first and last.`
        : `Study ${(walk.position + 1).toLocaleString('en-US')} of ${walk.ids.length.toLocaleString('en-US')} in ${filtered}.`;
  document.getElementById('viewer-grid')?.setAttribute('data-walk', 'ready');
}

function showReason(record: StudyViewerRecord): void {
  const box = document.getElementById('viewer-reason')!;
  const reason = noPixelsReason(record);
  const text = document.createElement('p');
  text.textContent = reason.text;
  box.replaceChildren(text);
  if (reason.command) {
    const code = document.createElement('code');
    code.className = 'mt-1 block font-mono text-xs';
    code.textContent = reason.command;
    box.append(code);
  }
  box.dataset.cause = reason.cause;
  box.classList.remove('hidden');
}

async function startPixels(study: SampleStudy, pre: ReturnType<typeof prefetch>, viewerModule: Promise<typeof import('./viewer.ts')>): Promise<Viewer> {
  const [{ createViewer }, files, previews] = await Promise.all([viewerModule, pre.files, pre.previews]);
  const viewer = createViewer(document.getElementById('main') ?? document.body, study, { files, previews });
  window.vindrViewer = viewer;
  window.addEventListener('pagehide', () => viewer.destroy(), { once: true });
  return viewer;
}

function startSchematic(record: StudyViewerRecord): Schematic {
  const schematic = createSchematic(document.getElementById('main') ?? document.body, record);
  window.vindrSchematic = schematic;
  // Window/level and reset act on pixels: off while there are none.
  (document.getElementById('viewer-tools') as HTMLFieldSetElement).disabled = true;
  (document.getElementById('viewer-reset') as HTMLButtonElement).disabled = true;
  showReason(record);
  return schematic;
}

function bindControls(shown: Shown): void {
  const boxes = document.getElementById('viewer-boxes') as HTMLInputElement;
  boxes.addEventListener('change', () => shown.setBoxesVisible(boxes.checked));
  const radios = [...document.querySelectorAll<HTMLInputElement>('input[name="viewer-tool"]')];
  for (const radio of radios) radio.addEventListener('change', () => radio.checked && shown.setTool?.(radio.value as Tool));
  document.getElementById('viewer-reset')!.addEventListener('click', () => shown.reset?.());
  document.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
    switch (e.key) {
      case 'b':
        boxes.checked = !boxes.checked;
        shown.setBoxesVisible(boxes.checked);
        break;
      case 'w': {
        if (!shown.setTool) return;
        const next = radios.find((r) => !r.checked);
        if (next) {
          next.checked = true;
          shown.setTool(next.value as Tool);
        }
        break;
      }
      case 'r':
        shown.reset?.();
        break;
      case 'Escape':
        shown.enlarge(null);
        break;
      default:
        return;
    }
  });
}

/** n/p follow the previous/next links (once the walk has set them). */
function bindWalkKeys(): void {
  document.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target) || (e.key !== 'n' && e.key !== 'p')) return;
    // Only once the walk has set the links (before that they point at the study list).
    if (document.getElementById('viewer-grid')?.dataset.walk !== 'ready') return;
    const link = document.getElementById(e.key === 'n' ? 'viewer-next' : 'viewer-prev') as HTMLAnchorElement;
    if (link.href) location.href = link.href;
  });
}

export async function startViewerPage(): Promise<void> {
  const status = document.getElementById('viewer-status')!;
  const title = document.getElementById('viewer-study')!;
  const grid = document.getElementById('viewer-grid')!;
  const pre = prefetch();
  const studyId = pre.studyId;
  const queueId = new URLSearchParams(location.search).get('queue');
  const review = import('./review/review-mode.ts');
  bindWalkKeys();
  // The study index serves the walk and says which ids the release has (no chunk request for an unknown id). Over
  // pixels it waits until the views are drawn: fetching and parsing it beside the DICOMs delayed the first view.
  let index: Promise<StudySummary[]> | null = null;
  const studyIndex = (): Promise<StudySummary[]> => (index ??= fetchStudyIndex());
  // A queue this browser does not have falls back to the study list's walk.
  let queue: Promise<ReviewQueue | null> = Promise.resolve(null);
  const walk = () =>
    void (queue = queueId && studyId ? review.then((m) => m.linkQueueWalk(queueId, studyId, studyIndex())) : queue)
      .then((inQueue) => (inQueue ? undefined : linkWalk(studyId, location.search, studyIndex())))
      .catch((error: unknown) => {
        document.getElementById('viewer-walk')!.textContent = `Previous/next are unavailable: the study index could not be loaded (${message(error)}).`;
      });
  title.textContent = studyId ?? '—';
  if (!studyId && queueId) {
    const resume = await (await review).resumeHref(queueId, studyIndex()).catch((error: unknown) => ({ problem: message(error) }));
    if ('href' in resume) return location.replace(resume.href);
    status.textContent = resume.problem;
    grid.dataset.mode = 'none';
    return;
  }
  if (!studyId) {
    walk();
    status.textContent = 'No study given. Pick a study from the study list.';
    grid.dataset.mode = 'none';
    return;
  }
  document.title = `Study ${studyId.slice(0, 8)}… · VinDr-Mammo Explorer`;
  // The pixel viewer (it brings dwv) is fetched while samples.json is on the wire, as before the schematic existed:
  // waiting for the list first would put the bundle's download on the first view's critical path.
  const viewerModule = import('./viewer.ts');
  viewerModule.catch(() => undefined);
  const samples = await pre.samples.catch(() => [] as SampleStudy[]);
  const sample = samples.find((s) => s.id === studyId);
  if (sample) {
    status.textContent = sample.reason ? `Why this study: ${sample.reason}.` : '';
    grid.dataset.mode = 'pixels';
    const viewer = await startPixels(sample, pre, viewerModule);
    bindControls(viewer);
    void viewer.settled.then(() => {
      walk();
      void review.then((m) => m.startReviewMode(sample, { kind: 'pixels', viewer }, queue));
    });
    return;
  }
  const served = await releaseStudy(studyId);
  if (served) {
    status.textContent = 'Not in this build: its DICOMs are read in place from the release’s images/ folder.';
    grid.dataset.mode = 'pixels';
    grid.dataset.source = 'release';
    const viewer = await startPixels(served, pre, viewerModule);
    bindControls(viewer);
    void viewer.settled.then(() => {
      walk();
      void review.then((m) => m.startReviewMode(served, { kind: 'pixels', viewer }, queue));
    });
    return;
  }
  walk();
  let record: StudyViewerRecord | null;
  try {
    const known = await studyIndex().then((all) => all.some((s) => s.id === studyId)).catch(() => true);
    record = known ? await studyRecord(studyId) : null;
  } catch (error) {
    status.textContent = `The study’s record could not be loaded (${message(error)}).`;
    grid.dataset.mode = 'none';
    return;
  }
  if (!record) {
    status.textContent = `Study “${studyId}” is not in this release: ${FILES.breast} has no such study_id. Check the id, or pick a study from the study list.`;
    grid.dataset.mode = 'unknown';
    // Nothing to show: no empty black panels, tools or legend for a study that does not exist.
    for (const id of ['viewer-toolbar', 'viewer-body']) document.getElementById(id)?.classList.add('hidden');
    return;
  }
  status.textContent = `${record.images.length} image(s) in the CSVs; shown as a schematic.`;
  grid.dataset.mode = 'schematic';
  const schematic = startSchematic(record);
  bindControls(schematic);
  void review.then((m) => m.startReviewMode(record, { kind: 'schematic', schematic }, queue));
}
