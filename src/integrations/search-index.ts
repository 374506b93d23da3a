import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
// Imported statically: by the time build:done runs, the config's module runner is closed.
import * as pagefind from 'pagefind';
import { htmlFilesIn, wholeExplainerFilesIn } from '../build/built-files.ts';
import { WHOLE_EXPLAINER_FOLDER } from '../routes.ts';

/**
 * Builds the Pagefind search index over the finished site. Only content marked
 * `data-pagefind-body` is indexed; the index and its small loader are fetched by the reader's
 * browser only when search is opened.
 *
 * Two integrations: `start` begins indexing when the build is done (Astro has written every page
 * and tidied the output folder), and `finish`, listed after the integrations that write other files
 * (the citation downloads, the sitemap, the PDF edition), waits for it. Pagefind is a process of its
 * own, so it reads and writes the index (4 s at 1,000 chapters) while they work. None of them
 * changes a page.
 */
export function searchIndex(): { start: AstroIntegration; finish: AstroIntegration } {
  let indexing: Promise<number> | undefined;
  return {
    start: {
      name: 'search-index',
      hooks: {
        'astro:build:done': ({ dir }) => {
          indexing = writeSearchIndex(fileURLToPath(dir));
          indexing.catch(() => undefined); // its error is thrown by `finish`
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

/** Indexes the built site in `path` and writes the index to `path/pagefind`. Returns how many pages it read. */
async function writeSearchIndex(path: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path, glob: ALL_BUT_ONE_PAGE_EDITIONS });
  if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
  const expected = htmlFilesIn(path).length - wholeExplainerFilesIn(path).length;
  if (added.page_count !== expected) {
    throw new Error(`Pagefind read ${added.page_count} pages, not the ${expected} meant (every page but the one-page editions)`);
  }
  await index.writeFiles({ outputPath: `${path}/pagefind` });
  await pagefind.close();
  return added.page_count;
}

/**
 * Every page but the one-page editions (`<explainer>/all/index.html`, editions/print-edition). Pagefind
 * reads a whole page to learn that nothing in it is marked for the index, and a one-page edition
 * repeats every chapter: at 1,000 chapters 25 MB, a second of reading. Its globs cannot exclude,
 * and a list of every page stops parsing at a few thousand, so this names what to read: pages at
 * the top (`index.html`, `404.html`), one level down (`people/index.html`), and deeper ones whose
 * second folder is any other name. The count is checked after reading.
 */
export const ALL_BUT_ONE_PAGE_EDITIONS = `{*.html,*/index.html,*/${namesOtherThan(WHOLE_EXPLAINER_FOLDER)}/**/*.html}`;

/**
 * A glob for any name but `name`, spelled out letter by letter (for `all`: not starting with `a`;
 * `a`; `a` then not `l`; `al`; `al` then not `l`; `all` and more).
 */
function namesOtherThan(name: string): string {
  const names = [...name].flatMap((letter, index) => [
    ...(index > 0 ? [name.slice(0, index)] : []),
    `${name.slice(0, index)}[!${letter}]*`,
  ]);
  return `{${[...names, `${name}?*`].join(',')}}`;
}
