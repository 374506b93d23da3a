import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { decodeHTMLAttribute } from 'entities';

/**
 * The local files a built page loads to be shown or printed, read from its HTML without a browser:
 * its stylesheets, icons and images, and, inside each stylesheet, what it imports or points to with
 * `url()` (fonts, images), as paths inside the built site, sorted. Scripts are left out: the PDF
 * edition is printed with JavaScript off, so a script's change cannot change the PDF.
 *
 * The PDF edition keys its build cache on these files rather than on every file in `_astro/`, so
 * an edition is printed again only when something its own page loads has changed, not when any
 * page's stylesheet did. A reference that leads to no file is kept, by name, in the list: a file
 * that appears there later changes the key.
 *
 * Astro writes its HTML itself, so attribute-level patterns are reliable here (as in
 * scripts/lib/page-weight.ts); the page can be megabytes, and a parser would cost a second where a
 * pattern costs milliseconds.
 */
export function filesLoadedBy(root: string, html: string, pageUrl: string): string[] {
  const origin = 'http://local.invalid';
  const found = new Set<string>();
  const visit = (reference: string, from: string) => {
    const trimmed = reference.trim();
    if (trimmed === '' || trimmed.startsWith('#') || /^(data|blob|about|javascript|mailto|tel):/i.test(trimmed)) return;
    let url: URL;
    try {
      url = new URL(trimmed, `${origin}${from}`);
    } catch {
      return;
    }
    if (url.origin !== origin) return; // another site: the printer refuses it anyway
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      path = url.pathname;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) return;
    const relative = file.slice(root.length).split(sep).filter(Boolean).join('/');
    if (found.has(relative)) return;
    found.add(relative);
    if (/\.css$/i.test(relative) && existsSync(file) && statSync(file).isFile()) {
      for (const inner of cssReferences(readFileSync(file, 'utf8'))) visit(inner, url.pathname);
    }
  };
  for (const tag of html.matchAll(/<(link|img|source|image|use|video|audio|input)\b[^>]*>/gi)) {
    const [text, name] = [tag[0], tag[1]!.toLowerCase()];
    if (name === 'link') {
      const rel = attribute(text, 'rel')?.toLowerCase() ?? '';
      // What a page loads to be seen: not canonical, alternate, manifest or sitemap links.
      if (!/\b(stylesheet|icon|preload)\b/.test(rel)) continue;
      if (/\bpreload\b/.test(rel) && attribute(text, 'as')?.toLowerCase() === 'script') continue;
    }
    for (const name of ['href', 'src', 'xlink:href', 'poster']) {
      const value = attribute(text, name);
      if (value !== undefined) visit(decodeHTMLAttribute(value), pageUrl);
    }
    const srcset = decodeHTMLAttribute(attribute(text, 'srcset') ?? '');
    for (const candidate of srcset.split(',')) visit(candidate.trim().split(/\s+/)[0] ?? '', pageUrl);
  }
  // Inline <style> blocks and style attributes: their url()s load files too.
  for (const reference of cssReferences(html)) visit(reference, pageUrl);
  return [...found].toSorted();
}

/** What a stylesheet imports or points to: `@import "x"`, `@import url(x)`, `url(x)`. */
function cssReferences(css: string): string[] {
  const references: string[] = [];
  for (const match of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/gi)) {
    const value = match.slice(1).find((group) => group !== undefined);
    if (value) references.push(value.replace(/&amp;/g, '&'));
  }
  return references;
}

const attribute = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name.replace(':', '\\:')}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((value) => value !== undefined);
