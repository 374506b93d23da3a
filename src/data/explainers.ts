import { getCollection, render, type CollectionEntry } from 'astro:content';
import type { ChapterReport, ChapterTells, NotedCorrection, PageCitation } from './chapter-report.ts';
import { groupExplainers, type ExplainerOf } from './explainer-structure.ts';
import { oncePerBuild, oncePerBuildFor } from './once-per-build.ts';

export type Chapter = CollectionEntry<'explainers'>;
export type Explainer = ExplainerOf<Chapter>;
export { chapterNavTitle } from './explainer-structure.ts';

/** Every explainer with its chapters in order; fails the build if chapter numbers clash or the overview is missing. */
export const getExplainers: () => Promise<Explainer[]> = oncePerBuild(async () => groupExplainers(await getCollection('explainers')));

/**
 * A chapter rendered, with what its citation transform reported about it, typed. Once per build:
 * its page, its history, the one-page edition, the footnote previews and the citations index each
 * ask, and each of Astro's render() calls builds an error object to throw if it fails (0.2 s of
 * stack traces for 5,000 calls at 1,000 chapters, in a profile).
 */
export const renderChapter = oncePerBuildFor((chapter: Chapter) => chapter.id, renderEntry);

async function renderEntry(chapter: Chapter) {
  const { Content, headings, remarkPluginFrontmatter } = await render(chapter);
  return {
    Content,
    headings,
    citations: (remarkPluginFrontmatter['citations'] ?? []) as PageCitation[],
    corrections: (remarkPluginFrontmatter['corrections'] ?? []) as NotedCorrection[],
    /** Words in the text a reader reads (prose, quotations, editor's notes, tables), without the notes. */
    words: Number(remarkPluginFrontmatter['words'] ?? 0),
    tells: (remarkPluginFrontmatter['tells'] ?? { people: [], events: {} }) as ChapterTells,
    /** How many notes it has: its notes are numbered 1 to this. */
    noteCount: Number(remarkPluginFrontmatter['noteCount'] ?? 0),
    /** The statements, people and events its components show. */
    shows: (remarkPluginFrontmatter['shows'] ?? { statements: [], people: [], events: [] }) as ChapterReport['shows'],
  };
}

/** Minutes to read a chapter's text at 220 words a minute (the words its transform counted: prose, not notes). */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 220));
}
