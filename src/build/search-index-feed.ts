import type { MiddlewareHandler } from 'astro';
import { HISTORY_FOLDER, pagePathOf, WHOLE_EXPLAINER_FOLDER } from '../routes.ts';
import { processShared } from './process-shared.ts';

/**
 * A build-only middleware (added by src/integrations/search-index.ts) that hands every page the
 * search index holds to it as the page is rendered, so that Pagefind reads it while the build goes
 * on (src/build/search-index.ts). It changes no page.
 *
 * The middleware runs in the pages' bundle, the index in the config's modules: they meet in a value
 * shared by the process. In `astro dev`, and in a build that has not opened the index, it lets every
 * page through untouched.
 */
export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  const pages = searchIndexFeed().pages;
  const file = builtFileOf(pagePathOf(context.url));
  if (!pages || !isSearchedFile(file) || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const body = await response.arrayBuffer();
  pages.add(file, new TextDecoder().decode(body));
  return new Response(body, response);
};

export interface SearchIndexPages {
  add(file: string, html: string): void;
  write(path: string): Promise<number>;
}

/** The index being fed, while a build runs. */
export function searchIndexFeed(): { pages?: SearchIndexPages } {
  return processShared('search-index-feed', () => ({}));
}

/**
 * The file a page is built to, relative to the built site: `people/` → `people/index.html`, the home
 * page `''` → `index.html` (the site's URLs end in a slash; astro.config.mjs), except Astro's error
 * pages, which are rendered at `404/` and written as `404.html`.
 */
export function builtFileOf(pagePath: string): string {
  const errorPage = /^(404|500)\/?$/.exec(pagePath);
  if (errorPage) return `${errorPage[1]}.html`;
  return pagePath === '' || pagePath.endsWith('/') ? `${pagePath}index.html` : pagePath;
}

/**
 * Whether a built page (`people/index.html`) goes to the search index: every page but the one-page
 * editions (`<explainer>/all/index.html`) and the page histories (`history/<explainer>/…`), which
 * nothing marks for the index. Pagefind parses a whole page to learn that nothing in it is marked:
 * a one-page edition repeats every chapter (at 1,000 chapters 25 MB, a second of reading), and there
 * is a page history for every chapter.
 */
export function isSearchedFile(file: string): boolean {
  const [first, second, third] = file.split('/');
  const isEdition = second === WHOLE_EXPLAINER_FOLDER && third !== undefined;
  const isHistory = first === HISTORY_FOLDER && third !== undefined;
  return !isEdition && !isHistory;
}
