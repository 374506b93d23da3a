import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CONTENT_DIRS } from '../data/content-dirs.ts';
import { loadDataCollections } from '../data/catalog.ts';
import { PDF_EDITION_ENABLED } from '../editions/pdf-settings.ts';

/** After the build, prints each explainer's PDF edition from its one-page edition (src/editions/pdf-editions.ts). */
export function pdfEdition(): AstroIntegration {
  let base = '/';
  let site = '';
  return {
    name: 'pdf-edition',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
        site = new URL(base, config.site).href;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!PDF_EDITION_ENABLED) {
          logger.info('skipped (PDF_EDITION=off)');
          return;
        }
        // Loaded only to print: it brings Playwright, which took about 0.3 s to load at the start of every build.
        const { pdfEditionsOf, writePdfEditions } = await import('../editions/pdf-editions.ts');
        const editions = pdfEditionsOf(loadDataCollections(CONTENT_DIRS).chapters);
        if (editions.length > 0) await writePdfEditions(fileURLToPath(dir), { base, site }, editions, logger);
      },
    },
  };
}
