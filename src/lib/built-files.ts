import { readdirSync } from 'node:fs';
import { sep } from 'node:path';

/**
 * Every HTML file of a built site, as paths relative to its folder with `/` between names
 * (`people/index.html`), sorted: what the search index, the built-site checks and the bench read.
 */
export function htmlFilesIn(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.split(sep).join('/'))
    .sort();
}
