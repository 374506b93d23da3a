// Imported statically: by the time build:done runs, the config's module runner is closed.
import * as pagefind from 'pagefind';
import { HISTORY_FOLDER, WHOLE_EXPLAINER_FOLDER } from '../routes.ts';
import { htmlFilesIn, wholeExplainerFilesIn } from './built-files.ts';

/**
 * Starts indexing the built site in `path`: returns once Pagefind, a process of its own, has been
 * asked to read the pages, so that the build's other steps run while it reads. `written` settles when
 * the index is in `path/pagefind`, with how many pages it read.
 */
export async function startSearchIndex(path: string): Promise<{ written: Promise<number> }> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const reading = index.addDirectory({ path, glob: PAGES_TO_SEARCH });
  const written = (async () => {
    const added = await reading;
    if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    const editions = new Set(wholeExplainerFilesIn(path));
    const expected = htmlFilesIn(path).filter((file) => !editions.has(file) && !isPageHistory(file)).length;
    if (added.page_count !== expected) {
      throw new Error(
        `Pagefind read ${added.page_count} pages, not the ${expected} meant (every page but the one-page editions and page histories)`,
      );
    }
    await index.writeFiles({ outputPath: `${path}/pagefind` });
    await pagefind.close();
    return added.page_count;
  })();
  written.catch(() => undefined); // thrown to whoever awaits it
  return { written };
}

/** A chapter's page history (`history/<explainer>/<chapter>/index.html`, routes.ts). */
function isPageHistory(file: string): boolean {
  return file.startsWith(`${HISTORY_FOLDER}/`) && file !== `${HISTORY_FOLDER}/index.html`;
}

/**
 * Every page but the one-page editions (`<explainer>/all/index.html`) and the page histories
 * (`history/<explainer>/<chapter>/index.html`), which nothing marks for the index. Pagefind reads a
 * whole page to learn that nothing in it is marked: a one-page edition repeats every chapter (at
 * 1,000 chapters 25 MB, a second of reading), and there is a page history for every chapter. Its
 * globs cannot exclude, and a list of every page stops parsing at a few thousand, so this names what
 * to read: pages at the top (`index.html`, `404.html`), one level down (`people/index.html`), and
 * deeper ones whose first folder is any name but `history` and whose second is any name but `all`.
 * The count is checked after reading.
 */
export const PAGES_TO_SEARCH = `{*.html,*/index.html,${namesOtherThan(HISTORY_FOLDER)}/${namesOtherThan(WHOLE_EXPLAINER_FOLDER)}/**/*.html}`;

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
