import type { APIRoute, GetStaticPaths } from 'astro';
import { getExplainers } from '../data/explainers.ts';
import { pageCitationFile, pageCslItem, type CitationFileFormat } from './page-citation.ts';
import { citationFileName } from '../routes.ts';

const CONTENT_TYPES: Record<CitationFileFormat, string> = { json: 'application/json', bib: 'text/plain; charset=utf-8' };

/**
 * The route of one format of "Cite this page" download, for every chapter, in `astro dev` only (a
 * build writes the files: citation-files.ts). Each format has its own route, `/cite/[...page].json`
 * and `.bib` (dev-routes/), so that Astro sees the extension and serves the file without the
 * trailing slash the site's other addresses have.
 */
export function citationFileRoute(format: CitationFileFormat): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
  return {
    getStaticPaths: async () =>
      (await getExplainers()).flatMap((explainer) =>
        explainer.chapters.map((chapter) => ({
          params: { page: citationFileName(chapter) },
          props: { body: pageCitationFile(pageCslItem(explainer, chapter), format) },
        })),
      ),
    GET: ({ props }) => new Response(String(props['body']), { headers: { 'Content-Type': CONTENT_TYPES[format] } }),
  };
}
