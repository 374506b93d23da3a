import { EventEmitter } from 'node:events';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, test } from 'vitest';
import { loadDataCollections } from '../../src/data/catalog.ts';
import { contentDirs, type ContentDirs } from '../../src/data/content-dirs.ts';
import { ContentError } from '../../src/data/content-error.ts';
import { chapterLoader, yamlLoader } from '../../src/data/yaml-loader.ts';
import { DATA_COLLECTIONS, type CollectionName } from '../../src/schemas/reference.ts';
import { FIXTURE_DIRS } from './render-mdx.ts';
import { scratchDir } from './scratch-dir.ts';

type Stored = { id: string; data: Record<string, unknown>; filePath?: string; digest?: string | number };

/** What the loader needs of Astro's content layer: a store, a digest, the project's root, a logger and (in dev) a watcher. */
function contentLayer(collection: CollectionName, options: { watch?: boolean } = {}) {
  const entries = new Map<string, Stored>();
  const logged: { level: 'info' | 'error'; message: string }[] = [];
  const watcher = Object.assign(new EventEmitter(), { watched: [] as string[], add: (path: string) => watcher.watched.push(path) });
  const context = {
    collection,
    config: { root: pathToFileURL(`${process.cwd()}/`) },
    store: {
      keys: () => [...entries.keys()],
      get: (id: string) => entries.get(id),
      delete: (id: string) => entries.delete(id),
      set: (entry: Stored) => {
        entries.set(entry.id, entry);
        return true;
      },
    },
    generateDigest: (data: unknown) => JSON.stringify(data),
    logger: {
      info: (message: string) => logged.push({ level: 'info', message }),
      error: (message: string) => logged.push({ level: 'error', message }),
    },
    ...(options.watch ? { watcher } : {}),
  } as unknown as LoaderContext;
  return { context, entries, logged, watcher };
}

/** A scratch copy of the fixture tree for a test to change. */
function fixtureCopy(): ContentDirs {
  const root = scratchDir('yaml-loader');
  cpSync('tests/fixtures/content', root, { recursive: true });
  return contentDirs(root);
}

describe('the content layer stores the catalog’s reading', () => {
  test.each(DATA_COLLECTIONS.filter((c) => c !== 'statements'))(
    '%s: the very values the transform and the checks use',
    async (collection) => {
      const { context, entries } = contentLayer(collection);
      await yamlLoader(collection, FIXTURE_DIRS).load(context);
      const catalog = loadDataCollections(FIXTURE_DIRS)[collection];
      expect([...entries.keys()]).toEqual([...catalog.keys()]);
      for (const [id, data] of catalog) {
        expect(entries.get(id)?.data).toBe(data);
        // Where glob() put it: from the project's root, so an editor's tools find the file.
        expect(entries.get(id)?.filePath).toBe(`tests/fixtures/content/${collection}/${id}.yaml`);
      }
    },
  );

  test('an entry whose file is gone since the last build is removed from the store', async () => {
    const { context, entries } = contentLayer('sources');
    entries.set('left-over', { id: 'left-over', data: {} });
    await yamlLoader('sources', FIXTURE_DIRS).load(context);
    expect(entries.has('left-over')).toBe(false);
  });
});

describe('YAML 1.2, not YAML 1.1', () => {
  // Astro's own reader (js-yaml) keeps YAML 1.1's timestamps: an unquoted date becomes a Date, and an
  // impossible one rolls over into the next month. The project's reader keeps what was written.
  const source = (lines: string) =>
    `title: On the Norway problem\npublisher: Example News\noutlet: example-news\nurl: https://news.example.org/no\n` +
    `accessed: 2026-12-06\nkind: news-report\n${lines}`;

  test('values YAML 1.1 reads otherwise reach the pages as the catalog reads them', async () => {
    const dirs = fixtureCopy();
    // `no` is Norwegian, not false (YAML 1.1's booleans); an unquoted date is the day written, not a moment.
    writeFileSync(
      join(dirs.sources, 'norway.yaml'),
      source('language: no\ntitleTranslated: On the Norway problem\npublished: 2024-06-13\n'),
    );
    const { context, entries } = contentLayer('sources');
    await yamlLoader('sources', dirs).load(context);
    const stored = entries.get('norway')?.data;
    expect(stored).toEqual(loadDataCollections(dirs).sources.get('norway'));
    expect(stored).toMatchObject({ language: 'no', published: { iso: '2024-06-13', precision: 'day' } });
  });

  test('an impossible date stops the content layer with its place, instead of becoming the next month', async () => {
    const dirs = fixtureCopy();
    writeFileSync(join(dirs.sources, 'leap.yaml'), source('language: en\npublished: 2023-02-29\n'));
    const { context } = contentLayer('sources');
    const loading = yamlLoader('sources', dirs).load(context);
    await expect(loading).rejects.toThrow(ContentError);
    await expect(loading).rejects.toThrow(/leap\.yaml:8:12 — field `published`\n {2}found: {4}"2023-02-29"/);
  });

  test('a YAML syntax error names the file, line and column, and how to fix it', async () => {
    const dirs = fixtureCopy();
    writeFileSync(join(dirs.people, 'broken.yaml'), 'name: Jane: Doe\n');
    const { context } = contentLayer('sources');
    // Any collection's load reports it: the catalog is read whole, with every cross-reference.
    await expect(yamlLoader('sources', dirs).load(context)).rejects.toThrow(
      /broken\.yaml:1:\d+\n {2}found: .*\n {2}expected: valid YAML\n {2}fix: /,
    );
  });
});

describe('astro dev', () => {
  test('a saved, added or removed file reloads the collection; a mistake is logged and the last good entries stay', async () => {
    const dirs = fixtureCopy();
    const { context, entries, logged, watcher } = contentLayer('outlets', { watch: true });
    await yamlLoader('outlets', dirs).load(context);
    expect(watcher.watched).toEqual([resolve(dirs.outlets)]);

    const added = join(dirs.outlets, 'new-outlet.yaml');
    writeFileSync(added, 'name: New Outlet\ncontrol: independent\nbasis: Owned by its staff.\n');
    watcher.emit('add', added);
    expect(entries.get('new-outlet')?.data).toEqual(loadDataCollections(dirs).outlets.get('new-outlet'));

    writeFileSync(added, 'name: [unclosed\n');
    watcher.emit('change', added);
    expect(logged.at(-1)).toMatchObject({ level: 'error', message: expect.stringMatching(/new-outlet\.yaml:\d+:\d+/) });
    expect(entries.has('new-outlet')).toBe(true);

    rmSync(added);
    watcher.emit('unlink', added);
    expect(entries.has('new-outlet')).toBe(false);
    expect(logged.at(-1)?.level).toBe('info');

    // A file elsewhere is another collection's business.
    const before = logged.length;
    watcher.emit('change', join(dirs.sources, 'article-one.yaml'));
    expect(logged).toHaveLength(before);
  });
});

describe('chapters', () => {
  /**
   * glob() as the content layer runs it, with an MDX reader that keeps no frontmatter values (Astro
   * passes its entry types to loaders in the context): what is stored can only be the catalog's.
   */
  function withMdx(context: LoaderContext) {
    const mdx = { getEntryInfo: ({ contents }: { contents: string }) => ({ data: {}, body: contents }) };
    return Object.assign(context, {
      config: { ...context.config, srcDir: new URL('src/', context.config.root) },
      entryTypes: new Map([['.mdx', mdx]]),
    });
  }

  test('glob() finds the files; the frontmatter values are the catalog’s', async () => {
    const { context, entries } = contentLayer('explainers' as CollectionName);
    await chapterLoader(FIXTURE_DIRS).load(withMdx(context));
    const chapters = loadDataCollections(FIXTURE_DIRS).chapters;
    expect(entries.size).toBe(chapters.length);
    for (const chapter of chapters) {
      const stored = [...entries.values()].find((entry) => entry.filePath === chapter.filePath);
      expect(stored?.data).toBe(chapter.data);
      expect(stored?.id).toBe(chapter.filePath.replace(/^.*explainers\//, '').replace(/(\/index)?\.mdx$/, ''));
    }
  });

  test('in astro dev, a saved chapter is stored with the catalog’s new reading of it', async () => {
    const dirs = fixtureCopy();
    const { context, entries, logged, watcher } = contentLayer('explainers' as CollectionName, { watch: true });
    await chapterLoader(dirs).load(withMdx(context));
    const file = join(dirs.explainers, 'sample', 'details.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: A title saved in dev'));
    watcher.emit('change', file);
    await expect.poll(() => (entries.get('sample/details')?.data as { title?: string } | undefined)?.title).toBe('A title saved in dev');
    expect(entries.get('sample/details')?.data).toBe(loadDataCollections(dirs).chapters.find((chapter) => chapter.filePath === file)?.data);
    expect(logged.filter(({ level }) => level === 'error')).toEqual([]);
  });

  test('a mistake in a chapter’s frontmatter stops it with the catalog’s place and fix', async () => {
    const dirs = fixtureCopy();
    const file = join(dirs.explainers, 'sample', 'details.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('updated: 2024-06-13', 'updated: 2023-02-29'));
    const { context } = contentLayer('explainers' as CollectionName);
    await expect(chapterLoader(dirs).load(withMdx(context))).rejects.toThrow(/details\.mdx:7:10 — field `updated`/);
  });
});
