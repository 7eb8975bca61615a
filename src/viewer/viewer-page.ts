// Boots the viewer page: picks the study named in ?study= from samples.json, links the previous and next sample
// studies, binds the page-wide keys and the toolbar, and starts the four-view viewer with the prefetched files.
// The running viewer is also published as `window.vindrViewer` for the browser tests and the bench.

import { studyViewerHref } from '../lib/site-pages.ts';
import type { SampleStudy } from '../lib/types.ts';
import type { Tool } from './dwv-view.ts';
import { prefetch } from './prefetch.ts';
import { createViewer, type Viewer } from './viewer.ts';

declare global {
  interface Window {
    vindrViewer?: Viewer;
  }
}


function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));
}

export async function startViewerPage(): Promise<void> {
  const status = document.getElementById('viewer-status')!;
  const title = document.getElementById('viewer-study')!;
  const pre = prefetch();
  let studies: SampleStudy[];
  try {
    studies = await pre.samples;
  } catch (error) {
    status.textContent = `The sample list could not be loaded (${error instanceof Error ? error.message : String(error)}).`;
    return;
  }
  const index = studies.findIndex((s) => s.id === pre.studyId);
  if (index === -1) {
    status.textContent = pre.studyId
      ? `No sample study “${pre.studyId}” in this build. Pick one from the study list.`
      : 'No study given. Pick a study with images from the study list.';
    title.textContent = pre.studyId ?? '—';
    if (studies.length > 0) {
      const first = document.getElementById('viewer-next') as HTMLAnchorElement;
      first.href = studyViewerHref(studies[0].id);
      first.textContent = 'First sample study →';
    }
    return;
  }
  const study = studies[index];
  title.textContent = study.id;
  document.title = `Study ${study.id.slice(0, 8)}… · VinDr-Mammo Explorer`;
  status.textContent = study.reason ? `Why this study: ${study.reason}.` : '';
  const prevId = studies[(index - 1 + studies.length) % studies.length].id;
  const nextId = studies[(index + 1) % studies.length].id;
  (document.getElementById('viewer-prev') as HTMLAnchorElement).href = studyViewerHref(prevId);
  (document.getElementById('viewer-next') as HTMLAnchorElement).href = studyViewerHref(nextId);

  const [files, previews] = await Promise.all([pre.files, pre.previews]);
  const viewer = createViewer(document.getElementById('main') ?? document.body, study, { files, previews });
  window.vindrViewer = viewer;

  const boxes = document.getElementById('viewer-boxes') as HTMLInputElement;
  boxes.addEventListener('change', () => viewer.setBoxesVisible(boxes.checked));
  const radios = [...document.querySelectorAll<HTMLInputElement>('input[name="viewer-tool"]')];
  for (const radio of radios) radio.addEventListener('change', () => radio.checked && viewer.setTool(radio.value as Tool));
  document.getElementById('viewer-reset')!.addEventListener('click', () => viewer.reset());

  document.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
    switch (e.key) {
      case 'n':
        location.href = studyViewerHref(nextId);
        break;
      case 'p':
        location.href = studyViewerHref(prevId);
        break;
      case 'b':
        boxes.checked = !boxes.checked;
        viewer.setBoxesVisible(boxes.checked);
        break;
      case 'w': {
        const next = radios.find((r) => !r.checked);
        if (next) {
          next.checked = true;
          viewer.setTool(next.value as Tool);
        }
        break;
      }
      case 'r':
        viewer.reset();
        break;
      case 'Escape':
        viewer.enlarge(null);
        break;
      default:
        return;
    }
  });
  window.addEventListener('pagehide', () => viewer.destroy(), { once: true });
}
