import type { APIRoute } from 'astro';
import { absoluteUrl } from '../routes.ts';

/** Everything may be crawled; the sitemap's address follows the configured site URL. */
export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl('sitemap-index.xml')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
