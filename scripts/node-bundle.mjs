// The esbuild options every Node bundle of this project shares (scripts/launch.mjs, scripts/build-stats-bin.ts):
// one ES module per entry, named .mjs, for the Node versions package.json's engines allow. Plain JavaScript, so the
// launcher can import it without a TypeScript loader.

/** @type {import('esbuild').BuildOptions} */
export const NODE_BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
};
