import type { APIRoute, GetStaticPaths } from 'astro';
import { getExplainers } from '../lib/explainers';
import { citationFilePath, pageCitationFile, pageCslItem, type CitationFileFormat } from './page-citation';

const CONTENT_TYPES: Record<CitationFileFormat, string> = { json: 'application/json', bib: 'text/plain; charset=utf-8' };

/**
 * The route of one format of "Cite this page" download, for every chapter. Each format has its own
 * page file (`pages/cite/[...page].json.ts`, `[...page].bib.ts`) so that Astro sees the extension
 * in the route: it then writes `background.bib`, and `astro dev` serves it without the trailing
 * slash the site's other addresses have.
 */
export function citationFileRoute(format: CitationFileFormat): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
  return {
    getStaticPaths: async () =>
      (await getExplainers()).flatMap((explainer) =>
        explainer.chapters.map((chapter) => ({
          params: {
            page: citationFilePath(chapter, format)
              .replace(/^cite\//, '')
              .replace(/\.[a-z]+$/, ''),
          },
          props: { body: pageCitationFile(pageCslItem(explainer, chapter), format) },
        })),
      ),
    GET: ({ props }) => new Response(String(props['body']), { headers: { 'Content-Type': CONTENT_TYPES[format] } }),
  };
}
