// The breast at low resolution: silhouette, fat, fibroglandular tissue whose amount follows the density grade,
// pectoral muscle on MLO views, vessels, skin line and nipple. Values are display brightness (0 air … 1 calcium),
// later upsampled to the detector grid and mapped to stored values through the image's window.

import { randomLcg } from 'd3-random';
import { outlineDepth, pectoralDepth } from '../geometry.ts';
import type { BreastShape } from '../geometry.ts';
import { fbm, smoothstep, valueNoise } from './noise.ts';

/** Threshold on the tissue field above which tissue is fibroglandular: lower means denser. */
const DENSITY_THRESHOLD: Record<string, number> = { A: 0.8, B: 0.64, C: 0.5, D: 0.37 };

export interface LowResField {
  width: number;
  height: number;
  /** Brightness, row-major. */
  data: Float32Array;
}

interface TissueOptions {
  shape: BreastShape;
  density: string;
  seed: number;
  /** Low-resolution size; the full image is `scale` times larger. */
  width: number;
  height: number;
  scale: number;
  /** Draw the nipple in profile (left out when a retracted nipple is drawn instead). */
  nipple: boolean;
}

interface Vessel {
  /** Start near the chest wall, end toward the nipple: (u, y) in low-res pixels. */
  u0: number;
  y0: number;
  u1: number;
  y1: number;
  bend: number;
  width: number;
}

/** A few vessels from the chest wall toward the nipple, gently bowed. */
function planVessels(o: TissueOptions, reachOf: (y: number) => number): Vessel[] {
  const rand = randomLcg(o.seed + 91);
  const out: Vessel[] = [];
  const n = 3 + Math.floor(rand() * 3);
  for (let k = 0; k < n; k++) {
    const y0 = o.height * (0.2 + 0.6 * rand());
    const y1 = o.shape.nippleV * o.height + (rand() - 0.5) * o.height * 0.35;
    const u1 = reachOf(Math.round(y1)) * (0.6 + 0.3 * rand());
    out.push({ u0: 0, y0, u1, y1, bend: (rand() - 0.5) * o.height * 0.15, width: 0.6 + 0.8 * rand() });
  }
  return out;
}

export function renderTissue(o: TissueOptions): LowResField {
  const { shape, width, height, seed } = o;
  const data = new Float32Array(width * height);
  const threshold = DENSITY_THRESHOLD[o.density] ?? 0.5;
  const nippleX = shape.depth * width;
  const nippleY = shape.nippleV * height;
  const nippleR = 0.013 * height;
  const aspect = height / width;
  const reach = new Float32Array(height);
  for (let y = 0; y < height; y++) reach[y] = outlineDepth(shape, (y + 0.5) / height) * width;
  const vessels = planVessels(o, (y) => reach[Math.max(0, Math.min(height - 1, y))]);
  // Lobules of fat inside glandular tissue, in low-res pixels.
  const lobule = 10 / (o.scale / 4);
  const cloud = 30 / (o.scale / 4);
  for (let y = 0; y < height; y++) {
    const v = (y + 0.5) / height;
    const edgeRow = reach[y];
    const pect = pectoralDepth(shape, v) * width;
    const dyN = (y - nippleY) / nippleR;
    const bump = o.nipple && Math.abs(dyN) < 1 ? 0.7 * nippleR * Math.sqrt(1 - dyN * dyN) : 0;
    const edge = edgeRow + bump;
    const rowStart = y * width;
    const dv = (y - nippleY) / height;
    for (let x = 0; x < width; x++) {
      const u = shape.laterality === 'L' ? x + 0.5 : width - x - 0.5;
      if (u >= edge + 1.5) continue; // air stays 0
      const inside = smoothstep(-1, 1, edge - u);
      const rel = edgeRow > 0 ? Math.min(1, u / edgeRow) : 1;
      // Compressed tissue thins towards the skin: the periphery is darker, the chest-wall side brighter.
      const thickness = Math.sqrt(smoothstep(0, 0.35 * nippleX, edge - u));
      // Fibroglandular tissue gathers behind the nipple and fans out toward the chest wall.
      const spread = 0.1 + 0.3 * (1 - rel);
      const cone = Math.exp(-(dv * dv) / (spread * spread)) * smoothstep(0.0, 0.3, rel) * (1 - smoothstep(0.65, 1, rel));
      // Ducts and ligaments radiate from the nipple: ridged noise stretched along the nipple direction.
      const dx = (nippleX - u) / width;
      const dy = dv * aspect;
      const radius = Math.sqrt(dx * dx + dy * dy);
      // Ducts wander: the direction is warped by slow noise along the radius.
      const direction = Math.atan2(dy, dx + 0.03);
      const angle = direction + 0.22 * (valueNoise(seed + 17, radius * 6, direction * 3) - 0.5);
      const ridge = 1 - Math.abs(2 * fbm(seed + 7, radius * 4, angle * 14, 3, 0.5) - 1);
      // Strands show in patches, not as a uniform comb.
      const strands = ridge * ridge * ridge * ridge * (0.35 + 0.65 * smoothstep(0.2, 0.6, valueNoise(seed + 19, u / 45, y / 45)));
      const clouds = fbm(seed + 11, u / cloud, y / cloud, 3, 0.6);
      const field = 0.45 * cone + 0.55 * clouds + 0.12 * strands - 0.08;
      const gland = smoothstep(threshold - 0.14, threshold + 0.14, field);
      const mottle = fbm(seed + 13, u / lobule, y / lobule, 2, 0.5);
      const fat = 0.14 + 0.14 * thickness + 0.03 * (clouds - 0.5);
      const glandLevel = 0.46 + 0.16 * thickness + 0.14 * mottle;
      let b = fat + (glandLevel - fat) * gland * (0.4 + 0.6 * thickness);
      b += 0.07 * strands * (0.3 + gland) * thickness;
      for (const ves of vessels) {
        const t = (u - ves.u0) / (ves.u1 - ves.u0);
        if (t < 0 || t > 1) continue;
        const vy = ves.y0 + (ves.y1 - ves.y0) * t + ves.bend * Math.sin(Math.PI * t);
        const d = Math.abs(y - vy) / ves.width;
        if (d < 3) b += 0.07 * Math.exp(-d * d) * (1 - 0.5 * t);
      }
      if (u < pect + 2) {
        const muscle = smoothstep(-1.5, 1.5, pect - u);
        const m = 0.6 + 0.1 * (1 - u / Math.max(pect, 1)) + 0.05 * fbm(seed + 5, u / 25, y / 60, 2);
        b = b + (m - b) * muscle;
      }
      // The nipple in profile: soft tissue, as bright as the skin.
      if (u > edgeRow) b = Math.max(b, 0.3);
      // Skin line: a thin brighter rim.
      const s = edge - u - 1.2;
      b += 0.08 * Math.exp(-(s * s) / 1.2);
      data[rowStart + x] = b * inside;
    }
  }
  return { width, height, data };
}
