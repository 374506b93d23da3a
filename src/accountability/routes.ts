import { SITE } from '../site.config.ts';
import { CONTENT_DIRS } from '../data/content-dirs.ts';
import { chapterPath, type ChapterLike } from '../data/explainer-structure.ts';

/**
 * The addresses of the accountability pages, spelled once: the footer, the chapters, the feed, the
 * JSON-LD policies and the tests all read them from here.
 */
export const HOW_WE_WORK_PATH = 'how-we-work/';
export const OUR_CORRECTIONS_PATH = 'our-corrections/';
export const FEED_PATH = 'feed.xml';

/** Sections of "How we work" that the publisher's JSON-LD policies point at (their element ids). */
export const POLICY_SECTIONS = {
  typeOfWork: 'type-of-work',
  sources: 'sources',
  quotes: 'quotes',
  corrections: 'corrections',
  period: 'period',
  feedback: 'report-an-error',
} as const;

/** A chapter's page history: `history/<explainer>/` for the overview, `history/<explainer>/<chapter>/` for a part. */
export function historyPath(chapter: ChapterLike): string {
  return `history/${chapterPath(chapter)}`;
}

/**
 * Whether a page belongs in the sitemap: a chapter's page history does not (and asks search engines
 * not to index it, as Wikipedia's history pages do): it is a record of the chapter, not content.
 */
export function inSitemap(pageUrl: string): boolean {
  const base = SITE.base.replace(/\/?$/, '/');
  return !new URL(pageUrl).pathname.slice(base.length).startsWith('history/');
}

/**
 * The page history of the chapter a file holds (`content/explainers/<explainer>/<chapter>.mdx`), or
 * undefined for any other file: the footer's "Page history" goes there for a chapter.
 */
export function historyPathOfFile(file: string, explainersDir: string = CONTENT_DIRS.explainers): string | undefined {
  const prefix = `${explainersDir.replace(/\/$/, '')}/`;
  if (!file.startsWith(prefix)) return undefined;
  const match = /^([a-z0-9-]+)\/([a-z0-9-]+)\.mdx$/.exec(file.slice(prefix.length));
  if (!match) return undefined;
  const [, explainer, chapter] = match;
  return chapter === 'index' ? `history/${explainer}/` : `history/${explainer}/${chapter}/`;
}

/** The element id of one of our corrections at the foot of its chapter (and on the site-wide list). */
export function erratumAnchor(id: string): string {
  return `erratum-${id}`;
}

/** The element id of the "Updated" date of a chapter, one per date, so that each update has its own address in the feed. */
export function updatedAnchor(iso: string): string {
  return `updated-${iso}`;
}
