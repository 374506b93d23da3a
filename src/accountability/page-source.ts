import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { CONTENT_DIRS } from '../data/content-dirs.ts';
import { REFERENCE_PAGES } from '../data/reference-pages.ts';
import { SITE } from '../site.config.ts';

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
export function lastChanged(source: string): string | undefined {
  const days = lastChangeByFile();
  if (!days) return undefined;
  if (!isFolder(source)) return days.get(source);
  const folder = source.replace(/\/?$/, '/');
  // Every page of an explainer asks for its folder: the whole history is looked through once per folder.
  if (!newestInFolder.has(folder)) {
    let newest: string | undefined;
    for (const [file, day] of days) if (file.startsWith(folder) && (!newest || day > newest)) newest = day;
    newestInFolder.set(folder, newest);
  }
  return newestInFolder.get(folder);
}

let history: Map<string, string> | null | undefined;
const newestInFolder = new Map<string, string | undefined>();

/** One `git log` for the whole repository, read once per build: each file's last commit day. */
function lastChangeByFile(): Map<string, string> | undefined {
  if (history === undefined) history = readHistory() ?? null;
  return history ?? undefined;
}

function readHistory(): Map<string, string> | undefined {
  const git = (...args: string[]) =>
    execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  try {
    if (git('rev-parse', '--is-shallow-repository').trim() === 'true') return undefined;
    const days = new Map<string, string>();
    // Newest commit first: a file's first appearance is its last change.
    for (const commit of git('log', '--format=%x00%cs', '--name-only').split('\0')) {
      const [day = '', ...files] = commit.split('\n').filter(Boolean);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) continue;
      for (const file of files) if (!days.has(file)) days.set(file, day);
    }
    return days;
  } catch {
    return undefined;
  }
}
