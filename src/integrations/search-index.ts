import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
// Imported statically: by the time build:done runs, the config's module runner is closed.
import * as pagefind from 'pagefind';
import { htmlFilesIn } from '../lib/built-files';
import { wholeExplainerPath } from '../lib/print-edition';

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
        const added = await index.addDirectory({ path, glob: pagesToRead(path) });
        if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
        await index.writeFiles({ outputPath: `${path}/pagefind` });
        await pagefind.close();
        logger.info(`read ${added.page_count} pages for the search index`);
      },
    },
  };
}

/**
 * Which pages Pagefind reads, as a glob naming each one: every page but the one-page editions.
 * Pagefind reads a whole page to learn that nothing in it is marked for the index, and a one-page
 * edition repeats every chapter: at 1,000 chapters it is 25 MB, and a second of reading. Pagefind's
 * globs cannot exclude, so the pages to read are listed.
 */
function pagesToRead(dist: string): string {
  const editions = new Set(readdirSync(dist).map((name) => `${wholeExplainerPath(name)}index.html`));
  const pages = htmlFilesIn(dist)
    .filter((file) => !editions.has(file))
    .map((file) => file.replace(/[\\{}[\]*?,<>:!]/g, '\\$&')); // glob syntax, should a file name use it
  return `{${pages.join(',')}}`;
}
