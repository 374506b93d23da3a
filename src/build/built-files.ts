import { existsSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { wholeExplainerPath } from '../routes.ts';

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

/** The one-page editions of a built site (`armenia-belarus-csto/all/index.html`), one per explainer. */
export function wholeExplainerFilesIn(dist: string): string[] {
  return readdirSync(dist)
    .map((name) => `${wholeExplainerPath(name)}index.html`)
    .filter((file) => existsSync(join(dist, file)));
}
