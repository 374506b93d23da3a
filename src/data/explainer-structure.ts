import type { ChapterData } from '../schemas/chapter.ts';
import { CONTENT_DIRS } from './content-dirs.ts';
import { ContentError } from './content-error.ts';

/**
 * How chapters make explainers: grouped by their `explainer` field, ordered by `order`, the overview
 * first. Free of Astro's content layer, so that it works on Astro's entries when pages are built
 * and on the content check's own reading of the files before that (see integrations/social-images).
 */
export interface ChapterLike {
  id: string;
  filePath?: string | undefined;
  data: Pick<ChapterData, 'explainer' | 'order' | 'title' | 'navTitle' | 'dek' | 'period' | 'updated'> &
    Partial<Pick<ChapterData, 'published'>>;
}

export interface ExplainerOf<C extends ChapterLike> {
  id: string;
  /** Chapter 0: the whole story in brief, and the explainer's own metadata. */
  overview: C;
  /** The parts after the overview, in reading order. */
  parts: C[];
  /** Overview first, then the parts. */
  chapters: C[];
}

export function chapterNavTitle(chapter: ChapterLike): string {
  return chapter.data.navTitle ?? chapter.data.title;
}

/** The explainers, newest first, each with its chapters in order; fails if chapter numbers clash or the overview is missing. */
export function groupExplainers<C extends ChapterLike>(all: C[]): ExplainerOf<C>[] {
  const byExplainer = Map.groupBy(all, (chapter) => chapter.data.explainer);
  return [...byExplainer.entries()]
    .map(([id, chapters]) => {
      const sorted = chapters.toSorted((a, b) => a.data.order - b.data.order);
      const file = (chapter: C) => chapter.filePath ?? chapter.id;
      sorted.forEach((chapter, index) => {
        const next = sorted[index + 1];
        if (next && next.data.order === chapter.data.order) {
          throw new ContentError([
            {
              file: file(next),
              field: 'order',
              found: String(next.data.order),
              expected: `a chapter number not used by ${file(chapter)}`,
              fix: 'give each chapter of an explainer its own order number (0 for the overview)',
            },
          ]);
        }
      });
      const [overview, ...parts] = sorted;
      if (!overview || overview.data.order !== 0) {
        throw new ContentError([
          {
            file: overview ? file(overview) : `${CONTENT_DIRS.explainers}/${id}`,
            field: 'order',
            expected: 'an overview chapter with order: 0',
            fix: `add ${CONTENT_DIRS.explainers}/${id}/index.mdx with order: 0`,
          },
        ]);
      }
      return { id, overview, parts, chapters: sorted };
    })
    .toSorted((a, b) => b.overview.data.updated.iso.localeCompare(a.overview.data.updated.iso));
}
