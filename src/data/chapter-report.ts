/**
 * What the citation transform (src/markdown/) reports about each chapter, as Astro's
 * `remarkPluginFrontmatter`: the one derivation of a chapter's notes that its page, the sources
 * page, "Told in", the page history, the cite files and the editions all read. Declared here, with
 * the data, so that what reads the report need not know how Markdown is transformed.
 */

/** An editor's note in a chapter (as `remarkPluginFrontmatter.corrections`). */
export interface NotedCorrection {
  correction: string;
  /** The id of the note's element in the chapter. */
  anchor: string;
}

/**
 * What the transform reports about a chapter, as `remarkPluginFrontmatter` (read typed through
 * renderChapter in src/data/explainers.ts): the one place its notes are numbered, its sources
 * listed, its words counted and what it tells worked out.
 */
export interface ChapterReport {
  /** The sources it cites, each with the notes that cite it. */
  citations: PageCitation[];
  /** Its editor's notes. */
  corrections: NotedCorrection[];
  /** How many notes it has (numbered 1 to this), citations and explanatory notes alike. */
  noteCount: number;
  /** Words in the text a reader reads: prose, quotations, editor's notes and tables, not the notes. */
  words: number;
  tells: ChapterTells;
  /** The statements, people and events its components show, by id (the data files its page is built from). */
  shows: { statements: string[]; people: string[]; events: string[] };
}

/**
 * What a chapter tells (as `remarkPluginFrontmatter.tells`): the people it names, and for each event
 * whose sources its text cites, whether it cites the event's own evidence passage and how many of the
 * event's sources it cites. src/data/citations-index.ts decides from these which chapters tell an event.
 */
export interface ChapterTells {
  people: string[];
  events: Record<string, { passage: boolean; sources: number }>;
}

/** What a chapter tells its page about the sources it cites (as `remarkPluginFrontmatter.citations`). */
export interface PageCitation {
  source: string;
  /** The notes that cite this source: footnote label, displayed number, and the passage each quotes. */
  notes: { label: string; number: number; passage?: string }[];
}
