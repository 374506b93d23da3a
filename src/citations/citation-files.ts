import type { CslItem } from '@citation-js/core';
import type { Chapter } from '../data/explainers.ts';
import { processShared } from '../build/process-shared.ts';
import { CITATION_FILE_FORMATS, pageCitationFile } from './page-citation.ts';
import { citationFilePath } from '../routes.ts';

/**
 * "Cite this page" offers the page's citation as files to download, CSL-JSON and BibTeX. In a build,
 * the component that links to them hands over their text as it renders the page, and the
 * citation-files integration writes them when the build is done. As routes they would cost Astro a
 * millisecond of its own work each, and there are two per chapter: two seconds in a 1,000-chapter
 * explainer, for files that take a few milliseconds to write all together. In `astro dev`, routes
 * serve them (dev-routes/, added by the integration).
 *
 * The files wait in one map for the process (processShared): the pages and the integration are
 * loaded as two copies of this module.
 */
const waiting = (): Map<string, string> => processShared('citation-files', () => new Map<string, string>());

/** Hands over a chapter's citation files, by their path in the site. In `astro dev`, routes serve them instead. */
export function publishCitationFiles(chapter: Chapter, item: CslItem): void {
  if (import.meta.env.DEV) return;
  for (const format of CITATION_FILE_FORMATS) waiting().set(citationFilePath(chapter, format), pageCitationFile(item, format));
}

/** Every file handed over since the last call (or since the build started), by path in the site. */
export function takeCitationFiles(): Map<string, string> {
  const files = new Map(waiting());
  waiting().clear();
  return files;
}
