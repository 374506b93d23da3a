import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { takeCitationFiles } from '../citations/citation-files.ts';
import { CITATION_FILE_FORMATS } from '../citations/page-citation.ts';
import { CITATION_FOLDER } from '../routes.ts';

/**
 * Writes the "Cite this page" downloads that the chapter pages handed over as they were built
 * (src/citations/citation-files.ts). In `astro dev` nothing is built, so a route per format serves
 * them instead; it is added only there.
 */
export function citationFiles(): AstroIntegration {
  return {
    name: 'citation-files',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command !== 'dev') return;
        for (const format of CITATION_FILE_FORMATS) {
          injectRoute({
            pattern: `/${CITATION_FOLDER}/[...page].${format}`,
            entrypoint: `src/citations/dev-routes/page-citation.${format}.ts`,
          });
        }
      },
      'astro:build:start': () => {
        takeCitationFiles(); // whatever a failed build left is not this build's
      },
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = takeCitationFiles();
        // One at a time: thousands of files at once would run into the limit on open files.
        for (const [path, body] of files) {
          mkdirSync(dirname(join(root, path)), { recursive: true });
          writeFileSync(join(root, path), body);
        }
        logger.info(`wrote ${files.size} "Cite this page" files`);
      },
    },
  };
}
