import type { APIRoute, GetStaticPaths } from 'astro';
import { getExplainers } from '../../data/explainers.ts';
import { socialCards } from '../../social/social-cards.ts';
import { socialImage, type SocialCard } from '../../social/social-image.ts';

/**
 * The social cards (social/social-cards), each at `social/<page path>index.png` (see socialImagePath in
 * routes.ts). In a build they were started when the build started (integrations/social-images), so
 * each is drawn or being drawn when asked for: asking again gives the same promise.
 */
export const getStaticPaths = (async () =>
  socialCards(await getExplainers()).map(({ path, card }) => ({
    params: { page: `${path}index` },
    props: { card },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(new Uint8Array(await socialImage(props['card'] as SocialCard)), { headers: { 'Content-Type': 'image/png' } });
