import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { openSearchIndex, writeSearchIndex } from '../build/search-index.ts';

/**
 * Builds the Pagefind search index of the site. Only content marked `data-pagefind-body` is indexed;
 * the index and its small loader are fetched by the reader's browser only when search is opened.
 *
 * Pagefind is a process of its own, opened when the build starts and given each page as it is
 * rendered (src/build/search-index-feed.ts, a middleware only builds run). Two integrations: `start`
 * has it write the index when the build is done, and `finish`, listed after the integrations that
 * write other files (the citation downloads, the sitemap, the PDF edition), waits for it, so that
 * they overlap.
 */
export function searchIndex(): { start: AstroIntegration; finish: AstroIntegration } {
  let writing: Promise<number> | undefined;
  return {
    start: {
      name: 'search-index',
      hooks: {
        'astro:config:setup': ({ command, addMiddleware }) => {
          if (command === 'build') addMiddleware({ entrypoint: new URL('../build/search-index-feed.ts', import.meta.url), order: 'post' });
        },
        'astro:build:start': async () => {
          await openSearchIndex();
        },
        'astro:build:done': ({ dir }) => {
          writing = writeSearchIndex(fileURLToPath(dir));
          writing.catch(() => undefined); // thrown to `finish`, which awaits it
        },
      },
    },
    finish: {
      name: 'search-index-written',
      hooks: {
        'astro:build:done': async ({ logger }) => {
          if (!writing) throw new Error('search-index: `search.start` must come before `search.finish` in astro.config.mjs');
          const pages = await writing;
          logger.info(`indexed ${pages} pages for search`);
        },
      },
    },
  };
}
