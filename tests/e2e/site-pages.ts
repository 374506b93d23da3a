import { readFileSync } from 'node:fs';

/** Every page path in the built site's sitemap (as a reader or a search engine finds them). */
export function sitemapPaths(): string[] {
  const xml = readFileSync(`${process.env['SITE_DIR'] ?? 'dist'}/sitemap-0.xml`, 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
}

/** The address of the explainer we ship (its overview); its chapters are listed in its chapter navigation. */
export const EXPLAINER = '/armenia-belarus-csto/';
