// Brings every chart frame of one kind to life: reads its view from the URL, draws it with the chart's render(),
// keeps controls, URL (pushState; back/forward via popstate), data table, tooltips and downloads in step.
// A chart that fails to draw shows a message in its own frame; the rest of the page keeps working.

import { toCsv } from '../../lib/chart-data/download-csv.ts';
import type { ChartView, TableModel } from '../../lib/chart-data/types.ts';
import { readState, writeState, type StateSchema } from '../../lib/chart-data/url-state.ts';
import { renderTable } from './data-table.ts';
import { backgroundBehind, downloadBlob, standaloneSvg, svgToPng } from './export.ts';
import { enhanceMarks, wireTooltips } from './tooltip.ts';
import type { RenderChart } from './types.ts';

function part<T extends Element>(frame: HTMLElement, selector: string): T {
  const found = frame.querySelector<T>(selector);
  if (!found) throw new Error(`chart frame ${frame.dataset.chartId}: missing ${selector}`);
  return found;
}

function mountChart<D>(frame: HTMLElement, render: RenderChart<D>): void {
  const id = frame.dataset.chartId ?? 'chart';
  const schema = JSON.parse(frame.dataset.schema ?? '{}') as StateSchema;
  const data = JSON.parse(frame.dataset.chartData ?? 'null') as D;
  const canvas = part<HTMLElement>(frame, '[data-chart-canvas]');
  const tip = part<HTMLElement>(frame, '[data-chart-tooltip]');
  const tableHost = part<HTMLElement>(frame, '[data-chart-table]');
  const controls = part<HTMLFormElement>(frame, '[data-chart-controls]');
  const status = part<HTMLElement>(frame, '[data-chart-status]');

  let view = readState(location.search, id, schema) as ChartView;
  let table: TableModel = { caption: '', columns: [], rows: [] };
  let drawnWidth = 0;

  const syncControls = () => {
    for (const input of controls.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
      input.checked = view[input.dataset.setting ?? ''] === input.value;
    }
  };

  const draw = () => {
    syncControls();
    drawnWidth = canvas.clientWidth;
    try {
      table = render(canvas, data, { view, width: Math.max(280, drawnWidth || 640), id }).table;
      renderTable(tableHost, table);
      enhanceMarks(canvas);
      // The reserved height (heightClass) only holds the place until the first drawing; the SVG sizes itself after.
      for (const name of [...canvas.classList]) if (name.startsWith('min-h-')) canvas.classList.remove(name);
      frame.dataset.state = writeState('', id, schema, view);
    } catch (error) {
      canvas.textContent = `This chart could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
    }
  };

  const fileName = (ext: string) => `${id}-${Object.values(view).join('-')}.${ext}`;

  controls.addEventListener('submit', (event) => event.preventDefault());
  controls.addEventListener('change', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.dataset.setting) return;
    view = { ...view, [input.dataset.setting]: input.value };
    const search = writeState(location.search, id, schema, view);
    history.pushState(null, '', `${location.pathname}${search}${location.hash}`);
    draw();
    status.textContent = `${frame.dataset.title ?? 'Chart'} now shows ${table.caption}.`;
  });
  window.addEventListener('popstate', () => {
    view = readState(location.search, id, schema) as ChartView;
    draw();
  });

  frame.addEventListener('click', async (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('[data-download]') : null;
    if (!button) return;
    const kind = button.dataset.download;
    const svg = canvas.querySelector('svg');
    try {
      if (kind === 'csv') downloadBlob(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }), fileName('csv'));
      if (!svg || (kind !== 'svg' && kind !== 'png')) return;
      const { text, width, height } = standaloneSvg(svg, backgroundBehind(frame));
      if (kind === 'svg') downloadBlob(new Blob([text], { type: 'image/svg+xml' }), fileName('svg'));
      else downloadBlob(await svgToPng(text, width, height), fileName('png'));
    } catch (error) {
      status.textContent = `Download failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  });

  wireTooltips(canvas, tip);
  let pending = 0;
  new ResizeObserver(() => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      if (Math.abs(canvas.clientWidth - drawnWidth) > 8) draw();
    });
  }).observe(canvas);
  draw();
  frame.dataset.ready = 'true';
}

/** Mounts every `[data-chart-frame]` of `kind` on the page with `render`. Call once from the chart's .astro script. */
export function mountCharts<D>(kind: string, render: RenderChart<D>): void {
  for (const frame of document.querySelectorAll<HTMLElement>(`[data-chart-frame][data-chart-kind="${kind}"]`)) {
    try {
      mountChart(frame, render);
    } catch (error) {
      frame.querySelector('[data-chart-canvas]')?.replaceChildren(`This chart could not be drawn: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
