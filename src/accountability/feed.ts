import type { PartialDate } from '../schemas/partial-date.ts';
import { type ChapterLike, type ExplainerOf } from '../data/explainer-structure.ts';
import { erratumPageKey, erratumText, type ErratumEntry } from './errata.ts';
import { erratumAnchor, updatedAnchor, chapterPath } from '../routes.ts';

/**
 * The site's feed: new explainers (and chapters added later), changes of substance (a chapter's
 * `updated`, the editors' own date, never a commit's) and our own corrections. Each item's link is
 * also its id in the feed (@astrojs/rss writes it as the guid), so each is a distinct address: the
 * chapter, its "Updated" date, the correction at its foot.
 */
export interface FeedItem {
  kind: 'published' | 'updated' | 'corrected';
  title: string;
  /** A path inside the site, with a fragment where the item is part of a page. */
  path: string;
  date: PartialDate;
  description: string;
}

type DatedChapter = ChapterLike & { data: { published?: PartialDate | undefined } };

export function feedItems<C extends DatedChapter>(explainers: ExplainerOf<C>[], errata: ErratumEntry[]): FeedItem[] {
  const items: FeedItem[] = [];
  const chapterByKey = new Map<string, { chapter: C; explainer: ExplainerOf<C> }>();
  for (const explainer of explainers) {
    for (const chapter of explainer.chapters) {
      chapterByKey.set(erratumPageKey(chapter), { chapter, explainer });
      const isOverview = chapter === explainer.overview;
      const name = isOverview ? chapter.data.title : `${chapter.data.title} (${explainer.overview.data.title})`;
      const { published, updated, dek } = chapter.data;
      if (published) {
        items.push({
          kind: 'published',
          title: `${isOverview ? 'New explainer' : 'New chapter'}: ${name}`,
          path: chapterPath(chapter),
          date: published,
          description: dek,
        });
      }
      // Published and changed on the same day is one event: its publication.
      if (published?.iso !== updated.iso) {
        items.push({
          kind: 'updated',
          title: `Updated: ${name}`,
          path: `${chapterPath(chapter)}#${updatedAnchor(updated.iso)}`,
          date: updated,
          description: dek,
        });
      }
    }
  }
  for (const { id, data } of errata) {
    const found = chapterByKey.get(data.page);
    if (!found) continue;
    items.push({
      kind: 'corrected',
      title: `Correction: ${found.chapter.data.title}`,
      path: `${chapterPath(found.chapter)}#${erratumAnchor(id)}`,
      date: data.date,
      description: erratumText(data),
    });
  }
  return items.toSorted((a, b) => b.date.iso.localeCompare(a.date.iso) || a.path.localeCompare(b.path));
}

/** A partial date as a moment, for the feed's pubDate: its first day, at midnight UTC. */
export function feedDate(date: PartialDate): Date {
  return new Date(`${date.iso}${date.precision === 'year' ? '-01-01' : date.precision === 'month' ? '-01' : ''}T00:00:00Z`);
}
