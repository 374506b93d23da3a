import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { strings } from '../i18n/ui';
import { getErrata } from '../lib/accountability/errata-collection';
import { feedDate, feedItems } from '../lib/accountability/feed';
import { getExplainers } from '../lib/explainers';
import { absoluteUrl } from '../lib/urls';
import { SITE } from '../site.config';

/** The site's RSS feed: new explainers, changes of substance and our own corrections (lib/accountability/feed). */
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
