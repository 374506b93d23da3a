import { basename } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { ContentError } from './content-error';

export type Chapter = CollectionEntry<'explainers'>;

export interface Explainer {
  id: string;
  /** Chapter 0: the whole story in brief, and the explainer's own metadata. */
  overview: Chapter;
  /** The parts after the overview, in reading order. */
  parts: Chapter[];
  /** Overview first, then the parts. */
  chapters: Chapter[];
}

/**
 * The file name of a chapter without folder or extension: `background`, or `index` for the overview.
 * (Not the entry id: the glob loader drops `index`, so the overview's id is the explainer's.)
 */
export function chapterSlug(chapter: Chapter): string {
  return basename(chapter.filePath ?? chapter.id, '.mdx');
}

export function chapterPath(chapter: Chapter): string {
  const slug = chapterSlug(chapter);
  return slug === 'index' ? `${chapter.data.explainer}/` : `${chapter.data.explainer}/${slug}/`;
}

export function chapterNavTitle(chapter: Chapter): string {
  return chapter.data.navTitle ?? chapter.data.title;
}

/** Every explainer with its chapters in order; fails the build if chapter numbers clash or the overview is missing. */
export async function getExplainers(): Promise<Explainer[]> {
  const byExplainer = Map.groupBy(await getCollection('explainers'), (chapter) => chapter.data.explainer);
  return [...byExplainer.entries()]
    .map(([id, chapters]) => {
      const sorted = chapters.toSorted((a, b) => a.data.order - b.data.order);
      const file = (chapter: Chapter) => chapter.filePath ?? chapter.id;
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
            file: overview ? file(overview) : `content/explainers/${id}`,
            field: 'order',
            expected: 'an overview chapter with order: 0',
            fix: `add content/explainers/${id}/index.mdx with order: 0`,
          },
        ]);
      }
      return { id, overview, parts, chapters: sorted };
    })
    .toSorted((a, b) => b.overview.data.updated.iso.localeCompare(a.overview.data.updated.iso));
}

/** Minutes to read a chapter at 220 words a minute (prose only, not the notes). */
export function readingMinutes(chapter: Chapter): number {
  const words = (chapter.body ?? '')
    .replace(/\[\^[^\]]+\]:.*$/gm, '')
    .replace(/\[@[^\]]+\]|<[^>]+>/g, '')
    .split(/\s+/)
    .filter(Boolean).length;
  return Math.max(1, Math.round(words / 220));
}
