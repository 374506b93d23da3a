import type { APIRoute, GetStaticPaths } from 'astro';
import { getExplainers } from '../../lib/explainers';
import { socialCards } from '../../lib/social-cards';
import { socialImage, type SocialCard } from '../../lib/social-image';

/** The social cards (lib/social-cards), each at `social/<page path>index.png` (see socialImagePath in lib/urls). */
export const getStaticPaths = (async () => {
  const cards = socialCards(await getExplainers());
  // Start every image now: they are drawn in worker threads, several at once, while Astro asks for
  // them one by one (most were started while the site was bundled: integrations/social-images). A
  // failure is reported when its page asks for it.
  for (const { card } of cards) socialImage(card).catch(() => undefined);
  return cards.map(({ path, card }) => ({ params: { page: `${path}index` }, props: { card } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(new Uint8Array(await socialImage(props['card'] as SocialCard)), { headers: { 'Content-Type': 'image/png' } });
