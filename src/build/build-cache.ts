import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { processShared } from './process-shared.ts';

/**
 * Artefacts that are slow to make and depend only on their inputs (a social image: 30 ms; the PDF
 * edition: seconds to minutes) are kept between builds, named by a hash of everything that shapes
 * them, so a build redoes only what changed. A stale entry cannot be served: changing any input
 * changes the name.
 *
 * They live in Astro's own cache folder, which a clean build starts without and which CI restores
 * from its cache between runs. `astro build` runs in the project's root, as Astro itself assumes
 * when it resolves that folder. BUILD_CACHE_DIR puts it elsewhere (the unit tests use their own).
 *
 * What a build does not use is swept away at its end (sweepBuildCache), so the folder holds what
 * the last build needed and does not grow with every edit.
 */
export const BUILD_CACHE_DIR = process.env['BUILD_CACHE_DIR'] ?? join(process.cwd(), 'node_modules', '.astro', 'artefacts');

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

/**
 * What this process has used, by folder of the cache: file names. Shared by the process
 * (processShared), like the memos below, because this module can be loaded twice in one build.
 */
const usedFiles = (): Map<string, Set<string>> => processShared('build-cache-used', () => new Map<string, Set<string>>());
function markUsed(folder: string, name: string): void {
  const used = usedFiles();
  used.set(folder, (used.get(folder) ?? new Set()).add(name));
}

/** The artefact `kind/key.extension` from the cache, or made by `make` and kept for next time. */
export async function cachedArtefact(kind: string, key: string, extension: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const file = join(BUILD_CACHE_DIR, kind, `${key}.${extension}`);
  markUsed(kind, `${key}.${extension}`);
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

const memoFiles = (): Map<string, MemoFile> => processShared('persistent-memos', () => new Map<string, MemoFile>());

interface MemoFile {
  entries: Map<string, string>;
  /** The keys this process asked for or added: what a sweep keeps. */
  used: Set<string>;
}

/**
 * A memo of strings that outlives the build: kept in the build cache as JSON lines, one
 * `[key, value]` per line, appended as values are made, so that no hook has to save it at the end
 * and a stopped build loses nothing. `inputs` name what every value depends on besides its key
 * (library versions, a locale); other inputs mean another file.
 *
 * A module can be loaded more than once in one build (the Markdown transform runs in the config's
 * module graph, pages in the bundle), so the memo is shared by the process and all copies use it.
 */
export function persistentMemo(name: string, inputs: string[]): Memo {
  const fileName = `${name}-${cacheKey(...inputs)}.jsonl`;
  const file = join(BUILD_CACHE_DIR, 'memo', fileName);
  const memos = memoFiles();
  let memo = memos.get(file);
  if (!memo) {
    memo = { entries: readMemo(file), used: new Set() };
    memos.set(file, memo);
  }
  markUsed('memo', fileName);
  const { entries, used } = memo;
  return {
    get: (key) => {
      const value = entries.get(key);
      if (value !== undefined) used.add(key);
      return value;
    },
    set: (key, value) => {
      entries.set(key, value);
      used.add(key);
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

/**
 * At the end of a build: in every folder of the cache this build used, deletes the files it did not
 * use, and rewrites each memo with only the entries it asked for. Folders it did not touch are left
 * alone (a build with PDF_EDITION=off keeps the PDF editions). Returns how many files and memo
 * entries went. A build running at the same time in the same project may lose cached work, never
 * correctness: whatever is missing is made again.
 */
export function sweepBuildCache(): { files: number; entries: number } {
  const used = usedFiles();
  let files = 0;
  for (const [folder, names] of used) {
    let present: string[];
    try {
      present = readdirSync(join(BUILD_CACHE_DIR, folder));
    } catch {
      continue;
    }
    for (const name of present.filter((name) => !names.has(name) && !name.endsWith('.partial'))) {
      rmSync(join(BUILD_CACHE_DIR, folder, name), { force: true });
      files++;
    }
  }
  let entries = 0;
  for (const [file, memo] of memoFiles()) {
    if (memo.used.size === memo.entries.size) continue;
    entries += memo.entries.size - memo.used.size;
    for (const key of memo.entries.keys()) if (!memo.used.has(key)) memo.entries.delete(key);
    const lines = [...memo.entries].map((entry) => `${JSON.stringify(entry)}\n`).join('');
    writeFileSync(`${file}.${process.pid}.partial`, lines);
    renameSync(`${file}.${process.pid}.partial`, file);
  }
  return { files, entries };
}
