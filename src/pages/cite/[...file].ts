import type { APIRoute, GetStaticPaths } from 'astro';
import { citationFilePath, pageCitationFiles, pageCslItem } from '../../citations/page-citation';
import { chapterPath, getExplainers } from '../../lib/explainers';
import { absoluteUrl } from '../../lib/urls';

/** "Cite this page" downloads: CSL-JSON and BibTeX for every chapter, built from the same CSL item. */
export const getStaticPaths = (async () => {
  const explainers = await getExplainers();
  return explainers.flatMap((explainer) =>
    explainer.chapters.flatMap((chapter) => {
      const files = pageCitationFiles(pageCslItem(explainer, chapter, absoluteUrl(chapterPath(chapter))));
      return [
        {
          params: { file: citationFilePath(chapter, 'json').replace(/^cite\//, '') },
          props: { body: files.json, type: 'application/json' },
        },
        {
          params: { file: citationFilePath(chapter, 'bib').replace(/^cite\//, '') },
          props: { body: files.bib, type: 'text/plain; charset=utf-8' },
        },
      ];
    }),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(String(props['body']), { headers: { 'Content-Type': String(props['type']) } });
