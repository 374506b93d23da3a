import { SITE } from '../site.config';

/** A path inside the site, with the deployment's base path: `href('people/')` → `/people/` or `/repo/people/`. */
export function href(path = ''): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return `${base}${path.replace(/^\//, '')}`;
}

/** The absolute canonical URL of a path inside the site. */
export function absoluteUrl(path = ''): string {
  return new URL(href(path), SITE.url).toString();
}
