import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { enableBuildAnnotations } from '../data/content-error.ts';
import { freezeDataCollections, loadDataCollections } from '../data/catalog.ts';
import { linksIn } from '../build/public-files.ts';
import { formatSourcesAhead } from '../citations/csl.ts';

/**
 * Validates every YAML data file and every chapter's frontmatter (fields, dates, cross-references)
 * before any page is built, so an editor's mistake stops the build with file:line:column and a fix
 * instead of a broken page. Also refuses links in public/, which would publish what they point to.
 * Once the data is read, a build starts formatting every source's citation in a worker thread
 * (formatSourcesAhead), while Vite starts and the chapters are compiled.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        // In GitHub Actions, a mistake found while building is also shown on its line of the pull request.
        if (command === 'build') enableBuildAnnotations();
        const links = linksIn(fileURLToPath(config.publicDir));
        if (links.length > 0) {
          throw new Error(
            `public/ holds links to other places, which the build would copy into the site: ${links.join(', ')}. ` +
              'Replace each link with the file itself, or remove it.',
          );
        }
        const data = loadDataCollections();
        if (command === 'build') {
          freezeDataCollections();
          formatSourcesAhead(data.sources);
        }
      },
    },
  };
}
