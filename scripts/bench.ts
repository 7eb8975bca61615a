// `npm run bench`: measures the project's speed and memory goals and prints the figures (not a test).
//   npm run bench [-- --only stats|build|split|lighthouse|viewer|viewer-served|viewer-compressed] [--images N]   (stats: the demo release, or N synthetic images)
// stats needs nothing built; lighthouse and viewer need `npm run build` first (dist/).
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { benchBuild } from './bench/build-data.ts';
import { benchStats, benchStatsOnDemo } from './bench/stats.ts';
import { benchLighthouse } from './bench/lighthouse.ts';
import { benchViewer } from './bench/viewer.ts';
import { benchCompressedViewer } from './bench/viewer-compressed.ts';
import { benchServedViewer } from './bench/viewer-served.ts';
import { benchSplit } from './bench/split.ts';

const { values } = parseArgs({ options: { only: { type: 'string' }, images: { type: 'string' } } });
const wanted = (name: string) => !values.only || values.only.split(',').includes(name);

async function main(): Promise<void> {
  if (wanted('stats')) {
    if (values.images) {
      await benchStats({ images: Number(values.images) });
    } else {
      await benchStatsOnDemo({ runs: 9 });
      if (!values.only) await benchStats({ images: 1_000_000 });
    }
  }
  if (wanted('build')) await benchBuild({ images: values.images ? Number(values.images) : 1_000_000 });
  if (wanted('split')) await benchSplit();
  const needsSite = wanted('lighthouse') || wanted('viewer') || wanted('viewer-served') || wanted('viewer-compressed');
  if (needsSite && !existsSync('dist/index.html')) {
    process.stderr.write('bench: dist/ is not built; run `npm run build` first for the lighthouse and viewer figures.\n');
    process.exitCode = 1;
    return;
  }
  if (wanted('lighthouse')) await benchLighthouse();
  if (wanted('viewer')) await benchViewer();
  if (wanted('viewer-served')) await benchServedViewer();
  if (wanted('viewer-compressed')) await benchCompressedViewer();
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
