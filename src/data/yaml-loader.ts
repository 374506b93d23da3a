import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import type { CollectionName } from '../schemas/reference.ts';
import type { ChapterData } from '../schemas/chapter.ts';
import { loadDataCollections, type DataCollections } from './catalog.ts';
import { CONTENT_DIRS, type ContentDirs } from './content-dirs.ts';

/**
 * The content layer's loader for a folder of YAML data. It does not read the files itself: it
 * stores the entries of the catalog (catalog.ts), which read every data file once with the project's
 * YAML 1.2 reader and validated it with the collection's schema and every cross-reference. So
 * `getEntry` and `getCollection` return the very values the citation transform and the checks use,
 * and a mistake stops the content layer with the catalog's file:line:column message, not with a
 * second reader's opinion. Astro's own YAML reader (js-yaml, with YAML 1.1's timestamps) would turn
 * an unquoted `2023-02-29` into 1 March.
 *
 * The entries are not parsed again (`parseData` is not called): the collection's schema in
 * content.config.ts gives them their types, and the catalog has already applied that same schema.
 */
export function yamlLoader(collection: CollectionName, dirs: ContentDirs = CONTENT_DIRS): Loader {
  return {
    name: 'footnoted-yaml',
    // Nothing to wait for: the catalog reads synchronously, once for every collection.
    load: (context) =>
      Promise.resolve().then(() => {
        storeEntries(context, collection, dirs);
        watchFolder(context, collection, dirs);
      }),
  };
}

/** Replaces the collection's entries with the catalog's; unchanged entries keep their digest and are not rewritten. */
function storeEntries(context: LoaderContext, collection: CollectionName, dirs: ContentDirs): void {
  const { store, config } = context;
  const entries = loadDataCollections(dirs)[collection];
  const root = fileURLToPath(config.root);
  for (const id of store.keys()) if (!entries.has(id)) store.delete(id);
  for (const [id, data] of entries) {
    // As glob() would write it: the file's path from the project's root, with forward slashes.
    const filePath = relative(root, resolve(join(dirs[collection], `${id}.yaml`))).replaceAll('\\', '/');
    store.set({ id, data, filePath, digest: context.generateDigest(data) });
  }
}

/**
 * In `astro dev`, a saved, added or removed file in the folder reloads the collection. A mistake is
 * logged with its place and fix, as the build would report it, and the last good entries stay, so
 * the dev server keeps running while the editor fixes it.
 */
function watchFolder(context: LoaderContext, collection: CollectionName, dirs: ContentDirs): void {
  const { watcher, logger } = context;
  if (!watcher) return;
  const folder = resolve(dirs[collection]);
  watcher.add(folder);
  const reload = (changed: string) => {
    if (!changed.endsWith('.yaml') || resolve(changed, '..') !== folder) return;
    try {
      storeEntries(context, collection, dirs);
      logger.info(`Reloaded ${relative(process.cwd(), changed)}`);
    } catch (error) {
      // Thrown from a watcher's callback, an error would stop the dev server.
      logger.error(error instanceof Error ? error.message : String(error));
    }
  };
  for (const event of ['change', 'add', 'unlink'] as const) watcher.on(event, reload);
}

/**
 * The chapters: Astro's glob() finds the MDX files and prepares them for rendering, but each
 * chapter's frontmatter values are the catalog's, read with the same YAML reader and validated with
 * the same schema as the data. (Astro still parses the frontmatter to compile the MDX; its values are
 * not kept.) A file the catalog has not seen is refused: loadDataCollections reads again when any
 * file changes, so that cannot happen unless the folder is not the catalog's.
 */
export function chapterLoader(dirs: ContentDirs = CONTENT_DIRS): Loader {
  const files = glob({ base: dirs.explainers, pattern: '**/*.mdx' });
  return {
    name: 'footnoted-chapters',
    load: async (context) => {
      // The first pass asks for every chapter at once: one look at the catalog serves them all
      // (asking it per chapter would check every file's timestamp a hundred times over in a large
      // tree). A file saved later in `astro dev` asks the catalog again, which reads what changed.
      let firstPass: Map<string, ChapterData> | undefined = chaptersByFile(loadDataCollections(dirs));
      const parseData = ({ filePath }: { filePath?: string }) => {
        const data = filePath === undefined ? undefined : (firstPass ?? chaptersByFile(loadDataCollections(dirs))).get(resolve(filePath));
        if (!data) throw new Error(`${filePath ?? 'a chapter'} is not under ${dirs.explainers}/, where the catalog reads the chapters`);
        return Promise.resolve(data);
      };
      try {
        await files.load({ ...context, parseData: parseData as LoaderContext['parseData'] });
      } finally {
        firstPass = undefined;
      }
    },
  };
}

function chaptersByFile(catalog: DataCollections): Map<string, ChapterData> {
  return new Map(catalog.chapters.map((chapter) => [resolve(chapter.filePath), chapter.data]));
}
