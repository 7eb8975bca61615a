// Starts the review on a viewer page once its views are drawn (loaded on demand, off the first view's critical
// path): the views' geometries over pixels or over the schematic, the release's verdict store, the queue's boxes in
// question. Published as `window.vindrReview` for the browser tests.

import type { ReviewQueue } from '../../lib/review/review-queue.ts';
import type { SampleImage } from '../../lib/types.ts';
import { openVerdictStore } from '../../review/verdict-store.ts';
import { currentReleaseKey } from '../../review/queue-store.ts';
import type { Schematic } from '../schematic.ts';
import type { Viewer } from '../viewer.ts';
import { queueBoxesInQuestion } from './queue-walk.ts';
import { startReview, type ReviewSession } from './review-session.ts';
import { pixelGeometry, schematicGeometry, type ViewGeometry } from './view-geometry.ts';

export { linkQueueWalk, resumeHref } from './queue-walk.ts';

declare global {
  interface Window {
    vindrReview?: ReviewSession;
  }
}

type Shown = { kind: 'pixels'; viewer: Viewer } | { kind: 'schematic'; schematic: Schematic };

function geometries(shown: Shown): (ViewGeometry | null)[] {
  const cells = [...document.querySelectorAll<HTMLElement>('.viewer-cell')];
  return cells.map((cell, index) => {
    const container = cell.querySelector<HTMLElement>('.viewer-canvas');
    if (!container) return null;
    if (shown.kind === 'pixels') {
      const view = shown.viewer.view(index);
      return view ? pixelGeometry(view, container) : null;
    }
    const view = shown.schematic.view(index);
    const svg = container.querySelector<SVGSVGElement>('svg.viewer-schematic');
    return view && svg ? schematicGeometry(svg, container, view) : null;
  });
}

export async function startReviewMode(study: { id: string; images: readonly SampleImage[] }, shown: Shown, queue: Promise<ReviewQueue | null>): Promise<void> {
  const panelHost = document.getElementById('viewer-panel');
  if (!panelHost) return;
  try {
    const store = await openVerdictStore(await currentReleaseKey());
    const inQuestion = queueBoxesInQuestion(await queue.catch(() => null), study.id, study.images);
    window.vindrReview = await startReview({ study, views: geometries(shown), inQuestion, store, panelHost });
  } catch (error) {
    const note = document.createElement('p');
    note.className = 'mb-4 text-sm text-red-800 dark:text-red-300';
    note.setAttribute('role', 'alert');
    note.textContent = `Reviewing is unavailable here: ${error instanceof Error ? error.message : String(error)}.`;
    panelHost.prepend(note);
  }
}
