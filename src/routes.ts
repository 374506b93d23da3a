import { basename } from 'node:path';
import { SITE } from './site.config.ts';

/**
 * Every address the site has, spelled once. Paths here are relative to the site's base path
 * (`people/#putin`); `href()` adds the base for a link, `absoluteUrl()` the origin too. The pages,
 * the Markdown transform, the editions, the feed, the social cards and the tests all ask here, so
 * that moving a page is a change to this file and the page file, nothing else.
 *
 * Imports nothing of ours but the site's settings: every other folder may use it.
 */

// ——— The base path ———

/** A path inside the site, with the deployment's base path: `href('people/')` → `/people/` or `/repo/people/`. */
export function href(path = ''): string {
  return `${basePath()}${path.replace(/^\//, '')}`;
}

/** A page's path inside the site, from its address: `/repo/people/` → `people/`, the home page `''`. */
export function pagePathOf(url: URL): string {
  return url.pathname.slice(basePath().length);
}

/** The deployment's base path, ending in `/`: `/` or `/repo/`. Read when asked, so that Node scripts may import this module. */
function basePath(): string {
  return import.meta.env.BASE_URL.replace(/\/?$/, '/');
}

/** The absolute canonical URL of a path inside the site. */
export function absoluteUrl(path = ''): string {
  return new URL(href(path), SITE.url).toString();
}

// ——— Explainers and their chapters ———

/** What an address needs of a chapter: its explainer and its file (the content layer's entry, or the check's reading of it). */
export interface RoutedChapter {
  id: string;
  filePath?: string | undefined;
  data: { explainer: string };
}

/**
 * The file name of a chapter without folder or extension: `background`, or `index` for the overview.
 * (Not the entry id: the glob loader drops `index`, so the overview's id is the explainer's.)
 */
export function chapterSlug(chapter: RoutedChapter): string {
  return basename(chapter.filePath ?? chapter.id, '.mdx');
}

/** A chapter's page: `<explainer>/` for the overview, `<explainer>/<chapter>/` for a part. */
export function chapterPath(chapter: RoutedChapter): string {
  const slug = chapterSlug(chapter);
  return slug === 'index' ? `${chapter.data.explainer}/` : `${chapter.data.explainer}/${slug}/`;
}

/** The folder of an explainer that holds it whole on one page. */
export const WHOLE_EXPLAINER_FOLDER = 'all';

/** The whole explainer on one page: `armenia-belarus-csto/all/`. */
export function wholeExplainerPath(explainerId: string): string {
  return `${explainerId}/${WHOLE_EXPLAINER_FOLDER}/`;
}

/** The PDF edition, printed at build time from the one-page edition: `armenia-belarus-csto/armenia-belarus-csto.pdf`. */
export function pdfPath(explainerId: string): string {
  return `${explainerId}/${explainerId}.pdf`;
}

/** The folder that holds the chapters' page histories. */
export const HISTORY_FOLDER = 'history';

/** A chapter's page history: `history/<explainer>/` for the overview, `history/<explainer>/<chapter>/` for a part. */
export function historyPath(chapter: RoutedChapter): string {
  return `${HISTORY_FOLDER}/${chapterPath(chapter)}`;
}

/**
 * The page history of the chapter a file holds (`<explainers folder>/<explainer>/<chapter>.mdx`), or
 * undefined for any other file: the footer's "Page history" goes there for a chapter.
 */
export function historyPathOfFile(file: string, explainersDir: string): string | undefined {
  const prefix = `${explainersDir.replace(/\/$/, '')}/`;
  if (!file.startsWith(prefix)) return undefined;
  const match = /^([a-z0-9-]+)\/([a-z0-9-]+)\.mdx$/.exec(file.slice(prefix.length));
  if (!match) return undefined;
  const [, explainer, chapter] = match;
  return chapter === 'index' ? `${HISTORY_FOLDER}/${explainer}/` : `${HISTORY_FOLDER}/${explainer}/${chapter}/`;
}

// ——— Places inside a chapter ———

/**
 * The element id of a footnote in a rendered chapter, as remark-rehype writes it (its default
 * clobber prefix). Labels start with the chapter's file name, so chapters joined on one page never
 * share an id.
 */
export const FOOTNOTE_ID_PREFIX = 'user-content-';
export function footnoteId(label: string): string {
  return `${FOOTNOTE_ID_PREFIX}fn-${label}`;
}
/** The element id of a note's first marker in the text (later uses of the note add `-2`, `-3` …). */
export function footnoteRefId(label: string): string {
  return `${FOOTNOTE_ID_PREFIX}fnref-${label}`;
}

/** The element id of an editor's note in a chapter: `background-correction-lukashenko-title`. */
export function editorsNoteId(chapterSlug: string, correction: string): string {
  return `${chapterSlug}-correction-${correction}`;
}

/** The element id of one of our corrections at the foot of its chapter (and on the site-wide list). */
export function erratumAnchor(id: string): string {
  return `erratum-${id}`;
}

/** The element id of the "Updated" date of a chapter, one per date, so that each update has its own address in the feed. */
export function updatedAnchor(iso: string): string {
  return `updated-${iso}`;
}

// ——— The reference pages, and an entry on each ———

export const TIMELINE_PATH = 'timeline/';
export const PEOPLE_PATH = 'people/';
export const SOURCES_PATH = 'sources/';
export const CORRECTIONS_PATH = 'corrections/';

/** A person's card on the people page. */
export function personPath(id: string): string {
  return `${PEOPLE_PATH}#${id}`;
}

/** A source's entry on the sources page. */
export function sourcePath(id: string): string {
  return `${SOURCES_PATH}#${id}`;
}

/** An article's error, with our verdict, on the corrections page. */
export function correctionPath(id: string): string {
  return `${CORRECTIONS_PATH}#${id}`;
}

// ——— How we work, our corrections, the feed ———

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

/**
 * Whether a page belongs in the sitemap: a chapter's page history does not (and asks search engines
 * not to index it, as Wikipedia's history pages do): it is a record of the chapter, not content.
 */
export function inSitemap(pageUrl: string): boolean {
  const base = SITE.base.replace(/\/?$/, '/');
  return !new URL(pageUrl).pathname.slice(base.length).startsWith(`${HISTORY_FOLDER}/`);
}

// ——— Files made for a page ———

/** Where a page's social preview image is built: `social/<page path>index.png`. */
export function socialImagePath(pagePath: string): string {
  return `social/${pagePath.replace(/^\//, '')}index.png`;
}

/** The folder of the site that holds every page's citation files. */
export const CITATION_FOLDER = 'cite';

/** A page's citation files' path inside CITATION_FOLDER, without the extension: `<explainer>/<chapter-or-overview>`. */
export function citationFileName(chapter: RoutedChapter): string {
  const path = chapterPath(chapter).replace(/\/$/, '');
  return path.includes('/') ? path : `${path}/overview`;
}

/** Where a page's citation files are served: `cite/<explainer>/<chapter-or-overview>.json` and `.bib`. */
export function citationFilePath(chapter: RoutedChapter, format: 'json' | 'bib'): string {
  return `${CITATION_FOLDER}/${citationFileName(chapter)}.${format}`;
}
