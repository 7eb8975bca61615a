// Window/level: presets from a file's Window Center / Window Width, which may be multi-valued (the GIOTTO model
// writes two of each: the n-th centre pairs with the n-th width), and the linear VOI function and data-range clamp
// exactly as dwv 0.36 applies them (the viewer's fast drawing path and its build-time previews share them). Pure.

export interface WindowPreset {
  name: string;
  center: number;
  width: number;
}

/**
 * One preset per (centre, width) pair. Pairs with a non-finite value or a width below 1 are dropped (DICOM requires
 * width ≥ 1); extra values without a partner are ignored; exact duplicates are kept once. Names come from the
 * Window Center & Width Explanation when given, else "File 1", "File 2", …
 */
export function windowPresets(centers: readonly number[], widths: readonly number[], explanations: readonly string[] = []): WindowPreset[] {
  const presets: WindowPreset[] = [];
  const n = Math.min(centers.length, widths.length);
  for (let i = 0; i < n; i++) {
    const center = centers[i];
    const width = widths[i];
    if (!Number.isFinite(center) || !Number.isFinite(width) || width < 1) continue;
    if (presets.some((p) => p.center === center && p.width === width)) continue;
    const explanation = explanations[i]?.trim();
    presets.push({ name: explanation ? explanation : `File ${presets.length + 1}`, center, width });
  }
  return presets;
}

/**
 * dwv's linear VOI function (class S in dwv.min.js), DICOM PS3.3 C.11.2.1.2: 0 at or below c − 0.5 − (w − 1)/2,
 * 255 above c − 0.5 + (w − 1)/2, linear between (not rounded).
 */
export function linearWindow(center: number, width: number): (value: number) => number {
  const c = center - 0.5;
  const w = width - 1;
  const lo = c - w / 2;
  const hi = c + w / 2;
  const slope = 255 / w;
  const intercept = (-c / w + 0.5) * 255;
  return (x) => (x <= lo ? 0 : x > hi ? 255 : x * slope + intercept);
}

/** dwv's clamp of a window to the rescaled data range (function D in dwv.min.js, linear VOI function). */
export function clampToDataRange(wl: { center: number; width: number }, range: { min: number; max: number }): { center: number; width: number } {
  return { center: Math.max(range.min, Math.min(wl.center, range.max)), width: Math.min(Math.max(wl.width, 1), range.max - range.min) };
}
