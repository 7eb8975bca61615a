// Small RGBA previews of demo DICOM pixels, for looking at what the generator drew: the first window preset,
// MONOCHROME1 inverted, box-filtered down by an integer factor, boxes outlined. Pure; the script writes PNGs.

interface PreviewSource {
  pixels: ArrayLike<number>;
  rows: number;
  columns: number;
  photometric: string;
  windowCenter: number;
  windowWidth: number;
}

export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

export function previewRgba(src: PreviewSource, factor: number): Rgba {
  const width = Math.floor(src.columns / factor);
  const height = Math.floor(src.rows / factor);
  const data = new Uint8Array(width * height * 4);
  const low = src.windowCenter - src.windowWidth / 2;
  const invert = src.photometric === 'MONOCHROME1';
  const n = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        const row = (y * factor + dy) * src.columns + x * factor;
        for (let dx = 0; dx < factor; dx++) sum += src.pixels[row + dx];
      }
      let v = (sum / n - low) / src.windowWidth;
      v = v < 0 ? 0 : v > 1 ? 1 : v;
      if (invert) v = 1 - v;
      const o = (y * width + x) * 4;
      data[o] = data[o + 1] = data[o + 2] = Math.round(v * 255);
      data[o + 3] = 255;
    }
  }
  return { width, height, data };
}

/** Outlines a box (image pixel coordinates) on a preview made with `factor`, clipped to the preview. */
export function outlineBox(img: Rgba, box: { xmin: number; ymin: number; xmax: number; ymax: number }, factor: number, rgb: [number, number, number]): void {
  const [x0, y0, x1, y1] = [box.xmin, box.ymin, box.xmax, box.ymax].map((v) => Math.round(v / factor));
  const put = (x: number, y: number) => {
    if (x < 0 || y < 0 || x >= img.width || y >= img.height) return;
    const o = (y * img.width + x) * 4;
    img.data[o] = rgb[0];
    img.data[o + 1] = rgb[1];
    img.data[o + 2] = rgb[2];
  };
  for (let x = x0; x <= x1; x++) {
    put(x, y0);
    put(x, y1);
  }
  for (let y = y0; y <= y1; y++) {
    put(x0, y);
    put(x1, y);
  }
}

/** Places images side by side on a black strip, top-aligned. */
export function sideBySide(images: readonly Rgba[], gap: number): Rgba {
  const width = images.reduce((w, im) => w + im.width, 0) + gap * Math.max(0, images.length - 1);
  const height = Math.max(0, ...images.map((im) => im.height));
  const data = new Uint8Array(width * height * 4);
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  let left = 0;
  for (const im of images) {
    for (let y = 0; y < im.height; y++) data.set(im.data.subarray(y * im.width * 4, (y + 1) * im.width * 4), (y * width + left) * 4);
    left += im.width + gap;
  }
  return { width, height, data };
}
