import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { deliverContentSecurityPolicy } from '../build/content-security-policy.ts';

/** After the build, puts each page's CSP first in its <head> and into `_headers` (src/build/content-security-policy.ts). */
export function securityHeaders(): AstroIntegration {
  return {
    name: 'security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const pages = deliverContentSecurityPolicy(fileURLToPath(dir));
        if (pages > 0) logger.info(`CSP first in <head> of ${pages} pages, and in _headers`);
      },
    },
  };
}
