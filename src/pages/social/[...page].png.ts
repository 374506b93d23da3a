import type { APIRoute, GetStaticPaths } from 'astro';
import { strings } from '../../i18n/ui';
import { formatDate } from '../../lib/dates';
import { chapterPath, getExplainers } from '../../lib/explainers';
import { socialImage, type SocialCard } from '../../lib/social-image';
import { SITE } from '../../site.config';

/** One preview image per page, at `social/<page path>index.png` (see socialImagePath in lib/urls). */
export const getStaticPaths = (async () => {
  const t = strings();
  const cards: { path: string; card: SocialCard }[] = [
    { path: '', card: { title: t.explainers, description: `${SITE.tagline}.` } },
    { path: 'timeline/', card: { title: t.timeline, description: t.timelineDescription } },
    { path: 'people/', card: { title: t.people, description: t.peopleDescription } },
    { path: 'sources/', card: { title: t.sources, description: t.sourcesDescription } },
    { path: 'corrections/', card: { title: t.corrections, description: t.correctionsDescription } },
  ];
  for (const explainer of await getExplainers()) {
    const { title, dek, period } = explainer.overview.data;
    cards.push({
      path: `${explainer.id}/all/`,
      card: { eyebrow: t.wholeExplainer, title, description: dek, footer: `${formatDate(period.from)} – ${formatDate(period.to)}` },
    });
    for (const chapter of explainer.chapters) {
      const { period } = chapter.data;
      cards.push({
        path: chapterPath(chapter),
        card: {
          ...(chapter === explainer.overview ? {} : { eyebrow: explainer.overview.data.title }),
          title: chapter.data.title,
          description: chapter.data.dek,
          footer: `${formatDate(period.from)} – ${formatDate(period.to)}`,
        },
      });
    }
  }
  // Start every image now: they are drawn in worker threads, several at once, while Astro asks for
  // them one by one. A failure is reported when its page asks for it.
  for (const { card } of cards) socialImage(card).catch(() => undefined);
  return cards.map(({ path, card }) => ({ params: { page: `${path}index` }, props: { card } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(new Uint8Array(await socialImage(props['card'] as SocialCard)), { headers: { 'Content-Type': 'image/png' } });
