// Downloads: the chart's data as CSV, the chart as a standalone SVG (computed colours and fonts written onto the
// elements, so it looks the same outside the page, in light or dark), and as PNG drawn from that SVG on a canvas.

// Computed properties written onto each element, skipped when they hold the SVG default (keeps the file small).
const STYLE_DEFAULTS: Record<string, string> = {
  fill: 'rgb(0, 0, 0)',
  'fill-opacity': '1',
  stroke: 'none',
  'stroke-width': '1px',
  'stroke-opacity': '1',
  'stroke-dasharray': 'none',
  opacity: '1',
  'font-size': '',
  'font-weight': '400',
  'text-anchor': 'start',
  'dominant-baseline': 'auto',
};
const SHAPES = new Set(['rect', 'line', 'path', 'circle', 'ellipse', 'polygon', 'polyline', 'text', 'tspan']);
const DROP_ATTRS = ['class', 'tabindex', 'role', 'data-tip', 'style'];

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** The SVG as a standalone document: explicit size, background, and inlined computed presentation styles. */
export function standaloneSvg(svg: SVGSVGElement, background: string): { text: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const computed = getComputedStyle(original);
    const copy = copies[i];
    if (original instanceof SVGElement && SHAPES.has(original.localName)) {
      for (const [prop, fallback] of Object.entries(STYLE_DEFAULTS)) {
        const value = computed.getPropertyValue(prop);
        if (value && value !== fallback) copy.setAttribute(prop, value);
      }
    }
    if (original === svg) {
      copy.setAttribute('font-family', computed.fontFamily);
      copy.setAttribute('font-size', computed.fontSize);
    }
    for (const attr of DROP_ATTRS) copy.removeAttribute(attr);
    for (const name of copy.getAttributeNames()) if (name.startsWith('data-') || name.startsWith('aria-')) copy.removeAttribute(name);
  });
  const [, , width, height] = (svg.getAttribute('viewBox') ?? '0 0 600 400').split(/\s+/).map(Number);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', background);
  clone.insertBefore(rect, clone.firstChild);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
  return { text, width, height };
}

/** Rasterises standalone SVG text at `scale`× on a canvas (no external library: the browser draws it). */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be rasterised'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas available');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The page's effective background colour behind `el` (first non-transparent ancestor). */
export function backgroundBehind(el: Element): string {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const colour = getComputedStyle(node).backgroundColor;
    if (colour && colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') return colour;
  }
  return '#ffffff';
}
