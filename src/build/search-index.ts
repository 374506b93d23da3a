// Imported statically: by the time build:done runs, the config's module runner is closed.
import * as pagefind from 'pagefind';
import { WHOLE_EXPLAINER_FOLDER } from '../routes.ts';
import { htmlFilesIn, wholeExplainerFilesIn } from './built-files.ts';

/** Indexes the built site in `path` and writes the index to `path/pagefind`. Returns how many pages it read. */
export async function writeSearchIndex(path: string): Promise<number> {
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
 * Every page but the one-page editions (`<explainer>/all/index.html`, routes.ts). Pagefind
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
