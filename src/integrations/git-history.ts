import type { AstroIntegration } from 'astro';
import { gitHistory } from '../data/git-history.ts';

/**
 * Starts reading the repository's history (data/git-history.ts) as soon as a build's config is
 * loaded, so that git runs beside Vite's work and is forked from a small process; the chapters'
 * history pages and every page's "Last changed" then find it read.
 */
export function gitHistoryAhead(): AstroIntegration {
  return {
    name: 'git-history',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build') void gitHistory();
      },
    },
  };
}
