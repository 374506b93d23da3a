import { getCollection, type CollectionEntry } from 'astro:content';
import { groupExplainers, type ExplainerOf } from './explainer-structure';

export type Chapter = CollectionEntry<'explainers'>;
export type Explainer = ExplainerOf<Chapter>;
export { chapterNavTitle, chapterPath, chapterSlug } from './explainer-structure';

/** Every explainer with its chapters in order; fails the build if chapter numbers clash or the overview is missing. */
export async function getExplainers(): Promise<Explainer[]> {
  return groupExplainers(await getCollection('explainers'));
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
