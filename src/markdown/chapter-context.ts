import type { FootnoteDefinition, FootnoteReference, Nodes } from 'mdast';
import { relative } from 'node:path';
import type { VFile } from 'vfile';
import { loadDataCollections, type DataCollections } from '../data/catalog.ts';
import type { NotedCorrection } from '../data/chapter-report.ts';
import { annotateDuringBuild, formatProblem, pointAt, type ContentProblem } from '../data/content-error.ts';
import { CONTENT_DIRS, type ContentDirs } from '../data/content-dirs.ts';
import { nearest } from '../data/nearest.ts';
import { SITE } from '../site.config.ts';
import { chapterPrefix } from './chapter-prefix.ts';
import type { CitationItem } from './citation-syntax.ts';
import { noteLabel, noteReference, sourceNote } from './notes.ts';

export interface RemarkCitationsOptions {
  /** Where the data lives; tests and the benchmark point it at other content trees. */
  dirs?: ContentDirs;
  /** The site's base path, for links to the people and corrections pages. */
  base?: string;
  /** Whether every citation in chapter prose must carry an evidence passage; the site's setting by default. */
  requireEvidence?: boolean;
}

/** The statements, people and events a chapter shows, by id. */
export interface Shown {
  statements: Set<string>;
  people: Set<string>;
  events: Set<string>;
}

/** A problem as the transform words it; `fail` adds the file and the place. */
export type Problem = Omit<ContentProblem, 'file'>;

/**
 * One chapter as the transform and the data components see it: the data, where the chapter is, how
 * to stop the build at a node, and what the chapter has cited, noted and told so far.
 */
export interface ChapterContext {
  catalog: DataCollections;
  dirs: ContentDirs;
  /** The site's base path, ending in `/`. */
  base: string;
  requireEvidence: boolean;
  /** The chapter's file name: the prefix of its footnote ids (chapter-prefix.ts). */
  prefix: string;
  /** The chapter's file, for finding the chapters beside it. */
  path: string | undefined;
  /** Whether the chapter is the overview (chapter 0). */
  isOverview: boolean;
  /** Each note the transform wrote, by label, in the order first cited. */
  notes: Map<string, FootnoteDefinition>;
  /** The chapter's editor's notes, in order. */
  notedCorrections: NotedCorrection[];
  /** What the chapter's own text tells: the sources it cites (and with which passages), the people it names. */
  told: { sources: Set<string>; passages: Set<string>; people: Set<string> };
  /** The data entries the chapter's components show, by collection: the files its page is built from besides its notes' sources. */
  shows: Shown;
  /** Stops the build with a ContentProblem at `node` (or at an offset in the file), worded by the one formatter. */
  fail(problem: Problem, node: Nodes, offsetInSource?: number): never;
  /** A reference to the note that cites `item`, written once per distinct source, locator and passage. */
  cite(item: CitationItem, node: Nodes, offsetInSource?: number): FootnoteReference;
  /** Runs `expand` without counting what it cites as told by the chapter (a key-facts table restates events). */
  untold<T>(expand: () => T): T;
}

/** The problem an unknown id is: the id, the nearest known ids, and the file to add. */
export function unknownId(id: string, known: Map<string, unknown>, folder: string, field?: string): Problem {
  return {
    ...(field ? { field } : {}),
    found: `"${id}"`,
    expected: `the id of an entry in ${folder}/ (nearest: ${nearest(id, known.keys()).join(', ') || 'none yet'})`,
    fix: `correct the id, or add ${folder}/${id}.yaml`,
  };
}

/** The key of one source and passage, as an event's evidence and a chapter's citation both give it. */
export function evidenceKey(sourceId: string, passage: string): string {
  return `${sourceId}\u0000${passage.replace(/\s+/g, ' ').trim()}`;
}

export function chapterContext(file: VFile, options: RemarkCitationsOptions): ChapterContext {
  const dirs = options.dirs ?? CONTENT_DIRS;
  const catalog = loadDataCollections(dirs);
  const prefix = chapterPrefix(file);
  const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter;
  let tallying = true;
  const chapter: ChapterContext = {
    catalog,
    dirs,
    base: (options.base ?? '/').replace(/\/?$/, '/'),
    requireEvidence: options.requireEvidence ?? SITE.requireEvidence,
    prefix,
    path: file.path || undefined,
    // The overview is chapter 0 (its file is index.mdx); where no frontmatter is passed, the file name says.
    isOverview: frontmatter?.['order'] !== undefined ? frontmatter['order'] === 0 : prefix === 'index',
    notes: new Map(),
    notedCorrections: [],
    told: { sources: new Set(), passages: new Set(), people: new Set() },
    shows: { statements: new Set(), people: new Set(), events: new Set() },
    fail: (problem, node, offset) => failAt(file, problem, node, offset),
    cite(item, node, offset) {
      const source = catalog.sources.get(item.id);
      if (!source) return chapter.fail(unknownId(item.id, catalog.sources, dirs.sources), node, offset);
      const label = noteLabel(prefix, item);
      if (tallying) {
        chapter.told.sources.add(item.id);
        if (item.passage) chapter.told.passages.add(evidenceKey(item.id, item.passage));
      }
      if (!chapter.notes.has(label)) {
        chapter.notes.set(label, sourceNote(label, item, source, catalog.outlets.get(source.outlet.id)?.label));
      }
      return noteReference(label);
    },
    untold(expand) {
      tallying = false;
      try {
        return expand();
      } finally {
        tallying = true;
      }
    },
  };
  return chapter;
}

/** Stops the build with a ContentProblem, worded by the one formatter every content mistake uses. */
function failAt(file: VFile, problem: Problem, node: Nodes, offsetInSource?: number): never {
  const place = offsetInSource === undefined ? node.position : { ...pointAt(String(file.value), offsetInSource), offset: offsetInSource };
  const start = place && 'start' in place ? place.start : place;
  const full: ContentProblem = {
    file: file.path ? relative(process.cwd(), file.path) : 'chapter.mdx',
    ...(start ? { line: start.line, column: start.column } : {}),
    ...problem,
  };
  // As file.fail() would, plus the problem itself for the content checks (src/checks) to read.
  const message = file.message(formatProblem(full), { place, ruleId: 'citation', source: 'remark-citations' });
  message.fatal = true;
  annotateDuringBuild([full]);
  throw Object.assign(message, { problem: full });
}
