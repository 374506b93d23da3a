import type { CslItem } from '@citation-js/core';
import type { Chapter, Explainer } from '../data/explainers.ts';
import { absoluteUrl, chapterPath, citationFileName } from '../routes.ts';
import { SITE } from '../site.config.ts';
import {
  CITATION_STYLE_IDS,
  CITATION_STYLES,
  cslDate,
  formatAhead,
  formatBibtex,
  formatEntryWhenReady,
  type CitationStyle,
} from './csl.ts';

/** How to cite one page of an explainer, as CSL-JSON: the single source every citation format comes from. */
export function pageCslItem(explainer: Explainer, chapter: Chapter): CslItem {
  const isOverview = chapter.id === explainer.overview.id;
  return {
    id: `${SITE.name}-${chapter.id}`.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    type: 'webpage',
    title: isOverview ? chapter.data.title : `${explainer.overview.data.title}: ${chapter.data.title}`,
    'container-title': SITE.name,
    author: [{ literal: `${SITE.name} editors` }],
    issued: cslDate(chapter.data.updated),
    URL: absoluteUrl(chapterPath(chapter)),
    language: SITE.locale,
  };
}

/** What "Cite this page" shows: the page in each citation style, and as BibTeX. */
export interface PageCitationFormats {
  styles: { style: CitationStyle; name: string; html: string }[];
  bibtex: string;
}

export async function pageCitationFormats(item: CslItem): Promise<PageCitationFormats> {
  return {
    styles: await Promise.all(
      CITATION_STYLE_IDS.map(async (style) => ({
        style,
        name: CITATION_STYLES[style],
        html: await formatEntryWhenReady(item, style),
      })),
    ),
    bibtex: formatBibtex([item]),
  };
}

/**
 * Starts formatting "Cite this page" for every page of the explainer, in a worker thread, while the
 * pages are rendered (see formatAhead). The one-page edition calls it, since Astro renders it
 * before the chapter pages. A page whose entry was not sent (in `astro dev`, or after an edit)
 * formats its own.
 */
export function formatPageCitationsAhead(explainer: Explainer): void {
  formatAhead(
    explainer.chapters.map((chapter) => pageCslItem(explainer, chapter)),
    CITATION_STYLE_IDS,
  );
}

export const CITATION_FILE_FORMATS = ['json', 'bib'] as const;
export type CitationFileFormat = (typeof CITATION_FILE_FORMATS)[number];

/** The body of one of the page's citation files (see citationFilePath). No style is formatted for them. */
export function pageCitationFile(item: CslItem, format: CitationFileFormat): string {
  return format === 'json' ? JSON.stringify([item], null, 2) : formatBibtex([item]);
}

/**
 * The name a downloaded citation file is saved under: the page's own address made one name,
 * `armenia-belarus-csto-background.bib` (`…-overview.bib` for the overview), so that files saved
 * from several pages neither clash nor say only "citation".
 */
export function citationDownloadName(chapter: Chapter, format: CitationFileFormat): string {
  return `${citationFileName(chapter).replace(/\//g, '-')}.${format}`;
}
