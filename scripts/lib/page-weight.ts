import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { wholeExplainerFilesIn } from '../../src/build/built-files.ts';
import { attribute, findElement, isElement, isText, type ChildNode, type Element } from '../../src/build/parsed-html.ts';

type Document = DefaultTreeAdapterTypes.Document;

/**
 * What one built page costs a reader, read from dist/ without a browser: the bytes of the page and
 * of every CSS, JavaScript, font and image file it makes the browser fetch, raw and compressed, and
 * whether any of its text can only be read with JavaScript. Shared by `npm run bench` (tables) and
 * `npm run check:budgets` (CI), so both count the same way.
 *
 * Static analysis, not a browser, on purpose: it is deterministic and takes milliseconds per page.
 * Astro's output is machine-written HTML, so attribute-level regular expressions are reliable here.
 */

export interface Size {
  raw: number;
  gzip: number;
  /** Only computed when asked for: brotli at quality 11 is slow on large pages. */
  brotli?: number;
}

export type Kind = 'html' | 'css' | 'js' | 'font' | 'image' | 'other';

export interface Resource {
  /** Path inside dist/ (`_astro/app.css`), or `inline` for code written into the page itself. */
  file: string;
  kind: Kind;
  size: Size;
  /** False for inline code, which travels inside the HTML and costs no request of its own. */
  request: boolean;
}

export interface PageWeight {
  /** The URL path of the page: `/`, `/people/`, `/404.html`. */
  path: string;
  resources: Resource[];
  /** Why the page cannot be read without JavaScript; empty when it can. */
  needsJs: string[];
  /** References that point off-site or to a missing file: counted as requests, bytes unknown. */
  unresolved: string[];
}

/** zlib's defaults (gzip level 6, brotli quality 11) are what static hosts and CDNs typically serve. */
const sizeCache = new Map<string, Size>();
function sizeOf(content: Buffer | string, brotli = false, cacheKey?: string): Size {
  const cached = cacheKey === undefined ? undefined : sizeCache.get(cacheKey);
  if (cached && (!brotli || cached.brotli !== undefined)) return cached;
  const buffer = typeof content === 'string' ? Buffer.from(content) : content;
  const size: Size = { raw: buffer.length, gzip: gzipSync(buffer).length };
  if (brotli) {
    size.brotli = brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length } }).length;
  }
  if (cacheKey !== undefined) sizeCache.set(cacheKey, size);
  return size;
}

/** `people/index.html` → `/people/`; `404.html` → `/404.html`. */
function urlPathOf(htmlFile: string): string {
  return `/${htmlFile.replace(/(^|\/)index\.html$/, '$1')}`;
}

const EXTENSION_KIND: [RegExp, Kind][] = [
  [/\.css$/i, 'css'],
  [/\.m?js$/i, 'js'],
  [/\.(woff2?|ttf|otf|eot)$/i, 'font'],
  [/\.(png|jpe?g|gif|webp|avif|svg|ico)$/i, 'image'],
];
const kindOf = (url: string): Kind => EXTENSION_KIND.find(([pattern]) => pattern.test(url.split(/[?#]/)[0] ?? ''))?.[1] ?? 'other';

/** Script types a browser executes; `application/ld+json` and friends are data, not JavaScript. */
const isExecutable = (script: Element): boolean => {
  const type = attribute(script, 'type')?.toLowerCase();
  return type === undefined || type === '' || type === 'module' || /(java|ecma)script/.test(type);
};

/** The elements of a parsed page in document order, outside <template> (whose contents are not loaded). */
function* elementsOf(node: { childNodes?: ChildNode[] }): Generator<Element> {
  for (const child of node.childNodes ?? []) {
    if (!isElement(child)) continue;
    yield child;
    yield* elementsOf(child);
  }
}

/** The text inside an element, as written (a script's code, a style's rules). */
const textOf = (element: Element): string =>
  element.childNodes
    .filter(isText)
    .map((text) => text.value)
    .join('');

const PRELOAD_KIND: Record<string, Kind> = { style: 'css', script: 'js', font: 'font', image: 'image' };

/** The fetches a page makes, in document order: [url, kind] for external files, code for inline scripts. */
function references(document: Document): { external: [string, Kind][]; inlineJs: string[]; inlineCss: string[] } {
  const external: [string, Kind][] = [];
  const inlineJs: string[] = [];
  const inlineCss: string[] = [];
  for (const element of elementsOf(document)) {
    const url = attribute(element, element.tagName === 'link' ? 'href' : 'src');
    if (element.tagName === 'link' && url) {
      const rel = (attribute(element, 'rel') ?? '').toLowerCase().split(/\s+/);
      // Only what the browser fetches while loading the page; `sitemap`, `canonical`, `alternate` are not fetched.
      if (rel.includes('stylesheet')) external.push([url, 'css']);
      else if (rel.includes('modulepreload')) external.push([url, 'js']);
      else if (rel.includes('preload')) external.push([url, PRELOAD_KIND[attribute(element, 'as') ?? ''] ?? kindOf(url)]);
      else if (rel.includes('icon')) external.push([url, 'image']);
    } else if (element.tagName === 'script' && isExecutable(element)) {
      if (url) external.push([url, 'js']);
      else if (textOf(element).trim()) inlineJs.push(textOf(element));
    } else if (element.tagName === 'style') {
      inlineCss.push(textOf(element));
    } else if ((element.tagName === 'img' || element.tagName === 'input') && url && !url.startsWith('data:')) {
      // The browser fetches one candidate; `src` is the fallback every browser understands. Lazy images
      // are counted too: we cannot know where the fold is, so we err on the heavy side.
      external.push([url, 'image']);
    }
  }
  return { external, inlineJs, inlineCss };
}

/**
 * Fonts a stylesheet would download for a Latin-script page on screen: per @font-face, the first
 * `url()` (the browser takes the first format it supports, and lists put woff2 first), and only
 * faces whose unicode-range covers basic Latin and whose family some screen rule uses (a browser
 * fetches a face only when text is set in it; the print face is fetched only to print). Other
 * url()s (background images) are counted as images.
 */
function cssFetches(css: string): [string, Kind][] {
  const fetches: [string, Kind][] = [];
  const faces = [...css.matchAll(/@font-face\s*{([^}]*)}/gi)];
  const screenRules = withoutPrintRules(css.replace(/@font-face\s*{[^}]*}/gi, ''));
  for (const [, body = ''] of faces) {
    const range = /unicode-range\s*:\s*([^;]+)/i.exec(body)?.[1];
    if (range && !coversLatinA(range)) continue;
    const family = /font-family\s*:\s*['"]?([^;'"]+)['"]?/i.exec(body)?.[1]?.trim();
    if (family && !screenRules.includes(family)) continue;
    const url = /url\(\s*['"]?([^'")]+)['"]?\s*\)/i.exec(body)?.[1];
    if (url) fetches.push([url, 'font']);
  }
  const withoutFaces = css.replace(/@font-face\s*{[^}]*}/gi, '');
  for (const [, url = ''] of withoutFaces.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/gi)) {
    if (!url.startsWith('data:') && !url.startsWith('#')) fetches.push([url, kindOf(url)]);
  }
  return fetches;
}

/** The stylesheet without its `@media print { … }` blocks. */
function withoutPrintRules(css: string): string {
  let out = '';
  let from = 0;
  for (const match of css.matchAll(/@media\s+print\s*{/gi)) {
    if (match.index < from) continue;
    out += css.slice(from, match.index);
    let depth = 1;
    let at = match.index + match[0].length;
    while (depth > 0 && at < css.length) {
      if (css[at] === '{') depth++;
      else if (css[at] === '}') depth--;
      at++;
    }
    from = at;
  }
  return out + css.slice(from);
}

/** True when a unicode-range includes U+0041 ("A"). */
function coversLatinA(range: string): boolean {
  return range.split(',').some((part) => {
    const [from = '', to] = part.trim().replace(/^u\+/i, '').split('-');
    const low = parseInt(from.replace(/\?/g, '0'), 16);
    const high = to === undefined ? parseInt(from.replace(/\?/g, 'f'), 16) : parseInt(to, 16);
    return low <= 0x41 && 0x41 <= high;
  });
}

/**
 * Reasons a reader would need JavaScript to read the page. Our rule: the words of the page must be
 * in the HTML. So the page fails when its <main> is missing or has no text, when a component is
 * rendered only in the browser (`client:only` islands), or when it tells the reader to enable
 * JavaScript. Scripts that only enhance (a theme toggle) do not count; they are measured as bytes.
 */
function needsJavaScript(document: Document): string[] {
  const reasons: string[] = [];
  const main = findElement(document, (element) => element.tagName === 'main');
  if (main === undefined) reasons.push('no <main> element in the HTML');
  else if (readableText(main).trim() === '') reasons.push('<main> has no text without JavaScript');
  if (findElement(document, (element) => element.tagName === 'astro-island' && attribute(element, 'client') === 'only')) {
    reasons.push('a client:only island renders content in the browser only');
  }
  for (const element of elementsOf(document)) {
    if (element.tagName === 'noscript' && /javascript/i.test(textOf(element) + readableText(element))) {
      reasons.push('a <noscript> asks the reader to enable JavaScript');
    }
  }
  return reasons;
}

/** The text a reader sees without JavaScript: not scripts, styles, templates or <noscript>. */
function readableText(node: Element): string {
  return node.childNodes
    .map((child) => {
      if (isText(child)) return child.value;
      if (!isElement(child) || ['script', 'style', 'template', 'noscript'].includes(child.tagName)) return ' ';
      return ` ${readableText(child)} `;
    })
    .join('');
}

export interface WeighOptions {
  /** The deployment's base path (`/` or `/repo/`), stripped from URLs to find files in dist/. */
  base?: string;
  /** Also compute brotli sizes (slow on big pages; the bench wants them, CI does not). */
  brotli?: boolean;
}

/** Weighs one page. `htmlFile` is relative to dist/, as returned by htmlFilesIn(). */
export function weighPage(dist: string, htmlFile: string, options: WeighOptions = {}): PageWeight {
  const base = (options.base ?? '/').replace(/\/?$/, '/');
  const brotli = options.brotli ?? false;
  const html = readFileSync(join(dist, htmlFile), 'utf8');
  const path = urlPathOf(htmlFile);
  const resources: Resource[] = [{ file: htmlFile, kind: 'html', size: sizeOf(html, brotli), request: true }];
  const unresolved: string[] = [];
  const seen = new Set<string>();

  /** Resolves a URL against the document (or stylesheet) it appears in, to a file in dist/. */
  const fetchFile = (url: string, kind: Kind, from: string): void => {
    if (/^(data|blob|javascript|about):/i.test(url)) return;
    const resolved = new URL(url, new URL(from, 'http://site.invalid'));
    if (resolved.host !== 'site.invalid') {
      if (!seen.has(resolved.href)) unresolved.push(resolved.href);
      seen.add(resolved.href);
      return;
    }
    const key = resolved.pathname;
    if (seen.has(key)) return;
    seen.add(key);
    const inDist = decodeURIComponent(key.startsWith(base) ? key.slice(base.length) : key.slice(1));
    const file = join(dist, inDist);
    let content: Buffer;
    try {
      if (statSync(file).isDirectory()) throw new Error('directory');
      content = readFileSync(file);
    } catch {
      unresolved.push(key);
      return;
    }
    resources.push({ file: inDist, kind, size: sizeOf(content, brotli, file), request: true });
    if (kind === 'css') for (const [inner, innerKind] of cssFetches(content.toString('utf8'))) fetchFile(inner, innerKind, key);
  };

  const document = parse(html);
  const { external, inlineJs, inlineCss } = references(document);
  for (const [url, kind] of external) fetchFile(url, kind, path);
  for (const code of inlineJs) resources.push({ file: 'inline', kind: 'js', size: sizeOf(code, brotli), request: false });
  for (const code of inlineCss) {
    resources.push({ file: 'inline', kind: 'css', size: sizeOf(code, brotli), request: false });
    for (const [inner, innerKind] of cssFetches(code)) fetchFile(inner, innerKind, path);
  }
  return { path, resources, needsJs: needsJavaScript(document), unresolved };
}

/** Sum of the sizes of one kind of resource (all kinds when omitted). Inline code is counted inside its kind. */
export function total(page: PageWeight, kind?: Kind): Size {
  const chosen = page.resources.filter((r) => kind === undefined || r.kind === kind);
  const sum = (pick: (s: Size) => number | undefined): number => chosen.reduce((n, r) => n + (pick(r.size) ?? 0), 0);
  const size: Size = { raw: sum((s) => s.raw), gzip: sum((s) => s.gzip) };
  if (chosen.every((r) => r.size.brotli !== undefined)) size.brotli = sum((s) => s.brotli);
  return size;
}

/** Requests to load the page: the page itself plus every external file, off-site and missing ones included. */
export function requestCount(page: PageWeight): number {
  return page.resources.filter((r) => r.request).length + page.unresolved.length;
}

/**
 * Bytes fetched on a first visit, compressed as served (gzip), of one kind or all. Inline code is not
 * added again: it already travels inside the HTML.
 */
export function firstViewBytes(page: PageWeight, kind?: Kind): number {
  return page.resources.filter((r) => r.request && (kind === undefined || r.kind === kind)).reduce((n, r) => n + r.size.gzip, 0);
}

/** The pages a reader opens to read a chapter: Open Graph type `article`. */
function isArticle(dist: string, htmlFile: string): boolean {
  return /<meta\s+property="og:type"\s+content="article"/i.test(readFileSync(join(dist, htmlFile), 'utf8'));
}

/**
 * The chapter pages among a built site's HTML files: articles one level below their explainer
 * (`armenia-belarus-csto/background/index.html`), not the overview and not the one-page edition.
 */
export function chapterFilesIn(dist: string, files: string[]): string[] {
  const wholeExplainers = new Set(wholeExplainerFilesIn(dist));
  return files.filter((file) => /^[^/]+\/[^/]+\/index\.html$/.test(file) && !wholeExplainers.has(file) && isArticle(dist, file));
}

export const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
