// Lesions drawn at full resolution inside their boxes, one shape per finding category: mass blobs, calcification
// specks, spiculated distortions, asymmetries, a thickened or retracted skin line, a retracted nipple and an
// axillary node. Each lesion's detail comes from its own seed, so its CC and MLO drawings look alike.

import { randomLcg } from 'd3-random';
import { outlineDepth } from '../geometry.ts';
import type { BreastShape } from '../geometry.ts';
import type { BoxPlan, LesionKind } from '../plan-types.ts';
import { lesionKind } from '../box-placement.ts';
import { fbm, smoothstep } from './noise.ts';

/**
 * A float brightness patch of the image: the rectangle [x0, x0 + w) × [y0, y0 + h) of an image that is
 * `width` × `height` pixels. Lesions address it in image coordinates.
 */
export interface Canvas {
  data: Float32Array;
  x0: number;
  y0: number;
  w: number;
  h: number;
  width: number;
  height: number;
  shape: BreastShape;
}

const at = (c: Canvas, x: number, y: number): number => (y - c.y0) * c.w + (x - c.x0);

interface Region {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function clipRegion(c: Canvas, xmin: number, ymin: number, xmax: number, ymax: number): Region {
  return {
    x0: Math.max(c.x0, Math.floor(xmin)),
    y0: Math.max(c.y0, Math.floor(ymin)),
    x1: Math.min(c.x0 + c.w, Math.ceil(xmax)),
    y1: Math.min(c.y0 + c.h, Math.ceil(ymax)),
  };
}

/** Breast edge on row y, in pixels from the image's left edge, and the direction pointing into the breast. */
function edgeOnRow(c: Canvas, y: number): { x: number; inward: number } {
  const reach = outlineDepth(c.shape, (y + 0.5) / c.height) * c.width;
  return c.shape.laterality === 'L' ? { x: reach, inward: -1 } : { x: c.width - reach, inward: 1 };
}

/** An irregular radius: 1 plus a few low harmonics of the angle. */
function margin(rand: () => number, amount: number): (angle: number) => number {
  const harmonics = [2, 3, 4, 5, 7].map((k) => ({ k, a: amount * (rand() - 0.5) * 2 / k ** 0.6, phase: rand() * Math.PI * 2 }));
  return (angle) => {
    let r = 1;
    for (const h of harmonics) r += h.a * Math.sin(h.k * angle + h.phase);
    return r;
  };
}

/** Raises brightness toward `level` by `amount` (0–1), keeping air outside the breast untouched. */
function blend(data: Float32Array, i: number, level: number, amount: number): void {
  const b = data[i];
  if (b <= 0.02 || amount <= 0) return;
  data[i] = b + (level - b) * Math.min(1, amount);
}

interface BlobOptions {
  /** Radii as a share of the box's half-size. */
  fill: number;
  /** Added brightness at the centre. */
  amp: number;
  /** Width of the margin's fall-off, as a share of the radius (0 sharp … 1 ill-defined). */
  soft: number;
  irregular: number;
  /** Share of the density modulated by noise (asymmetries hold interspersed fat). */
  texture: number;
  /** Centre offset toward the chest wall, as a share of the box width (for a mass under retracted skin). */
  inward?: number;
}

/** A dome of added density: masses and asymmetries. Additive, so a lesion stays visible in dense tissue. */
function drawBlob(c: Canvas, box: BoxPlan, rand: () => number, o: BlobOptions): void {
  const towardChest = c.shape.laterality === 'L' ? -1 : 1;
  const cx = (box.xmin + box.xmax) / 2 + towardChest * (o.inward ?? 0) * (box.xmax - box.xmin);
  const cy = (box.ymin + box.ymax) / 2;
  const rx = ((box.xmax - box.xmin) / 2) * o.fill;
  const ry = ((box.ymax - box.ymin) / 2) * o.fill;
  const edge = margin(rand, o.irregular);
  const seed = Math.floor(rand() * 1e9);
  const grain = Math.max(12, Math.min(rx, ry) / 4);
  const r = clipRegion(c, cx - rx * 1.5, cy - ry * 1.5, cx + rx * 1.5, cy + ry * 1.5);
  for (let y = r.y0; y < r.y1; y++) {
    for (let x = r.x0; x < r.x1; x++) {
      const dx = (x - cx) / rx;
      const dy = (y - cy) / ry;
      const d = Math.sqrt(dx * dx + dy * dy) / edge(Math.atan2(dy, dx));
      if (d > 1 + o.soft) continue;
      const dome = Math.sqrt(Math.max(0, 1 - d * d * 0.6)) * smoothstep(1 + o.soft, 1 - o.soft * 0.5, d);
      const t = o.texture > 0 ? 1 - o.texture + o.texture * 1.5 * fbm(seed, x / grain, y / grain, 3) : 1;
      const i = at(c, x, y);
      if (c.data[i] > 0.02) c.data[i] += o.amp * dome * t;
    }
  }
}

/** Thin bright lines from a centre: spicules of a malignant mass or an architectural distortion. */
function drawSpicules(c: Canvas, cx: number, cy: number, inner: number, outer: number, count: number, rand: () => number, level: number): void {
  const lines = Array.from({ length: count }, () => {
    const a = rand() * Math.PI * 2;
    const len = outer * (0.6 + 0.4 * rand());
    return { ux: Math.cos(a), uy: Math.sin(a), len, width: 1.6 + 2.2 * rand() };
  });
  const reach = outer * 1.05;
  const r = clipRegion(c, cx - reach, cy - reach, cx + reach, cy + reach);
  for (let y = r.y0; y < r.y1; y++) {
    for (let x = r.x0; x < r.x1; x++) {
      const px = x - cx;
      const py = y - cy;
      let m = 0;
      for (const l of lines) {
        const along = px * l.ux + py * l.uy;
        if (along < inner * 0.5 || along > l.len) continue;
        const across = Math.abs(px * l.uy - py * l.ux);
        const taper = 1 - along / l.len;
        const w = l.width * (0.4 + taper);
        if (across < w * 2) m = Math.max(m, Math.exp(-(across * across) / (w * w)) * (0.5 + 0.5 * taper));
      }
      if (m > 0.01) blend(c.data, at(c, x, y), level, m);
    }
  }
}

function drawCalcifications(c: Canvas, box: BoxPlan, rand: () => number, malignant: boolean): void {
  const cx = (box.xmin + box.xmax) / 2;
  const cy = (box.ymin + box.ymax) / 2;
  const rx = (box.xmax - box.xmin) * 0.4;
  const ry = (box.ymax - box.ymin) * 0.4;
  const count = 14 + Math.floor(rand() * 24);
  for (let k = 0; k < count; k++) {
    // Clustered: spread over the box, a little denser toward the middle.
    const a = rand() * Math.PI * 2;
    const d = Math.pow(rand(), 0.7) * 0.95;
    const sx = cx + Math.cos(a) * d * rx;
    const sy = cy + Math.sin(a) * d * ry;
    const radius = 2 + rand() * (malignant ? 2.5 : 3.5);
    // Fine linear (branching) forms for the suspicious kind: a short elongated speck.
    const elong = malignant && rand() < 0.5 ? 2 + rand() * 2.5 : 1 + rand() * 0.4;
    const angle = rand() * Math.PI;
    const ca = Math.cos(angle);
    const sa = Math.sin(angle);
    const ext = radius * elong * 2.5;
    const r = clipRegion(c, sx - ext, sy - ext, sx + ext, sy + ext);
    for (let y = r.y0; y < r.y1; y++) {
      for (let x = r.x0; x < r.x1; x++) {
        const px = x - sx;
        const py = y - sy;
        const along = (px * ca + py * sa) / elong;
        const across = px * sa - py * ca;
        const q = (along * along + across * across) / (radius * radius);
        if (q < 4) blend(c.data, at(c, x, y), 1.08, Math.exp(-q * 1.6) * 1.2);
      }
    }
  }
}

/**
 * The skin line inside the box: thickened by up to `thickness` px (fading out toward the box's ends), and pulled
 * inward by up to `dimple` px (retraction) with a few strands tethering it to the tissue behind.
 */
function drawSkin(c: Canvas, box: BoxPlan, rand: () => number, thickness: number, dimple: number, strands: boolean): void {
  const cy = (box.ymin + box.ymax) / 2;
  const h = box.ymax - box.ymin;
  const alongSigma = h * 0.32;
  const dimpleSigma = h * 0.16;
  const r = clipRegion(c, box.xmin - 20, box.ymin - h * 0.2, box.xmax + 20, box.ymax + h * 0.2);
  const seed = Math.floor(rand() * 1e9);
  for (let y = r.y0; y < r.y1; y++) {
    const e = edgeOnRow(c, y);
    const dy = y - cy;
    const along = Math.exp(-(dy * dy) / (2 * alongSigma * alongSigma));
    const pull = dimple * Math.exp(-(dy * dy) / (2 * dimpleSigma * dimpleSigma));
    const edgeX = e.x + e.inward * pull;
    const t = 4 + thickness * along * (0.8 + 0.4 * fbm(seed, y / 60, 0.5, 2));
    for (let x = r.x0; x < r.x1; x++) {
      const depthIn = (x - edgeX) * e.inward; // > 0 inside the (retracted) breast
      const i = at(c, x, y);
      if (depthIn < 0) {
        // Retracted skin leaves air where the breast used to be.
        if (pull > 0.5) c.data[i] = depthIn > -1 ? c.data[i] * 0.5 : 0;
        continue;
      }
      if (depthIn < t * 1.3 && c.data[i] > 0.02) c.data[i] += 0.24 * smoothstep(t * 1.3, t * 0.7, depthIn) * Math.max(along, pull / Math.max(dimple, 1));
    }
  }
  if (strands && dimple > 0) {
    const e = edgeOnRow(c, Math.round(cy));
    drawSpicules(c, e.x + e.inward * (dimple + 4), cy, 0, (box.xmax - box.xmin) * 0.8, 5, rand, 0.42);
  }
}

function drawLymphNode(c: Canvas, box: BoxPlan, rand: () => number): void {
  const cx = (box.xmin + box.xmax) / 2;
  const cy = (box.ymin + box.ymax) / 2;
  const rx = (box.xmax - box.xmin) * 0.36;
  const ry = (box.ymax - box.ymin) * 0.3;
  const tilt = rand() * Math.PI;
  const ct = Math.cos(tilt);
  const st = Math.sin(tilt);
  const hilumAngle = rand() * Math.PI * 2;
  const hx = cx + Math.cos(hilumAngle) * rx * 0.75;
  const hy = cy + Math.sin(hilumAngle) * ry * 0.75;
  const r = clipRegion(c, cx - rx * 1.3, cy - rx * 1.3, cx + rx * 1.3, cy + rx * 1.3);
  for (let y = r.y0; y < r.y1; y++) {
    for (let x = r.x0; x < r.x1; x++) {
      const px = x - cx;
      const py = y - cy;
      const a = (px * ct + py * st) / rx;
      const b = (-px * st + py * ct) / ry;
      const d = Math.sqrt(a * a + b * b);
      const hd = Math.hypot(x - hx, y - hy) / (rx * 0.45);
      const dome = Math.sqrt(Math.max(0, 1 - d * d * 0.7));
      const node = smoothstep(1.1, 0.8, d) * (0.55 + 0.45 * dome) * (1 - 0.6 * smoothstep(1, 0.4, hd));
      const i = at(c, x, y);
      if (c.data[i] > 0.02) c.data[i] += 0.3 * node;
    }
  }
}

function drawNippleRetraction(c: Canvas, box: BoxPlan, rand: () => number): void {
  const depth = (box.xmax - box.xmin) * (0.18 + 0.1 * rand());
  drawSkin(c, box, rand, 26, depth, true);
}

/** Every category of the box drawn inside it; a multi-category box shows each of its lesions. */
export function drawBoxLesions(c: Canvas, box: BoxPlan, findingBirads: string): void {
  const rand = randomLcg(box.lesionSeed + 1);
  const kinds = new Set<LesionKind>(box.categories.map((k) => lesionKind([k])));
  const w = box.xmax - box.xmin;
  const h = box.ymax - box.ymin;
  const cx = (box.xmin + box.xmax) / 2;
  const cy = (box.ymin + box.ymax) / 2;
  const malignant = findingBirads === '5' || findingBirads === '4';
  // Beside skin or nipple changes the box sits on the skin line: draw its mass a little deeper.
  const inward = kinds.has('skin-thickening') || kinds.has('skin-retraction') || kinds.has('nipple-retraction') ? 0.22 : 0;
  const fill = inward > 0 ? 0.5 : 0.8;
  for (const kind of kinds) {
    switch (kind) {
      case 'mass':
        drawBlob(c, box, rand, { fill, amp: 0.3, soft: malignant ? 0.3 : 0.1, irregular: malignant ? 0.35 : 0.1, texture: 0.1, inward });
        if (findingBirads === '5') drawSpicules(c, cx, cy, Math.min(w, h) * 0.35, Math.min(w, h) * 0.55, 16, rand, 0.9);
        break;
      case 'calcification':
        drawCalcifications(c, box, rand, malignant);
        break;
      case 'distortion':
        drawBlob(c, box, rand, { fill: 0.25, amp: 0.12, soft: 0.6, irregular: 0.3, texture: 0, inward });
        drawSpicules(c, cx, cy, 4, Math.min(w, h) * 0.5, 22, rand, 0.95);
        break;
      case 'asymmetry':
        drawBlob(c, box, rand, { fill: 0.85, amp: 0.24, soft: 0.6, irregular: 0.3, texture: 0.45, inward });
        break;
      case 'focal-asymmetry':
        drawBlob(c, box, rand, { fill: 0.8, amp: 0.26, soft: 0.5, irregular: 0.25, texture: 0.4, inward });
        break;
      case 'global-asymmetry':
        drawBlob(c, box, rand, { fill: 0.9, amp: 0.18, soft: 0.5, irregular: 0.2, texture: 0.5, inward });
        break;
      case 'skin-thickening':
        drawSkin(c, box, rand, 34 + rand() * 20, 0, false);
        break;
      case 'skin-retraction':
        drawSkin(c, box, rand, 22, w * 0.22, true);
        break;
      case 'nipple-retraction':
        drawNippleRetraction(c, box, rand);
        break;
      case 'lymph-node':
        drawLymphNode(c, box, rand);
        break;
    }
  }
}
