// Imported statically: by the time build:done runs, the config's module runner is closed.
import * as pagefind from 'pagefind';
import { htmlFilesIn } from './built-files.ts';
import { isSearchedFile, searchIndexFeed } from './search-index-feed.ts';

/**
 * The Pagefind search index, fed each page as the build renders it (by the middleware in
 * search-index-feed.ts) and written once every page is built.
 *
 * Pagefind is a process of its own: given the pages while the main thread renders the next ones, it
 * reads them on another core, where reading the written pages after the build (1.8 s at 1,000
 * chapters) kept the build waiting.
 */
export async function openSearchIndex(): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added: Promise<pagefind.NewFileResponse>[] = [];
  const files: string[] = [];
  searchIndexFeed().pages = {
    add(file, html) {
      files.push(file);
      added.push(index.addHTMLFile({ sourcePath: file, content: html }));
    },
    async write(path) {
      try {
        const errors = (await Promise.all(added)).flatMap((response) => response.errors);
        if (errors.length > 0) throw new Error(`Pagefind: ${errors.join('; ')}`);
        const given = new Set(files);
        const missing = htmlFilesIn(path).filter((file) => isSearchedFile(file) && !given.has(file));
        if (missing.length > 0) throw new Error(`Pagefind was not given ${missing.length} built pages, among them ${missing[0]}`);
        await index.writeFiles({ outputPath: `${path}/pagefind` });
        return files.length;
      } finally {
        await pagefind.close();
      }
    },
  };
}

/**
 * Writes the index into the built site in `path` once every page given to it is read; settles with
 * how many pages it read. Fails if a page the index should hold was not given to it.
 */
export function writeSearchIndex(path: string): Promise<number> {
  const pages = searchIndexFeed().pages;
  if (!pages) throw new Error('search-index: the index was not opened when the build started');
  delete searchIndexFeed().pages;
  return pages.write(path);
}
