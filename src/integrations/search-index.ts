import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { startSearchIndex } from '../build/search-index.ts';

/**
 * Builds the Pagefind search index over the finished site. Only content marked
 * `data-pagefind-body` is indexed; the index and its small loader are fetched by the reader's
 * browser only when search is opened.
 *
 * Two integrations: `start` begins indexing when the build is done (Astro has written every page
 * and tidied the output folder), and `finish`, listed after the integrations that write other files
 * (the citation downloads, the sitemap, the PDF edition), waits for it. Pagefind is a process of its
 * own, so it reads and writes the index (3–5 s at 1,000 chapters) while they work. The only one that
 * changes pages, the CSP's move (security-headers), rewrites their heads in place, so it is listed
 * before `start`: Pagefind never reads a page while it changes.
 */
export function searchIndex(): { start: AstroIntegration; finish: AstroIntegration } {
  let indexing: Promise<number> | undefined;
  return {
    start: {
      name: 'search-index',
      hooks: {
        'astro:build:done': async ({ dir }) => {
          indexing = (await startSearchIndex(fileURLToPath(dir))).written;
        },
      },
    },
    finish: {
      name: 'search-index-written',
      hooks: {
        'astro:build:done': async ({ logger }) => {
          if (!indexing) throw new Error('search-index: `search.start` must come before `search.finish` in astro.config.mjs');
          const pages = await indexing;
          logger.info(`read ${pages} pages for the search index`);
        },
      },
    },
  };
}
