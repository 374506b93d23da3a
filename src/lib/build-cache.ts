import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Artefacts that are slow to make and depend only on their inputs (a social image: 30 ms; the PDF
 * edition: seconds to minutes) are kept between builds, named by a hash of everything that shapes
 * them, so a build redoes only what changed. A stale entry cannot be served: changing any input
 * changes the name.
 *
 * They live in Astro's own cache folder, which a clean build starts without and which CI restores
 * from its cache between runs. `astro build` runs in the project's root, as Astro itself assumes
 * when it resolves that folder.
 */
export const BUILD_CACHE_DIR = join(process.cwd(), 'node_modules', '.astro', 'artefacts');

/** "name version" for each package, to put in a cache key: another version may make another artefact. */
export function packageVersions(names: string[]): string[] {
  const require = createRequire(import.meta.url);
  return names.map((name) => {
    try {
      return `${name} ${(require(`${name}/package.json`) as { version: string }).version}`;
    } catch {
      return `${name} (version not found)`;
    }
  });
}

/** A short, stable name for a list of inputs. */
export function cacheKey(...inputs: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const input of inputs) hash.update(createHash('sha256').update(input).digest());
  return hash.digest('base64url').slice(0, 32);
}

/** The artefact `kind/key.extension` from the cache, or made by `make` and kept for next time. */
export async function cachedArtefact(kind: string, key: string, extension: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const file = join(BUILD_CACHE_DIR, kind, `${key}.${extension}`);
  try {
    return await readFile(file);
  } catch {
    const bytes = await make();
    await mkdir(join(BUILD_CACHE_DIR, kind), { recursive: true });
    // Written under a temporary name and renamed, so a build stopped half-way leaves no torn file.
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, bytes);
    await rename(partial, file);
    return bytes;
  }
}

/** Text made from text, remembered: see persistentMemo. */
export interface Memo {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

const MEMOS = Symbol.for('footnoted-explainers.persistent-memos');

/**
 * A memo of strings that outlives the build: kept in the build cache as JSON lines, one
 * `[key, value]` per line, appended as values are made, so that no hook has to save it at the end
 * and a stopped build loses nothing. `inputs` name what every value depends on besides its key
 * (library versions, a locale); other inputs mean another file.
 *
 * A module can be loaded more than once in one build (the Markdown transform runs in the config's
 * module graph, pages in the bundle), so the memo is kept on globalThis and all copies share it.
 */
export function persistentMemo(name: string, inputs: string[]): Memo {
  const file = join(BUILD_CACHE_DIR, 'memo', `${name}-${cacheKey(...inputs)}.jsonl`);
  const memos = ((globalThis as { [MEMOS]?: Map<string, Map<string, string>> })[MEMOS] ??= new Map());
  let entries = memos.get(file);
  if (!entries) {
    entries = readMemo(file);
    memos.set(file, entries);
  }
  const known = entries;
  return {
    get: (key) => known.get(key),
    set: (key, value) => {
      known.set(key, value);
      try {
        mkdirSync(dirname(file), { recursive: true });
        appendFileSync(file, `${JSON.stringify([key, value])}\n`);
      } catch {
        // A read-only checkout still builds; it only remembers nothing.
      }
    },
  };
}

function readMemo(file: string): Map<string, string> {
  const entries = new Map<string, string>();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return entries; // none yet
  }
  for (const line of text.split('\n')) {
    try {
      const [key, value] = JSON.parse(line) as unknown[];
      if (typeof key === 'string' && typeof value === 'string') entries.set(key, value);
    } catch {
      // An empty last line, or one cut short when a build was stopped: skip it.
    }
  }
  return entries;
}
