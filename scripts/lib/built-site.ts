/**
 * Checks on the built site (dist/) that need no browser: links and fragments, the Content-Security-
 * Policy against the inline code it must allow, the static host's headers, and resources that would
 * load from another origin. Each returns problems as lines "file:line  what is wrong"; the
 * command-line entry is scripts/check-built.ts, and tests/unit/built-site.test.ts pins each rule.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'parse5';
import { isElement, type ChildNode } from '../../src/build/parsed-html.ts';
import { readHeaderRules } from '../../src/build/static-server.ts';

export interface Tag {
  name: string;
  attributes: Map<string, string>;
  /** Offset of `<` in the page. */
  offset: number;
  /** The text inside a <script> or <style>, exactly as written (what a CSP hash covers). */
  content?: string;
}

export interface Page {
  /** Path of the file inside dist/, e.g. `people/index.html`. */
  file: string;
  /** The file as shown in reports, from the working directory: `dist/people/index.html`. */
  shown: string;
  /** The page's path on the site, base path included, e.g. `/people/`. */
  path: string;
  html: string;
  tags: Tag[];
  ids: Set<string>;
}

export interface SiteOptions {
  /** The deployment's base path, `/` or `/csto-explainer/`. */
  base: string;
  /** The site's own origin and URL (SITE.url): absolute links to it are internal. */
  siteUrl: string;
}

export function readPage(dist: string, file: string, base: string): Page {
  const html = readFileSync(join(dist, file), 'utf8');
  const tags = scanTags(html);
  const ids = new Set<string>();
  for (const tag of tags) {
    const id = tag.attributes.get('id');
    if (id) ids.add(id);
    if (tag.name === 'a' && tag.attributes.get('name')) ids.add(tag.attributes.get('name')!);
  }
  const path = `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
  return { file, shown: relative(process.cwd(), join(dist, file)), path, html, tags, ids };
}

/**
 * The start tags of an HTML document with their attributes, as the build's one HTML parser (parse5)
 * reads them: attribute values decoded, comments skipped, <template> contents included, and the
 * text of <script> and <style> kept exactly as written (what a CSP hash covers). Elements the parser
 * implies (an <html> or <body> the file does not write) are not tags of the file and are left out.
 */
export function scanTags(html: string): Tag[] {
  const tags: Tag[] = [];
  const visit = (node: { childNodes?: ChildNode[] }) => {
    for (const child of node.childNodes ?? []) {
      if (!isElement(child)) continue;
      const location = child.sourceCodeLocation;
      if (location) {
        const tag: Tag = {
          name: child.tagName,
          attributes: new Map(child.attrs.map((attr) => [attr.name, attr.value])),
          offset: location.startOffset,
        };
        if (child.tagName === 'script' || child.tagName === 'style') {
          const start = location.startTag?.endOffset ?? location.endOffset;
          tag.content = html.slice(start, location.endTag?.startOffset ?? location.endOffset);
        }
        tags.push(tag);
      }
      visit('content' in child ? child.content : child);
    }
  };
  visit(parse(html, { sourceCodeLocationInfo: true }));
  return tags;
}

function lineOf(html: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (html.charCodeAt(i) === 10) line++;
  return line;
}

const where = (page: Page, tag: Tag) => `${page.shown}:${lineOf(page.html, tag.offset)}`;

/** Attributes that hold a URL the browser follows or fetches, by element. */
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  iframe: ['src'],
  embed: ['src'],
  object: ['data'],
  form: ['action'],
  use: ['href', 'xlink:href'],
  blockquote: ['cite'],
  q: ['cite'],
};

/** Metadata that names pages or images of this site by absolute URL. */
const URL_METADATA = new Set(['og:url', 'og:image', 'twitter:image']);

interface Reference {
  tag: Tag;
  attribute: string;
  url: string;
}

function referencesIn(page: Page): Reference[] {
  const references: Reference[] = [];
  for (const tag of page.tags) {
    for (const attribute of URL_ATTRIBUTES[tag.name] ?? []) {
      const value = tag.attributes.get(attribute);
      if (value === undefined) continue;
      const urls = attribute === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '') : [value];
      for (const url of urls) references.push({ tag, attribute, url });
    }
    const property = tag.name === 'meta' ? (tag.attributes.get('property') ?? tag.attributes.get('name')) : undefined;
    if (property && URL_METADATA.has(property)) references.push({ tag, attribute: 'content', url: tag.attributes.get('content') ?? '' });
  }
  return references;
}

/**
 * Every internal link, fragment and asset resolves to a file in dist/ (and a fragment to an id on
 * the page it names, footnotes included); every external URL is well formed. No network requests.
 */
export function checkLinks(dist: string, pages: Page[], options: SiteOptions): string[] {
  const problems: string[] = [];
  const byPath = new Map(pages.map((page) => [page.path, page]));
  const site = new URL(options.siteUrl);
  for (const page of pages) {
    const pageUrl = new URL(page.path, site);
    for (const { tag, attribute, url } of referencesIn(page)) {
      const at = `${where(page, tag)}  <${tag.name} ${attribute}="${url}">`;
      if (url.trim() !== url || url === '') {
        problems.push(`${at}: an empty URL, or one with spaces around it`);
        continue;
      }
      if (/^javascript:/i.test(url)) {
        problems.push(`${at}: a javascript: URL (the Content-Security-Policy would block it; use a button and a script)`);
        continue;
      }
      let target: URL;
      try {
        target = new URL(url, pageUrl);
      } catch {
        problems.push(`${at}: not a well-formed URL`);
        continue;
      }
      if (target.origin !== site.origin || !['http:', 'https:'].includes(target.protocol)) {
        const problem = externalProblem(url, target);
        if (problem) problems.push(`${at}: ${problem}`);
        continue;
      }
      if (tag.name === 'blockquote' || tag.name === 'q') continue;
      const path = decodeURIComponent(target.pathname);
      if (!path.startsWith(options.base)) {
        problems.push(`${at}: leads outside the site's base path ${options.base}`);
        continue;
      }
      const file = path.slice(options.base.length);
      const fragment = decodeURIComponent(target.hash.slice(1));
      // A URL's hash is '' both without a fragment and with an empty one: only the text tells them apart.
      if (url.endsWith('#')) {
        problems.push(`${at}: an empty fragment "#", which leads nowhere`);
        continue;
      }
      if (path.endsWith('/')) {
        const linked = byPath.get(path);
        if (!linked) problems.push(`${at}: no page ${path} in the built site`);
        else if (fragment && !linked.ids.has(fragment)) problems.push(`${at}: no element with id "${fragment}" on ${path}`);
        continue;
      }
      const filePath = join(dist, file);
      if (!existsSync(filePath)) {
        problems.push(`${at}: no file ${path} in the built site`);
      } else if (statSync(filePath).isDirectory()) {
        problems.push(`${at}: a page address without its closing slash (write ${path}/)`);
      } else if (fragment && file.endsWith('.html') && !(byPath.get(path)?.ids.has(fragment) ?? false)) {
        problems.push(`${at}: no element with id "${fragment}" in ${path}`);
      }
    }
  }
  return problems;
}

/** What is wrong with an external URL, if anything. Only its form is checked: no network in CI. */
function externalProblem(raw: string, url: URL): string | undefined {
  if (url.protocol === 'mailto:') return /^mailto:[^@\s]+@[^@\s]+\.[^@\s]+$/.test(raw) ? undefined : 'a malformed mailto: address';
  if (url.protocol === 'tel:') return undefined;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `an unexpected scheme ${url.protocol}`;
  if (!/^https?:\/\//i.test(raw)) return 'an external address without its scheme';
  if (!url.hostname.includes('.') || url.hostname.endsWith('.')) return `a host name that is not a public domain: ${url.hostname}`;
  if (/\s/.test(raw)) return 'spaces in the address (encode them as %20)';
  if (/^(localhost|127\.|10\.|192\.168\.)/.test(url.hostname)) return 'an address on a private network';
  return undefined;
}

/** Every <loc> of the sitemap is a page of the built site. */
export function checkSitemap(dist: string, pages: Page[], options: SiteOptions): string[] {
  const files = readdirSync(dist).filter((name) => /^sitemap.*\.xml$/.test(name) && name !== 'sitemap-index.xml');
  const shown = (name: string) => relative(process.cwd(), join(dist, name));
  if (files.length === 0) return [`${shown('')}: no sitemap (sitemap-0.xml); the accessibility sweep reads its pages from it`];
  const paths = new Set(pages.map((page) => page.path));
  const problems: string[] = [];
  for (const name of files) {
    for (const [, loc] of readFileSync(join(dist, name), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)) {
      const url = new URL(loc!);
      if (url.origin !== new URL(options.siteUrl).origin)
        problems.push(`${shown(name)}: ${loc} is not on the site's origin ${options.siteUrl}`);
      else if (!paths.has(decodeURIComponent(url.pathname))) problems.push(`${shown(name)}: ${loc} is not a page of the built site`);
    }
  }
  return problems;
}

const REQUIRED_HEADERS: Record<string, RegExp> = {
  'Strict-Transport-Security': /max-age=\d{8,}/,
  'X-Content-Type-Options': /^nosniff$/,
  'Referrer-Policy': /^(no-referrer|strict-origin|strict-origin-when-cross-origin|same-origin)$/,
  'Permissions-Policy': /camera=\(\)/,
  // The full policy (written by src/integrations/security-headers.ts from the pages' own), not only
  // what a <meta> cannot carry.
  'Content-Security-Policy': /^(?=.*frame-ancestors 'none')(?=.*script-src 'self')(?!.*'unsafe-inline')/,
};

/** The static host's headers (dist/_headers, from public/_headers) for every path. */
export async function checkHeaders(dist: string): Promise<string[]> {
  const file = join(dist, '_headers');
  const shown = relative(process.cwd(), file);
  if (!existsSync(file)) return [`${shown}: missing (public/_headers sets the security headers a static host sends)`];
  // Read as the test server reads it, so the headers checked are the headers the tests were served.
  let rules;
  try {
    rules = await readHeaderRules(dist);
  } catch (error) {
    return [`${shown}: ${(error as Error).message}`];
  }
  const everyPage = rules.find((rule) => rule.pattern === '/*');
  if (!everyPage) return [`${shown}: no "/*" block, so no page gets the security headers`];
  const headers = new Map(everyPage.headers.map(([name, value]) => [name.toLowerCase(), value.trim()]));
  return Object.entries(REQUIRED_HEADERS).flatMap(([name, pattern]) => {
    const value = headers.get(name.toLowerCase());
    if (value === undefined) return [`${shown}: "/*" does not set ${name}`];
    return pattern.test(value) ? [] : [`${shown}: ${name}: ${value} (expected to match ${pattern})`];
  });
}

/** Script types a browser executes (JSON-LD and the like are data, outside script-src). */
const EXECUTABLE = /^(|text\/javascript|module|application\/javascript)$/i;

/**
 * Each page carries a Content-Security-Policy without 'unsafe-inline' or 'unsafe-eval' for scripts,
 * and that policy lets through every inline script and style the page has (by hash), so that it
 * blocks injected code and nothing of ours. No inline event handlers or style attributes, which
 * hashes cannot allow; no script, style, image or frame fetched from another origin.
 */
export function checkSecurity(pages: Page[], options: SiteOptions): string[] {
  const problems: string[] = [];
  const site = new URL(options.siteUrl);
  for (const page of pages) {
    const meta = page.tags.find(
      (tag) => tag.name === 'meta' && tag.attributes.get('http-equiv')?.toLowerCase() === 'content-security-policy',
    );
    const policy = parsePolicy(meta?.attributes.get('content') ?? '');
    const scriptSrc = policy.get('script-src-elem') ?? policy.get('script-src') ?? policy.get('default-src');
    const styleSrc = policy.get('style-src-elem') ?? policy.get('style-src') ?? policy.get('default-src');
    if (!meta || !scriptSrc) {
      problems.push(`${page.shown}: no Content-Security-Policy with script-src (security.csp in astro.config.mjs)`);
      continue;
    }
    for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'"]) {
      if (scriptSrc.includes(unsafe)) problems.push(`${where(page, meta)}: script-src allows ${unsafe}`);
    }
    // A <meta> policy covers only what comes after it: it must precede every script and style.
    const first = page.tags.find(
      (tag) =>
        tag.name === 'script' ||
        tag.name === 'style' ||
        (tag.name === 'link' && /stylesheet|preload/.test(tag.attributes.get('rel') ?? '')),
    );
    if (first && first.offset < meta.offset) {
      problems.push(`${where(page, first)}: <${first.name}> before the Content-Security-Policy, which does not cover it`);
    }
    for (const tag of page.tags) {
      const inline = tag.content !== undefined && !tag.attributes.has('src');
      if (tag.name === 'script' && inline && EXECUTABLE.test(tag.attributes.get('type') ?? '')) {
        if (!scriptSrc.includes(`'sha256-${sha256(tag.content!)}'`))
          problems.push(`${where(page, tag)}: an inline script whose hash is not in the Content-Security-Policy`);
      }
      if (tag.name === 'script' && tag.content !== undefined && /<\/script|<!--|<script/i.test(tag.content)) {
        problems.push(`${where(page, tag)}: a <script> whose text holds "</script", "<script" or "<!--", which can end it early`);
      }
      if (tag.name === 'script' && tag.content !== undefined && /json/i.test(tag.attributes.get('type') ?? '')) {
        try {
          JSON.parse(tag.content);
        } catch {
          problems.push(`${where(page, tag)}: a JSON <script> that is not valid JSON (was it cut short by markup inside a string?)`);
        }
      }
      if (tag.name === 'style' && tag.content !== undefined && styleSrc && !styleSrc.includes("'unsafe-inline'")) {
        if (!styleSrc.includes(`'sha256-${sha256(tag.content)}'`))
          problems.push(`${where(page, tag)}: an inline <style> whose hash is not in the Content-Security-Policy`);
      }
      for (const name of tag.attributes.keys()) {
        if (/^on[a-z]+$/.test(name))
          problems.push(`${where(page, tag)}: an inline event handler ${name}= (blocked by the policy; attach it in a script)`);
      }
      if (tag.attributes.has('style') && styleSrc && !styleSrc.includes("'unsafe-inline'") && !styleSrc.includes("'unsafe-hashes'")) {
        problems.push(`${where(page, tag)}: a style= attribute, which the Content-Security-Policy blocks (use a class)`);
      }
      if (tag.name === 'a' && tag.attributes.get('target') === '_blank') {
        const rel = (tag.attributes.get('rel') ?? '').split(/\s+/);
        if (!rel.includes('noopener') || !rel.includes('noreferrer'))
          problems.push(`${where(page, tag)}: target="_blank" without rel="noopener noreferrer"`);
      }
      const fetched = fetchedUrl(tag);
      if (fetched) {
        try {
          const url = new URL(fetched, new URL(page.path, site));
          if (url.origin !== site.origin && url.protocol !== 'data:')
            problems.push(`${where(page, tag)}: <${tag.name}> loads ${fetched} from another origin`);
        } catch {
          // A malformed URL is reported by the link check.
        }
      }
    }
  }
  return problems;
}

/** The URL an element makes the browser fetch as the page loads (links to follow are not fetched). */
function fetchedUrl(tag: Tag): string | undefined {
  if (tag.name === 'link') {
    const rel = tag.attributes.get('rel') ?? '';
    return /\b(stylesheet|preload|modulepreload|icon|manifest|prefetch|preconnect|dns-prefetch)\b/.test(rel)
      ? tag.attributes.get('href')
      : undefined;
  }
  if (['script', 'img', 'iframe', 'source', 'video', 'audio', 'embed'].includes(tag.name)) return tag.attributes.get('src');
  return undefined;
}

function parsePolicy(policy: string): Map<string, string> {
  const directives = new Map<string, string>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), values.join(' '));
  }
  return directives;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}
