import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Links (symlinks) under public/. Astro copies what a link points to into the site, so a link to a
 * folder outside the repository would publish files from the build machine; public/ holds files only.
 * (Walked by hand: a recursive readdir follows links to folders.)
 */
export function linksIn(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) return [relative(process.cwd(), path)];
    return entry.isDirectory() ? linksIn(path) : [];
  });
}
