import type { AstroIntegration } from 'astro';
import { sweepBuildCache } from '../build/build-cache.ts';

/**
 * Keeps the build cache (src/build/build-cache.ts) to what the finished build used. Listed last, so
 * that it runs after every other integration has taken what it needs from the cache.
 */
export function buildCacheSweep(): AstroIntegration {
  return {
    name: 'build-cache',
    hooks: {
      'astro:build:done': ({ logger }) => {
        const swept = sweepBuildCache();
        if (swept.files + swept.entries > 0) {
          logger.info(`removed ${swept.files} unused files and ${swept.entries} unused memo entries from the build cache`);
        }
      },
    },
  };
}
