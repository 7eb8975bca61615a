// `npm run bench`: measures the project's speed and memory goals and prints the figures (not a test).
//   npm run bench [-- --only stats|split|lighthouse|viewer] [--images N]
// stats needs nothing built; lighthouse and viewer need `npm run build` first (dist/).
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { benchStats } from './bench/stats.ts';
import { benchLighthouse } from './bench/lighthouse.ts';
import { benchViewer } from './bench/viewer.ts';
import { benchSplit } from './bench/split.ts';

const { values } = parseArgs({ options: { only: { type: 'string' }, images: { type: 'string' } } });
const wanted = (name: string) => !values.only || values.only.split(',').includes(name);

async function main(): Promise<void> {
  if (wanted('stats')) {
    await benchStats({ images: values.images ? Number(values.images) : 20_000 });
    if (!values.images && !values.only) await benchStats({ images: 1_000_000 });
  }
  if (wanted('split')) await benchSplit();
  const needsSite = wanted('lighthouse') || wanted('viewer');
  if (needsSite && !existsSync('dist/index.html')) {
    process.stderr.write('bench: dist/ is not built; run `npm run build` first for the lighthouse and viewer figures.\n');
    process.exitCode = 1;
    return;
  }
  if (wanted('lighthouse')) await benchLighthouse();
  if (wanted('viewer')) await benchViewer();
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
