import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { expect, test } from 'vitest';
import { PAGES_TO_SEARCH } from '../../src/build/search-index.ts';
import { scratchDir } from './scratch-dir.ts';

test('Pagefind reads every page but the one-page editions and page histories, whatever the other folders are called', async () => {
  const dist = scratchDir('search-index');
  const read = ['index.html', '404.html', 'people/index.html', 'story/index.html', 'a/index.html', 'all/index.html'];
  // Chapter folders that share letters with `all`, at the second level, where one-page editions live.
  for (const chapter of ['a', 'al', 'alb', 'allies', 'and', 'background', 'x']) read.push(`story/${chapter}/index.html`);
  // First folders that share letters with `history`, where page histories live.
  for (const folder of ['h', 'hi', 'hist', 'histories', 'historyx', 'x']) read.push(`${folder}/chapter/index.html`);
  read.push('history/index.html');
  const skipped = ['story/all/index.html', 'other/all/index.html', 'history/story/index.html', 'history/story/background/index.html'];
  for (const file of [...read, ...skipped]) {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), `<!doctype html><html lang="en"><body><main data-pagefind-body><h1>${file}</h1></main></body></html>`);
  }
  const { index } = await pagefind.createIndex({});
  try {
    const added = await index!.addDirectory({ path: dist, glob: PAGES_TO_SEARCH });
    expect(added.errors).toEqual([]);
    expect(added.page_count).toBe(read.length);
  } finally {
    await pagefind.close();
  }
});
