// An Astro container that renders the site's pages: they insert the hashes of their inline scripts into the CSP
// meta tag, so the container needs a CSP manifest too.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';

export function pageContainer(): Promise<AstroContainer> {
  const csp = { cspDestination: 'meta', algorithm: 'SHA-256', scriptHashes: [], scriptResources: [], isStrictDynamic: false, styleHashes: [], styleResources: [], directives: [] } as const;
  return AstroContainer.create({ manifest: { csp } as unknown as NonNullable<Parameters<typeof AstroContainer.create>[0]>['manifest'] });
}
