// The hanging's cell sizes, shared by the pixel viewer and the schematic (no dwv here): one of four, or enlarged
// across both columns while the others hide.

export function layoutCell(cell: HTMLElement, label: string, enlarged: boolean, hidden: boolean): void {
  cell.classList.toggle('col-span-2', enlarged);
  cell.classList.toggle('hidden', hidden);
  const frame = cell.querySelector('.viewer-frame');
  frame?.classList.toggle('h-[clamp(16rem,40vh,34rem)]', !enlarged);
  frame?.classList.toggle('h-[78vh]', enlarged);
  cell.querySelector('.viewer-canvas')?.setAttribute('aria-label', `${label} view, ${enlarged ? 'press Escape for all four views' : 'press Enter to enlarge'}`);
}

/** Click (not a drag) or Enter on a cell's view calls `toggle`; returns the listener removal. */
export function bindEnlarge(container: HTMLElement, canEnlarge: () => boolean, isEnlarged: () => boolean, toggle: () => void): () => void {
  let down: { x: number; y: number } | null = null;
  const onDown = (e: PointerEvent) => {
    down = { x: e.clientX, y: e.clientY };
  };
  const onUp = (e: PointerEvent) => {
    if (down && Math.hypot(e.clientX - down.x, e.clientY - down.y) < 4 && !isEnlarged() && canEnlarge()) toggle();
    down = null;
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && canEnlarge()) {
      e.preventDefault();
      toggle();
    }
  };
  container.addEventListener('pointerdown', onDown);
  container.addEventListener('pointerup', onUp);
  container.addEventListener('keydown', onKey);
  return () => {
    container.removeEventListener('pointerdown', onDown);
    container.removeEventListener('pointerup', onUp);
    container.removeEventListener('keydown', onKey);
  };
}
