// A study under review in the viewer: the reviewer's verdicts on its boxes, its missed findings, image problems and
// "reviewed", loaded from and saved at once to the browser's verdict store (src/review/verdict-store.ts, per
// release), shown on every view's overlay (review-overlay.ts) and in the side panel (review-panel.ts), and driven by
// the keys the panel lists. Works the same over pixels and over the schematic (view-geometry.ts).
//
//   startReview({ study, views, inQuestion, store, panelHost });

import { boxKey, imageKey, missedKey, studyKey } from '../../lib/review/verdict-keys.ts';
import { defaultRectangle, nudgeRectangle, screenArrow, type ArrowKey } from '../../lib/review/drawn-rectangle.ts';
import { IMAGE_PROBLEM_LABELS, verdictMark, verdictOfKey } from '../../lib/review/verdict-marks.ts';
import type { BoxVerdict, BoxVerdictKind, ImageProblemKind, ImageRef, Verdict } from '../../lib/review/verdict-types.ts';
import { HANGING_SLOTS, hangImages } from '../../lib/viewer/hanging.ts';
import { formatBox } from '../../lib/viewer/box-geometry.ts';
import type { Box, SampleBox, SampleImage } from '../../lib/types.ts';
import { reviewerName, setReviewerName, type VerdictStore } from '../../review/verdict-store.ts';
import { ReviewOverlay } from './review-overlay.ts';
import { ReviewPanel } from './review-panel.ts';
import { correctionView } from './correction-fields.ts';
import type { ViewGeometry } from './view-geometry.ts';

interface ReviewOptions {
  study: { id: string; images: readonly SampleImage[] };
  /** Per hanging slot the view's geometry, or null (no image, or it failed to load). */
  views: readonly (ViewGeometry | null)[];
  /** CSV lines of the boxes in question (a queue's), highlighted until they have a verdict. */
  inQuestion: ReadonlySet<number>;
  store: VerdictStore;
  panelHost: HTMLElement;
}

interface FocusableBox {
  slot: number;
  image: SampleImage;
  box: SampleBox;
  key: string;
}

export interface ReviewSession {
  /** This study's verdicts of the current reviewer, for the browser tests. */
  verdicts(): Verdict[];
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));
}

function imageRef(studyId: string, image: SampleImage): ImageRef {
  return { studyId, imageId: image.imageId, laterality: image.laterality, view: image.view };
}

export async function startReview(options: ReviewOptions): Promise<ReviewSession> {
  const { study, store } = options;
  const slots = hangImages(study.images).slots;
  const boxes: FocusableBox[] = slots.flatMap((image, slot) => (image ? image.boxes.map((box) => ({ slot, image, box, key: boxKey(image.imageId, box.box) })) : []));
  const mine = new Map<string, Verdict>();
  let reviewer = reviewerName();
  let focus = boxes.findIndex((b) => options.inQuestion.has(b.box.line));
  if (focus === -1) focus = boxes.length > 0 ? 0 : -1;
  /** A rectangle being drawn: a missed finding, or the focused box redrawn for "wrong position or size". */
  let drawing: { slot: number; box: Box | null; ready: boolean; redraw?: boolean } | null = null;

  const overlays = options.views.map((geometry, slot) => {
    const image = slots[slot];
    return geometry && image ? new ReviewOverlay(geometry, image.columns, image.rows) : null;
  });
  const panel = new ReviewPanel(options.panelHost, {
    reviewer: (name) => void changeReviewer(name),
    verdict: (kind) => void giveVerdict(kind),
    correct: {
      categories: (chosen) => void correctFocused({ categories: chosen }),
      findingBirads: (value) => void correctFocused({ findingBirads: value }),
      redraw: () => startRedraw(),
    },
    comment: (text) => void commentFocused(text),
    startDrawing: () => startDrawing(),
    saveMissed: (category, birads, comment) => void saveMissed(category, birads, comment),
    cancelDrawing: () => stopDrawing(),
    removeMissed: (key) => void removeVerdict(key),
    imageProblem: (slot, problem) => void setImageProblem(slot, problem),
    reviewed: (done) => void setReviewed(done),
  });

  async function load(): Promise<void> {
    mine.clear();
    const all = await store.all();
    for (const v of all) if (v.reviewer === reviewer && v.target.studyId === study.id) mine.set(v.key, v);
  }

  function base(key: string, comment = ''): { key: string; reviewer: string; time: string; comment: string } {
    return { key, reviewer, time: new Date().toISOString(), comment };
  }

  /** Saves at once; the status line says so, or why not (nothing is kept only in memory without saying). */
  async function save(verdict: Verdict): Promise<void> {
    // A verdict belongs to a reviewer (the review files refuse one without): ask for the name first.
    if (!reviewer) {
      panel.status.textContent = 'Type your reviewer name first: verdicts are kept under it.';
      panel.focusReviewer();
      return;
    }
    mine.set(verdict.key, verdict);
    render();
    try {
      await store.put(verdict);
      panel.status.textContent = `Saved (${mine.size} for this study).`;
    } catch (error) {
      panel.status.textContent = `Not saved: ${error instanceof Error ? error.message : String(error)}.`;
    }
  }

  async function removeVerdict(key: string): Promise<void> {
    mine.delete(key);
    render();
    try {
      await store.remove(reviewer, key);
      panel.status.textContent = `Removed (${mine.size} for this study).`;
    } catch (error) {
      panel.status.textContent = `Not removed: ${error instanceof Error ? error.message : String(error)}.`;
    }
  }

  async function changeReviewer(name: string): Promise<void> {
    setReviewerName(name);
    reviewer = name;
    await load();
    render();
  }

  async function giveVerdict(kind: BoxVerdictKind): Promise<void> {
    const b = boxes[focus];
    if (!b) return;
    const previous = mine.get(b.key);
    const target = { ...imageRef(study.id, b.image), box: b.box.box, categories: b.box.categories, findingBirads: b.box.findingBirads };
    // Corrections stay between the "wrong …" verdicts ("wrong category" then "wrong BI-RADS" corrects both) and go
    // with "correct" or "not a finding", which no correction can apply to.
    const corrected = previous?.kind === 'box' && kind.startsWith('wrong-') ? previous.corrected : undefined;
    await save({ ...base(b.key, previous?.comment ?? ''), kind: 'box', target, verdict: kind, ...(corrected ? { corrected } : {}) });
  }

  /** Saves a corrected field of the focused box's verdict at once; a box keeps at least one category. */
  async function correctFocused(change: NonNullable<BoxVerdict['corrected']>): Promise<void> {
    const b = boxes[focus];
    const previous = b ? mine.get(b.key) : undefined;
    if (previous?.kind !== 'box') return;
    const corrected = { ...previous.corrected, ...change };
    const noCategory = change.categories?.length === 0;
    if (noCategory) delete corrected.categories;
    const { corrected: _old, ...rest } = previous;
    await save({ ...rest, time: new Date().toISOString(), ...(Object.keys(corrected).length > 0 ? { corrected } : {}) });
    if (noCategory) panel.status.textContent = 'Not changed: a box needs at least one category, so it keeps the release’s.';
  }

  async function commentFocused(text: string): Promise<void> {
    const b = boxes[focus];
    const previous = b ? mine.get(b.key) : undefined;
    if (previous) await save({ ...previous, time: new Date().toISOString(), comment: text.trim() });
  }

  function startDrawing(): void {
    const active = document.activeElement?.closest('.viewer-cell') as HTMLElement | null;
    const candidates = [Number(active?.dataset.slot ?? NaN), boxes[focus]?.slot ?? NaN, ...overlays.keys()];
    const slot = candidates.find((s) => Number.isInteger(s) && overlays[s] !== null && overlays[s] !== undefined);
    if (slot === undefined) return;
    const image = slots[slot]!;
    drawing = { slot, box: defaultRectangle(image.columns, image.rows), ready: false };
    overlays.forEach((overlay, i) =>
      overlay?.setDrawing((box) => {
        drawing = { slot: i, box, ready: true };
        render();
        panel.category.focus();
      }),
    );
    render();
  }

  /** Redraws the focused box from where it is (as corrected, or the release's), on its own view only. */
  function startRedraw(): void {
    const b = boxes[focus];
    const verdict = b ? mine.get(b.key) : undefined;
    if (!b || verdict?.kind !== 'box' || !overlays[b.slot]) return;
    drawing = { slot: b.slot, box: verdict.corrected?.box ?? b.box.box, ready: false, redraw: true };
    overlays[b.slot]!.setDrawing((box) => void finishRedraw(box));
    render();
  }

  const finishRedraw = (box: Box) => (stopDrawing(), correctFocused({ box }));

  function stopDrawing(): void {
    drawing = null;
    for (const overlay of overlays) overlay?.setDrawing(null);
    render();
  }

  async function saveMissed(category: string, findingBirads: string, comment: string): Promise<void> {
    if (!drawing?.box) return;
    const image = slots[drawing.slot]!;
    const target = { ...imageRef(study.id, image), box: drawing.box, categories: [category], findingBirads };
    stopDrawing();
    await save({ ...base(missedKey(image.imageId), comment.trim()), kind: 'missed', target });
  }

  async function setImageProblem(slot: number, problem: ImageProblemKind | null): Promise<void> {
    const image = slots[slot];
    if (!image) return;
    if (problem === null) await removeVerdict(imageKey(image.imageId));
    else await save({ ...base(imageKey(image.imageId)), kind: 'image-problem', target: imageRef(study.id, image), problem });
  }

  async function setReviewed(done: boolean): Promise<void> {
    if (done) await save({ ...base(studyKey(study.id)), kind: 'reviewed', target: { studyId: study.id } });
    else await removeVerdict(studyKey(study.id));
  }

  function boxVerdict(key: string): BoxVerdictKind | null {
    const v = mine.get(key);
    return v?.kind === 'box' ? v.verdict : null;
  }

  /** Where the reviewer put the box, for a "wrong position or size" verdict that has a redrawn box. */
  function correctedBox(key: string): Box | null {
    const v = mine.get(key);
    return v?.kind === 'box' && v.verdict === 'wrong-geometry' ? (v.corrected?.box ?? null) : null;
  }

  function render(): void {
    overlays.forEach((overlay, slot) => {
      if (!overlay) return;
      const image = slots[slot]!;
      const problem = mine.get(imageKey(image.imageId));
      overlay.set({
        boxes: boxes.map((b, i) => ({ b, i })).filter(({ b }) => b.slot === slot).map(({ b, i }) => ({
          key: b.key, box: b.box.box, inQuestion: options.inQuestion.has(b.box.line), verdict: boxVerdict(b.key), focused: i === focus, corrected: correctedBox(b.key),
        })),
        missed: [...mine.values()].flatMap((v) => (v.kind === 'missed' && v.target.imageId === image.imageId ? [{ key: v.key, box: v.target.box, label: `${v.target.categories.join(' + ')} · ${v.target.findingBirads}` }] : [])),
        draft: drawing?.slot === slot ? drawing.box : null,
        imageProblem: problem?.kind === 'image-problem' ? IMAGE_PROBLEM_LABELS[problem.problem] : null,
      });
    });
    const b = boxes[focus];
    const verdict = b ? mine.get(b.key) : undefined;
    panel.render({
      reviewer,
      focused: b
        ? {
            text: `Box ${focus + 1} of ${boxes.length}: ${HANGING_SLOTS[b.slot].label} ${b.box.categories.join(' + ')} · BI-RADS ${b.box.findingBirads} · CSV line ${b.box.line}${options.inQuestion.has(b.box.line) ? ' · in question' : ''}${verdict?.kind === 'box' ? ` · ${verdictMark(verdict.verdict).label}` : ''}`,
            verdict: boxVerdict(b.key),
            comment: verdict?.comment ?? '',
            corrections: correctionView(verdict?.kind === 'box' ? verdict : null, b.box, drawing?.redraw === true),
          }
        : null,
      boxCount: { judged: boxes.filter((x) => boxVerdict(x.key) !== null).length, total: boxes.length },
      drawing: drawing && !drawing.redraw ? { view: HANGING_SLOTS[drawing.slot].label, ready: drawing.ready } : null,
      missed: [...mine.values()].flatMap((v) => (v.kind === 'missed' ? [{ key: v.key, text: `${v.target.laterality}${v.target.view} ${v.target.categories.join(' + ')} · ${v.target.findingBirads} at ${formatBox(v.target.box)}` }] : [])),
      views: slots.flatMap((image, slot) => {
        const p = image ? mine.get(imageKey(image.imageId)) : undefined;
        return image ? [{ slot, label: HANGING_SLOTS[slot].label, problem: p?.kind === 'image-problem' ? p.problem : null }] : [];
      }),
      reviewed: mine.has(studyKey(study.id)),
    });
  }

  function onKey(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (drawing && !drawing.ready && (e.key.startsWith('Arrow') || e.key === 'Enter' || e.key === 'Escape')) {
      e.preventDefault();
      e.stopImmediatePropagation();
      if (e.key === 'Escape') return stopDrawing();
      if (e.key === 'Enter' && drawing.redraw) return void finishRedraw(drawing.box ?? boxes[focus]!.box.box);
      if (e.key === 'Enter') {
        drawing.ready = true;
        render();
        panel.category.focus();
        return;
      }
      const image = slots[drawing.slot]!;
      const arrow = screenArrow(e.key as ArrowKey, overlays[drawing.slot]?.mirrored() ?? false);
      drawing.box = nudgeRectangle(drawing.box ?? defaultRectangle(image.columns, image.rows), arrow, e.shiftKey, image.columns, image.rows);
      render();
      return;
    }
    if (isTyping(e.target)) {
      if (e.key === 'Escape' && drawing) stopDrawing();
      return;
    }
    const kind = verdictOfKey(e.key);
    if (kind && focus !== -1) {
      e.preventDefault();
      void giveVerdict(kind);
    } else if (e.key === '0' && boxes[focus] && mine.has(boxes[focus].key)) {
      void removeVerdict(boxes[focus].key);
    } else if ((e.key === ']' || e.key === '[') && boxes.length > 0) {
      e.preventDefault();
      focus = (focus + (e.key === ']' ? 1 : -1) + boxes.length) % boxes.length;
      render();
    } else if (e.key === 'c' && mine.has(boxes[focus]?.key ?? '')) {
      e.preventDefault();
      panel.comment.focus();
    } else if (e.key === 'm') {
      e.preventDefault();
      startDrawing();
    } else if (e.key === 'v') {
      void setReviewed(!mine.has(studyKey(study.id)));
    }
  }

  await load();
  // Capture phase: while a rectangle is drawn, its Enter and Escape must not also enlarge or restore a view.
  document.addEventListener('keydown', onKey, true);
  render();
  return { verdicts: () => [...mine.values()] };
}
