import { closeSync, openSync, readFileSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import { htmlFilesIn } from './built-files.ts';
import { attribute, findElement, type Element } from './parsed-html.ts';

/**
 * The Content-Security-Policy, delivered where it protects the whole page:
 *
 * - Astro writes its <meta> CSP (with the hash of every inline script and style) at the end of
 *   <head>. A meta policy covers only what comes after it, so a script earlier in <head> (the
 *   JSON-LD) would escape it. Each page's meta is moved to just after <meta charset>.
 * - The same policy, merged over every page, replaces the Content-Security-Policy line of
 *   `_headers`, so hosts that read the file (Netlify, Cloudflare Pages, the test server) send it as
 *   an HTTP header too, where frame-ancestors also applies.
 *
 * Returns how many pages carry a policy.
 */
export function deliverContentSecurityPolicy(root: string): number {
  const policies: string[] = [];
  for (const file of htmlFilesIn(root)) {
    const policy = moveCspFirstInFile(join(root, file));
    if (policy !== undefined) policies.push(policy);
  }
  if (policies.length > 0) {
    const headers = join(root, '_headers');
    writeFileSync(headers, withPolicy(readFileSync(headers, 'utf8'), mergePolicies(policies)));
  }
  return policies.length;
}

/**
 * Moves the file's meta CSP first in its head, and returns the policy (undefined without one).
 *
 * Moving one element within the head changes the order of the head's bytes, not their number, so
 * only the head is read and written back in place: a one-page edition of a thousand chapters is
 * 25 MB, its head a few kilobytes, and reading and rewriting whole pages took 3–4 s of the build at
 * 1,000 chapters. The search index reads the pages only after this (astro.config.mjs), so it never
 * reads a head while it changes.
 */
function moveCspFirstInFile(path: string): string | undefined {
  const file = openSync(path, 'r+');
  try {
    const head = readHead(file);
    const text = head.toString('utf8');
    const moved = cspFirst(text);
    if (moved !== undefined && moved.html !== text) {
      const bytes = Buffer.from(moved.html, 'utf8');
      // cspFirst only reorders whole elements; anything else would leave the rest of the page misplaced.
      if (bytes.length !== head.length) throw new Error(`${path}: moving the CSP changed the length of <head>`);
      writeSync(file, bytes, 0, bytes.length, 0);
    }
    return moved?.policy;
  } finally {
    closeSync(file);
  }
}

/** The file's bytes up to `</head>` (the whole file if it has none), read a block at a time. */
function readHead(file: number): Buffer {
  const blocks: Buffer[] = [];
  let length = 0;
  for (;;) {
    const block = Buffer.alloc(HEAD_BLOCK);
    const read = readSync(file, block, 0, HEAD_BLOCK, length);
    blocks.push(block.subarray(0, read));
    length += read;
    const text = Buffer.concat(blocks, length);
    // `</head>` is ASCII, so its index in the bytes read as Latin-1 is its byte offset.
    const end = text.toString('latin1').search(/<\/head>/i);
    if (end >= 0) return text.subarray(0, end);
    if (read < HEAD_BLOCK) return text;
  }
}

/** Enough for every page's head but the one-page edition's, whose running-head rules make it longer. */
const HEAD_BLOCK = 16 * 1024;

const isMeta = (element: Element, name: string) => element.tagName === 'meta' && attribute(element, name) !== undefined;

/**
 * The page with its meta CSP moved to just after <meta charset>, and the policy; undefined without one.
 * Only the head is parsed (a one-page edition can be megabytes); the page's bytes are moved, not rewritten.
 */
export function cspFirst(html: string): { html: string; policy: string } | undefined {
  const headEnd = html.search(/<\/head>/i);
  const head = parse(headEnd < 0 ? html : html.slice(0, headEnd), { sourceCodeLocationInfo: true });
  const meta = findElement(
    head,
    (element) => isMeta(element, 'http-equiv') && attribute(element, 'http-equiv')!.toLowerCase() === 'content-security-policy',
  );
  const charset = findElement(head, (element) => isMeta(element, 'charset'));
  const [from, to] = [meta?.sourceCodeLocation?.startOffset, meta?.sourceCodeLocation?.endOffset];
  const at = charset?.sourceCodeLocation?.endOffset;
  if (!meta || from === undefined || to === undefined || at === undefined) return undefined;
  const tag = html.slice(from, to);
  const without = html.slice(0, from) + html.slice(to);
  const where = at <= from ? at : at - tag.length;
  return { html: without.slice(0, where) + tag + without.slice(where), policy: attribute(meta, 'content') ?? '' };
}

/** Several policies as one: each directive with every source any page needs. */
export function mergePolicies(policies: string[]): string {
  const directives = new Map<string, Set<string>>();
  for (const policy of policies) {
    for (const directive of policy.split(';')) {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (!name) continue;
      const set = directives.get(name) ?? new Set<string>();
      for (const source of sources) set.add(source);
      directives.set(name, set);
    }
  }
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * `_headers` with the site-wide block's CSP replaced by the pages' policy plus the directives a
 * <meta> cannot carry (frame-ancestors), which the file's own line keeps.
 */
export function withPolicy(headers: string, policy: string): string {
  return headers.replace(/^(\s+Content-Security-Policy:)(.*)$/m, (_, key: string, own: string) => {
    const headerOnly = own
      .split(';')
      .map((directive) => directive.trim())
      .filter((directive) => directive.startsWith('frame-ancestors') || directive.startsWith('report-'));
    return `${key} ${[policy, ...headerOnly].join('; ')}`;
  });
}
