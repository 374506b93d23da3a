import { SITE } from './site.config.ts';

/** A path inside the site, with the deployment's base path: `href('people/')` → `/people/` or `/repo/people/`. */
export function href(path = ''): string {
  return `${basePath()}${path.replace(/^\//, '')}`;
}

/** A page's path inside the site, from its address: `/repo/people/` → `people/`, the home page `''`. */
export function pagePathOf(url: URL): string {
  return url.pathname.slice(basePath().length);
}

/** The deployment's base path, ending in `/`: `/` or `/repo/`. */
function basePath(): string {
  return import.meta.env.BASE_URL.replace(/\/?$/, '/');
}

/** The absolute canonical URL of a path inside the site. */
export function absoluteUrl(path = ''): string {
  return new URL(href(path), SITE.url).toString();
}

export const SOCIAL_IMAGE = { width: 1200, height: 630 } as const;

/** Where a page's social preview image is built: `social/<page path>index.png`. */
export function socialImagePath(pagePath: string): string {
  return `social/${pagePath.replace(/^\//, '')}index.png`;
}

/** The element id of a footnote in a rendered chapter, as remark-rehype writes it (its default clobber prefix). */
export const FOOTNOTE_ID_PREFIX = 'user-content-';
export function footnoteId(label: string): string {
  return `${FOOTNOTE_ID_PREFIX}fn-${label}`;
}
/** The element id of a note's first marker in the text (later uses of the note add `-2`, `-3` …). */
export function footnoteRefId(label: string): string {
  return `${FOOTNOTE_ID_PREFIX}fnref-${label}`;
}
