import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'astro/zod';
import { chapterSchema, type ChapterData } from '../schemas/chapter.ts';
import { correctionSchema } from '../schemas/correction.ts';
import { eventSchema } from '../schemas/event.ts';
import { personSchema } from '../schemas/person.ts';
import { DATA_COLLECTIONS, type CollectionName, type References } from '../schemas/reference.ts';
import { sourceSchema } from '../schemas/source.ts';
import { outletSchema } from '../schemas/outlet.ts';
import { erratumSchema } from '../schemas/erratum.ts';
import { stateSchema } from '../schemas/state.ts';
import { statementSchema } from '../schemas/statement.ts';
import { CONTENT_DIRS, type ContentDirs } from './content-dirs.ts';
import { ContentError, type ContentProblem } from './content-error.ts';
import { readDataFile, readFrontmatter, yamlFilesIn } from './data-files.ts';
import { nearest } from './nearest.ts';
import { processShared } from '../build/process-shared.ts';

/**
 * All YAML data and every chapter's frontmatter, read once with the project's YAML reader, validated
 * with the collections' schemas, with every cross-reference checked and every problem reported with
 * file, line and column. The one reading the site has: the content layer stores these values for
 * the pages (yaml-loader.ts), the citation transform reads its sources, statements, corrections and
 * people from here, and the build checks all of it before pages.
 */
type Dirs = ContentDirs;

function schemasFor(dirs: Dirs, ids: Record<CollectionName, Set<string>>) {
  const idIn = <C extends CollectionName>(collection: C) =>
    z
      .string()
      .refine((id) => ids[collection].has(id), {
        error: (issue) =>
          `the id of an entry in ${dirs[collection]}/ (nearest to "${String(issue.input)}": ` +
          `${nearest(String(issue.input), ids[collection]).join(', ') || 'none yet'}), ` +
          `or a new file ${dirs[collection]}/${String(issue.input)}.yaml`,
      })
      .transform((id) => ({ collection, id }));
  const references: References = {
    sources: idIn('sources'),
    people: idIn('people'),
    events: idIn('events'),
    statements: idIn('statements'),
    corrections: idIn('corrections'),
    states: idIn('states'),
    outlets: idIn('outlets'),
    errata: idIn('errata'),
  };
  return {
    sources: sourceSchema(references),
    outlets: outletSchema,
    errata: erratumSchema(references),
    people: personSchema(references),
    events: eventSchema(references),
    statements: statementSchema(references),
    corrections: correctionSchema(references),
    states: stateSchema(references),
    chapters: chapterSchema(references),
  };
}

type Schemas = ReturnType<typeof schemasFor>;
/** A chapter's frontmatter as read before the build, with the file it came from. */
export interface ChapterFrontmatter {
  id: string;
  filePath: string;
  data: ChapterData;
}
export type DataCollections = { [C in CollectionName]: Map<string, z.output<Schemas[C]>> } & {
  /** Every chapter's frontmatter, in file order: known before Astro's content layer, which stores these values too. */
  chapters: ChapterFrontmatter[];
};
export type Person = z.output<Schemas['people']>;

export function readDataCollections(dirs: Dirs = CONTENT_DIRS): { data: DataCollections; problems: ContentProblem[] } {
  const files = Object.fromEntries(DATA_COLLECTIONS.map((c) => [c, yamlFilesIn(dirs[c])])) as Record<CollectionName, string[]>;
  const ids = Object.fromEntries(DATA_COLLECTIONS.map((c) => [c, new Set(files[c].map((file) => basename(file, '.yaml')))])) as Record<
    CollectionName,
    Set<string>
  >;
  const schemas = schemasFor(dirs, ids);
  const problems: ContentProblem[] = [];
  const data = { chapters: [] as ChapterFrontmatter[] } as Record<CollectionName, Map<string, unknown>> & {
    chapters: ChapterFrontmatter[];
  };
  for (const collection of DATA_COLLECTIONS) {
    data[collection] = new Map();
    for (const file of files[collection]) {
      const result = readDataFile(file, schemas[collection]);
      problems.push(...result.problems);
      if (result.data !== undefined) data[collection].set(result.id, result.data);
    }
  }
  for (const file of mdxFilesUnder(dirs.explainers)) {
    const result = readFrontmatter(file, schemas.chapters);
    problems.push(...result.problems);
    if (result.data !== undefined) data.chapters.push({ id: file, filePath: file, data: result.data });
  }
  return { data: data as DataCollections, problems };
}

function mdxFilesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.mdx'))
      .sort()
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

/**
 * The one reading of the data in this process. Astro loads this module twice in a build (in the
 * config's module graph, where the content check and the Markdown transform run, and in the content
 * layer's, where the collections' loader runs): both copies share this state, so the files are read
 * and validated once, and the pages see the very values the transform saw.
 */
const reading = processShared('data-catalog', () => ({
  cached: undefined as { key: string; root: string; data: DataCollections } | undefined,
  frozen: false,
}));

/**
 * During `astro build` nothing edits the content, so the data read at the start serves every
 * chapter and every collection; without this, each chapter's transform would check every file's
 * timestamp again.
 */
export function freezeDataCollections(): void {
  reading.frozen = true;
}

/**
 * The validated data, read once and again only when a file changes (as in `astro dev`).
 * Throws a ContentError listing every problem, so no page is built from bad data.
 */
export function loadDataCollections(dirs: Dirs = CONTENT_DIRS): DataCollections {
  // Compared by root, not by object: each copy of content-dirs.ts makes its own CONTENT_DIRS.
  if (reading.frozen && reading.cached?.root === dirs.root) return reading.cached.data;
  const key = [...DATA_COLLECTIONS.flatMap((c) => yamlFilesIn(dirs[c])), ...mdxFilesUnder(dirs.explainers)]
    .map((file) => `${file}@${statSync(file).mtimeMs}`)
    .join('|');
  if (reading.cached?.key !== key) {
    const { data, problems } = readDataCollections(dirs);
    if (problems.length > 0) throw new ContentError(problems);
    reading.cached = { key, root: dirs.root, data };
  }
  return reading.cached.data;
}
