import type { APIRoute, GetStaticPaths } from 'astro';
import { getExplainers } from '../../lib/explainers';
import { socialCards } from '../../lib/social-cards';
import { socialImage, type SocialCard } from '../../lib/social-image';

/**
 * The social cards (lib/social-cards), each at `social/<page path>index.png` (see socialImagePath in
 * lib/urls). In a build they were started when the build started (integrations/social-images), so
 * each is drawn or being drawn when asked for: asking again gives the same promise.
 */
export const getStaticPaths = (async () =>
  socialCards(await getExplainers()).map(({ path, card }) => ({
    params: { page: `${path}index` },
    props: { card },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(new Uint8Array(await socialImage(props['card'] as SocialCard)), { headers: { 'Content-Type': 'image/png' } });
