import { render } from 'astro:content';
import type { PageCitation } from '../plugins/remark-citations';
import { chapterNavTitle, chapterPath, getExplainers, type Chapter } from './explainers';

export interface CitingPlace {
  chapter: Chapter;
  path: string;
  label: string;
  notes: PageCitation['notes'];
}

/** For each source id, every chapter (and note) that cites it, in reading order. */
export async function getCitingPlaces(): Promise<Map<string, CitingPlace[]>> {
  const places = new Map<string, CitingPlace[]>();
  for (const explainer of await getExplainers()) {
    for (const chapter of explainer.chapters) {
      const { remarkPluginFrontmatter } = await render(chapter);
      for (const { source, notes } of (remarkPluginFrontmatter['citations'] ?? []) as PageCitation[]) {
        const place = {
          chapter,
          path: chapterPath(chapter),
          label: `${explainer.overview.data.title}: ${chapterNavTitle(chapter)}`,
          notes,
        };
        places.set(source, [...(places.get(source) ?? []), place]);
      }
    }
  }
  return places;
}
