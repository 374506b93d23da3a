import { existsSync, statSync } from 'node:fs';
import { CONTENT_DIRS } from '../data/content-dirs.ts';
import { REFERENCE_PAGES } from '../data/reference-pages.ts';
import { SITE } from '../site.config.ts';
import { gitHistory, lastChangeByFile } from '../data/git-history.ts';

/**
 * Where a page comes from in the repository, for "Edit this page" and "Last changed". A chapter is
 * its MDX file; a reference page is the folder of data it lists; anything else is its page file.
 */
export function pageSource(pagePath: string): string {
  const path = pagePath.replace(/^\/|\/$/g, '');
  const byPage: Record<string, string> = {
    '': 'src/pages/index.astro',
    ...Object.fromEntries(REFERENCE_PAGES.map(({ path, collection }) => [path.replace(/\/$/, ''), `${CONTENT_DIRS[collection]}/`])),
    '404': 'src/pages/404.astro',
    '404.html': 'src/pages/404.astro',
  };
  if (path in byPage) return byPage[path]!;
  // The whole-explainer page and any other page of an explainer: that explainer's folder.
  const explainer = path.split('/')[0] ?? '';
  return explainer && existsSync(`${CONTENT_DIRS.explainers}/${explainer}`) ? `${CONTENT_DIRS.explainers}/${explainer}/` : 'src/pages/';
}

/** The repository page to edit a file, or to browse a folder (a folder cannot be edited as one). */
export function editUrl(source: string): string {
  return `${SITE.repository}/${isFolder(source) ? 'tree' : 'edit'}/${SITE.branch}/${source.replace(/\/$/, '')}`;
}

/** Every commit that changed the file or folder. */
export function historyUrl(source: string): string {
  return `${SITE.repository}/commits/${SITE.branch}/${source.replace(/\/$/, '')}`;
}

function isFolder(source: string): boolean {
  if (source.endsWith('/')) return true;
  try {
    return statSync(source).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The day of the last commit that changed the file or folder (YYYY-MM-DD), or undefined where git
 * history is not available: no git, a file not yet committed, or a shallow clone (whose single
 * commit would date every page to the latest change; CI fetches the full history for this).
 */
export async function lastChanged(source: string): Promise<string | undefined> {
  const days = await lastDays();
  if (!days) return undefined;
  if (!isFolder(source)) return days.get(source);
  const folder = source.replace(/\/?$/, '/');
  // Every page of an explainer asks for its folder: the days are looked through once per folder.
  if (!newestInFolder.has(folder)) {
    let newest: string | undefined;
    for (const [file, day] of days) if (file.startsWith(folder) && (!newest || day > newest)) newest = day;
    newestInFolder.set(folder, newest);
  }
  return newestInFolder.get(folder);
}

let days: Promise<Map<string, string> | undefined> | undefined;
const newestInFolder = new Map<string, string | undefined>();

/** Each file's last change, from the history the build reads once (data/git-history.ts). */
function lastDays(): Promise<Map<string, string> | undefined> {
  days ??= gitHistory().then((history) => history && lastChangeByFile(history));
  return days;
}
