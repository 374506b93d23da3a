import { readFileSync } from 'node:fs';

/**
 * The pages of a built site, read from its sitemap, so that the tests of the real site name no
 * explainer, chapter or title: renaming or adding a chapter in content/ leaves them valid.
 */

/** Every page path in the built site's sitemap (as a reader or a search engine finds them). */
export function sitemapPaths(siteDir = process.env['SITE_DIR'] ?? 'dist'): string[] {
  const xml = readFileSync(`${siteDir}/sitemap-0.xml`, 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
}

/** The explainers' overviews: each explainer is the folder of a one-page edition (`<explainer>/all/`). */
export function explainerPaths(paths = sitemapPaths()): string[] {
  return paths.filter((path) => paths.includes(`${path}all/`));
}

/** An explainer's chapters (its overview first, then the rest in address order; the chapter navigation gives reading order). */
export function chapterPathsOf(explainer: string, paths = sitemapPaths()): string[] {
  return [explainer, ...paths.filter((path) => path.startsWith(explainer) && path !== explainer && path !== `${explainer}all/`)];
}

/** The first explainer the site ships (its overview's address). */
export const EXPLAINER = explainerPaths()[0]!;

/** One chapter of it that is not the overview: the engine behaves the same on any. */
export const CHAPTER = chapterPathsOf(EXPLAINER)[1] ?? EXPLAINER;
