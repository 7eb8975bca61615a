// Bench helper (not a test): the stats computation run several times in one process, on one thread, printing each
// run's milliseconds as JSON. The first run is what every `vindr-stats` process pays: V8 compiles and warms our
// code and papaparse from cold. The later runs show the same work once warm. stats.ts prints the two side by side.
//   tsx scripts/bench/stats-warm.ts DIR [RUNS]

import { computeStats, serializeStats } from '../../src/node/compute-stats.ts';

const [dir, runsText = '6'] = process.argv.slice(2);
const milliseconds: number[] = [];
for (let run = 0; run < Number(runsText); run++) {
  const started = performance.now();
  // metadata.csv on this thread: a worker would start cold in every run and hide the warm-up being measured.
  serializeStats(await computeStats(dir, { threads: false }));
  milliseconds.push(performance.now() - started);
}
process.stdout.write(JSON.stringify(milliseconds) + '\n');
