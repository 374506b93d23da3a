import type { AstroIntegration } from 'astro';
import { loadDataCollections } from '../data/catalog.ts';
import { groupExplainers } from '../data/explainer-structure.ts';
import { socialCards } from '../social/social-cards.ts';
import { socialImage } from '../social/social-image.ts';

/**
 * Starts drawing the social cards when the build starts, from the chapters' frontmatter as
 * the content check read it, so that the worker threads draw them on the cores that bundling leaves
 * idle. The social image route then finds them drawn (or being drawn: the promise is shared) instead
 * of drawing them itself. Nothing here decides what an image shows: the cards come from
 * social/social-cards, as for the route, and a card that differs is simply drawn by the route.
 */
export function socialImages(): AstroIntegration {
  return {
    name: 'social-images',
    hooks: {
      'astro:build:start': ({ logger }) => {
        const cards = socialCards(groupExplainers(loadDataCollections().chapters));
        for (const { card } of cards) socialImage(card).catch(() => undefined);
        logger.info(`${cards.length} social images: any not in the build cache are drawn in the background`);
      },
    },
  };
}
