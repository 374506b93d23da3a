import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
// Imported statically: by the time build:done runs, the config's module runner is closed.
import * as pagefind from 'pagefind';

/**
 * Builds the Pagefind search index over the finished site. Only content marked
 * `data-pagefind-body` is indexed; the index and its small loader are fetched by the reader's
 * browser only when search is opened.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const path = fileURLToPath(dir);
        const added = await index.addDirectory({ path });
        if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
        await index.writeFiles({ outputPath: `${path}/pagefind` });
        await pagefind.close();
        logger.info(`indexed ${added.page_count} pages for search`);
      },
    },
  };
}
