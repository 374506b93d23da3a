import type { AstroIntegration } from 'astro';
import { enableBuildAnnotations } from '../lib/content-error';
import { freezeDataCollections, loadDataCollections } from '../lib/data-collections';

/**
 * Validates every YAML data file and every chapter's frontmatter (fields, dates, cross-references)
 * before any page is built, so an editor's mistake stops the build with file:line:column and a fix
 * instead of a broken page.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': ({ command }) => {
        // In GitHub Actions, a mistake found while building is also shown on its line of the pull request.
        if (command === 'build') enableBuildAnnotations();
        loadDataCollections();
        if (command === 'build') freezeDataCollections();
      },
    },
  };
}
