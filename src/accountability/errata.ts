import type { Erratum } from '../schemas/erratum.ts';
import { ContentError, type ContentProblem } from '../data/content-error.ts';
import { type ChapterLike } from '../data/explainer-structure.ts';
import { chapterSlug } from '../routes.ts';

/** An erratum with its id (the file name under content/errata/). */
export interface ErratumEntry {
  id: string;
  data: Erratum;
}

/** The key an erratum's `page` uses for a chapter: `<explainer>/<chapter file name>` (`index` for the overview). */
export function erratumPageKey(chapter: ChapterLike): string {
  return `${chapter.data.explainer}/${chapterSlug(chapter)}`;
}

/** Newest first; on one day, in file order, so the list is the same on every build. */
export function newestFirst<E extends ErratumEntry>(errata: E[]): E[] {
  return errata.toSorted((a, b) => b.data.date.iso.localeCompare(a.data.date.iso) || a.id.localeCompare(b.id));
}

/**
 * Each chapter's errata, newest first, keyed by the chapter's page key. An erratum whose `page`
 * names no chapter fails the build: a correction readers cannot find is no correction.
 */
export function errataByChapter<C extends ChapterLike, E extends ErratumEntry>(
  chapters: C[],
  errata: E[],
  errataDir: string,
): Map<string, { chapter: C; errata: E[] }> {
  const byKey = new Map(chapters.map((chapter) => [erratumPageKey(chapter), { chapter, errata: [] as E[] }]));
  const problems: ContentProblem[] = [];
  for (const erratum of newestFirst(errata)) {
    const entry = byKey.get(erratum.data.page);
    if (entry) entry.errata.push(erratum);
    else
      problems.push({
        file: `${errataDir}/${erratum.id}.yaml`,
        field: 'page',
        found: `"${erratum.data.page}"`,
        expected: `a chapter, written <explainer>/<chapter>: ${[...byKey.keys()].join(', ') || 'none yet'}`,
        fix: 'correct the page, e.g. armenia-belarus-csto/background (index for the overview)',
      });
  }
  if (problems.length > 0) throw new ContentError(problems);
  return byKey;
}

/** An erratum in one paragraph of plain text, for the feed and the JSON-LD. */
export function erratumText(erratum: Erratum): string {
  return `This page said: “${erratum.said}” It now says: “${erratum.says}” Why: ${erratum.why}`;
}

/**
 * An erratum in one line, for the foot of its chapter and the JSON-LD: the first sentence of its
 * `why`. What the page said and says now, in full, are on the corrections page; repeating them at
 * the foot of every chapter made the heaviest chapter's first view a tenth heavier.
 */
export function erratumSummary(erratum: Erratum): string {
  const why = erratum.why.trim();
  return /^.+?[.!?](?=\s+[A-Z“"‘'(]|$)/s.exec(why)?.[0] ?? why;
}
