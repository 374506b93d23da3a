import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { strings } from '../i18n/ui.ts';
import { getErrata } from '../accountability/errata-collection.ts';
import { feedDate, feedItems } from '../accountability/feed.ts';
import { getExplainers } from '../data/explainers.ts';
import { absoluteUrl } from '../routes.ts';
import { SITE } from '../site.config.ts';

/** The site's RSS feed: new explainers, changes of substance and our own corrections (accountability/feed). */
export const GET: APIRoute = async () => {
  const t = strings();
  const items = feedItems(await getExplainers(), await getErrata());
  return rss({
    title: t.feedTitle(SITE.name),
    description: t.feedDescription,
    site: absoluteUrl(),
    customData: `<language>${SITE.locale}</language>`,
    items: items.map((item) => ({
      title: item.title,
      link: absoluteUrl(item.path),
      pubDate: feedDate(item.date),
      description: item.description,
      categories: [item.kind],
    })),
  });
};
