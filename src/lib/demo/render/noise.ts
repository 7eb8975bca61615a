// Deterministic value noise for the synthetic pixels. Texture needs millions of lookups at fixed coordinates,
// where a seeded stream (d3-random) does not fit: this hashes lattice points instead, so a value depends only on
// (seed, x, y) and rendering order cannot change the image.

/** Integer hash of a lattice point to [0, 1). */
function hash2(seed: number, ix: number, iy: number): number {
  let h = Math.imul(ix | 0, 0x27d4eb2d) ^ Math.imul(iy | 0, 0x165667b1) ^ Math.imul(seed | 0, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** Smoothly interpolated value noise in [0, 1). */
export function valueNoise(seed: number, x: number, y: number): number {
  const ix = Math.floor(x);
  const iy = Math.floor(y);
  const fx = x - ix;
  const fy = y - iy;
  const sx = fx * fx * (3 - 2 * fx);
  const sy = fy * fy * (3 - 2 * fy);
  const a = hash2(seed, ix, iy);
  const b = hash2(seed, ix + 1, iy);
  const c = hash2(seed, ix, iy + 1);
  const d = hash2(seed, ix + 1, iy + 1);
  return a + (b - a) * sx + (c - a + (a - b - c + d) * sx) * sy;
}

/** Fractal sum of `octaves` noise layers, each twice the frequency and `gain` times the weight; in [0, 1). */
export function fbm(seed: number, x: number, y: number, octaves: number, gain = 0.5): number {
  let sum = 0;
  let weight = 1;
  let norm = 0;
  let f = 1;
  for (let o = 0; o < octaves; o++) {
    sum += weight * valueNoise(seed + o * 1013, x * f, y * f);
    norm += weight;
    weight *= gain;
    f *= 2.03;
  }
  return sum / norm;
}

export function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = Math.max(0, Math.min(1, (x - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
}
