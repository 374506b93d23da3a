import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { writeSearchIndex, openSearchIndex } from '../../src/build/search-index.ts';
import { builtFileOf, isSearchedFile, searchIndexFeed } from '../../src/build/search-index-feed.ts';
import { scratchDir } from './scratch-dir.ts';

test('every page goes to the search index but the one-page editions and page histories, whatever the other folders are called', () => {
  const searched = ['index.html', '404.html', 'people/index.html', 'story/index.html', 'all/index.html', 'history/index.html'];
  // Chapter folders that share letters with `all`, at the second level, where one-page editions live.
  for (const chapter of ['a', 'al', 'alb', 'allies', 'and', 'background', 'x']) searched.push(`story/${chapter}/index.html`);
  // First folders that share letters with `history`, where page histories live.
  for (const folder of ['h', 'hi', 'hist', 'histories', 'historyx', 'x']) searched.push(`${folder}/chapter/index.html`);
  const skipped = ['story/all/index.html', 'other/all/index.html', 'history/story/index.html', 'history/story/background/index.html'];
  expect(searched.filter((file) => !isSearchedFile(file))).toEqual([]);
  expect(skipped.filter((file) => isSearchedFile(file))).toEqual([]);
});

test('a page is given to the index under the file it is built to', () => {
  expect(['', 'people/', 'story/background/', '404/', '404', '500/'].map(builtFileOf)).toEqual([
    'index.html',
    'people/index.html',
    'story/background/index.html',
    '404.html',
    '404.html',
    '500.html',
  ]);
});

test('the index is written from the pages given to it, and refuses a built page it was not given', async () => {
  const dist = scratchDir('search-index');
  const page = (title: string) => `<!doctype html><html lang="en"><body><main data-pagefind-body><h1>${title}</h1></main></body></html>`;
  const write = (file: string, html: string) => {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), html);
  };
  for (const file of ['index.html', 'story/index.html', 'story/all/index.html']) write(file, page(file));

  await openSearchIndex();
  for (const file of ['index.html', 'story/index.html']) searchIndexFeed().pages!.add(file, page(file));
  expect(await writeSearchIndex(dist)).toBe(2);
  expect(existsSync(join(dist, 'pagefind/pagefind-entry.json'))).toBe(true);

  write('people/index.html', page('People'));
  await openSearchIndex();
  searchIndexFeed().pages!.add('index.html', page('index.html'));
  await expect(writeSearchIndex(dist)).rejects.toThrow(/not given 2 built pages, among them people\/index\.html/);
});
