// For plain `tsc`: the pages tests import .astro files, which only Astro's own checker resolves.
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}
