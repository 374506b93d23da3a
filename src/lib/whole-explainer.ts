import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { cacheKey, cachedArtefact, packageVersions } from './build-cache';
import { FOOTNOTE_ID_PREFIX } from './urls';

/**
 * The whole-explainer page shows every chapter on one page. Each chapter is rendered on its own, so
 * its notes are numbered 1, 2, 3 … and its headings start at h2. This transform turns the rendered
 * chapters into one document:
 *
 * - notes are numbered continuously: chapter 2's first note follows chapter 1's last, in the marker
 *   text, in the list of notes (`<ol start>`) and in the back-links' labels, so every number a reader
 *   sees (on screen, on paper, in the PDF's text) is the same number in both places;
 * - headings inside a chapter's text go one level down (the chapter title is the h2), and their ids
 *   get the chapter's key as a prefix, so two chapters' "Background" sections never share an id.
 *   Links to those ids within the chapter follow.
 * - links between chapters (`./background/`, `../scandal/#…`) become links within the page, and other
 *   relative links are made site-absolute, since the page lives at another address than the chapter.
 *
 * Footnote ids need no change: they are already prefixed with the chapter's file name.
 * Each chapter's HTML is parsed and written back with hast, so it does not depend on attribute
 * order or spacing; only the start of each chapter's section is found by its tag.
 */

/** A chapter section in the rendered page: `<section data-chapter="key">`, in reading order. */
export const CHAPTER_ATTRIBUTE = 'data-chapter';

export interface ChapterNotes {
  /** The chapter's key, from `data-chapter`. */
  chapter: string;
  /** What to add to the chapter's own note numbers: the notes in all chapters before it. */
  offset: number;
  /** How many notes the chapter has. */
  count: number;
}

export interface WholeExplainerHtml {
  html: string;
  chapters: ChapterNotes[];
  /** Notes in all chapters. */
  notes: number;
}

/** The id of a chapter's section on the whole-explainer page. */
export function chapterAnchor(key: string): string {
  return `chapter-${key}`;
}

/**
 * How chapters are joined, as part of each joined chapter's cache key: this module's source and the
 * versions of the HTML parser and writer. (Not the bundled chunk that runs: its text names other
 * chunks, whose hashes change with every edit to any chapter.) The source is found where `astro
 * build` runs, in the project's root; failing that, the running code is used, which is always safe.
 */
const RECIPE = cacheKey(
  readSource(join(process.cwd(), 'src', 'lib', 'whole-explainer.ts')) ?? readFileSync(fileURLToPath(import.meta.url)),
  ...packageVersions(['hast-util-from-html', 'hast-util-to-html']),
);

function readSource(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** The start tag of a chapter's section. Chapters are never nested, so each runs to the next. */
const CHAPTER_START = new RegExp(`<section\\b[^>]*\\s${CHAPTER_ATTRIBUTE}="([^"]*)"`, 'g');

/**
 * @param html the rendered page part holding the chapter sections
 * @param chapterPaths each chapter's key and its own page's path, e.g. `background` → `/armenia-belarus-csto/background/`
 *
 * Each chapter is joined on its own and kept in the build cache under a hash of its HTML, its note
 * offset, the chapter paths and this code: after an edit, only the chapters whose HTML or offset
 * changed are parsed again. (At a thousand chapters, parsing them all takes seconds.)
 */
export async function joinChapters(html: string, chapterPaths: Record<string, string>): Promise<WholeExplainerHtml> {
  const keyByPath = new Map(Object.entries(chapterPaths).map(([key, path]) => [path, key]));
  const pathsDigest = cacheKey(JSON.stringify(chapterPaths));
  const starts = [...html.matchAll(CHAPTER_START)];
  const chapters: ChapterNotes[] = [];
  const parts = [html.slice(0, starts[0]?.index ?? html.length)];
  let offset = 0;
  for (const [index, start] of starts.entries()) {
    const key = start[1]!;
    const section = html.slice(start.index, starts[index + 1]?.index ?? html.length);
    const joined = JSON.parse(
      new TextDecoder().decode(
        await cachedArtefact('whole-explainer', cacheKey(section, String(offset), pathsDigest, RECIPE), 'json', async () => {
          const tree = fromHtml(section, { fragment: true });
          const element = tree.children.find((node): node is Element => node.type === 'element' && node.properties['dataChapter'] === key);
          const count = element ? joinChapter(element, key, offset, chapterPaths[key] ?? '/', keyByPath) : 0;
          return new TextEncoder().encode(JSON.stringify({ html: toHtml(tree as Root), count }));
        }),
      ),
    ) as { html: string; count: number };
    parts.push(joined.html);
    chapters.push({ chapter: key, offset, count: joined.count });
    offset += joined.count;
  }
  return { html: parts.join(''), chapters, notes: offset };
}

/**
 * Two walks over one chapter (pages can hold thousands of chapters, so no more than two): the first
 * renumbers its notes and demotes and renames its headings, the second mends the links and ARIA
 * references that point at renamed ids or at other chapters. Returns how many notes it has.
 */
function joinChapter(chapter: Element, key: string, offset: number, chapterPath: string, keyByPath: Map<string, string>): number {
  let count = 0;
  const renamed = new Map<string, string>();
  walk(chapter, (node, parent, inProse) => {
    if (node.tagName === 'a' && node.properties['dataFootnoteRef'] !== undefined) {
      node.children = node.children.map((child) => (child.type === 'text' ? { ...child, value: shift(child.value, offset) } : child));
    } else if (node.tagName === 'a' && node.properties['dataFootnoteBackref'] !== undefined) {
      const label = node.properties['ariaLabel'];
      if (typeof label === 'string') node.properties['ariaLabel'] = label.replace(/\d+/, (n) => String(Number(n) + offset));
    } else if (node.tagName === 'ol' && parent.tagName === 'section' && parent.properties['dataFootnotes'] !== undefined) {
      node.properties['start'] = offset + 1;
      count += node.children.filter(isElement('li')).length;
    }
    const level = inProse ? /^h([1-5])$/.exec(node.tagName)?.[1] : undefined;
    if (level) {
      node.tagName = `h${Number(level) + 1}`;
      const id = node.properties['id'];
      if (typeof id === 'string' && !id.startsWith(`${key}-`)) {
        renamed.set(id, `${key}-${id}`);
        node.properties['id'] = `${key}-${id}`;
      }
    }
  });
  const origin = 'http://chapter.invalid';
  walk(chapter, (node) => {
    for (const property of ['ariaDescribedBy', 'ariaLabelledBy']) {
      const ids = node.properties[property];
      if (Array.isArray(ids)) node.properties[property] = ids.map((id) => renamed.get(String(id)) ?? id);
    }
    const target = node.tagName === 'a' ? node.properties['href'] : undefined;
    if (typeof target !== 'string' || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(target)) return;
    if (target.startsWith('#')) {
      // A heading in this chapter, now renamed.
      const renamedTo = renamed.get(decodeURIComponent(target.slice(1)));
      if (renamedTo) node.properties['href'] = `#${renamedTo}`;
      return;
    }
    // Relative links resolve against the chapter's own address; those to a chapter (or a heading in it) stay on this page.
    const url = new URL(target, origin + chapterPath);
    const linked = keyByPath.get(url.pathname);
    if (linked === undefined) {
      node.properties['href'] = url.pathname + url.search + url.hash;
    } else {
      const id = decodeURIComponent(url.hash.slice(1));
      const prefixed = id === '' || id.startsWith(FOOTNOTE_ID_PREFIX) || id.startsWith(`${linked}-`) ? id : `${linked}-${id}`;
      node.properties['href'] = `#${prefixed || chapterAnchor(linked)}`;
    }
  });
  return count;
}

/** Every element under `root`, with its parent and whether it is inside the chapter's text (`.prose-explainer`). */
function walk(root: Element, visitor: (node: Element, parent: Element, inProse: boolean) => void, inProse = false): void {
  for (const child of root.children) {
    if (child.type !== 'element') continue;
    const prose = inProse || hasClass(child, 'prose-explainer');
    visitor(child, root, prose);
    walk(child, visitor, prose);
  }
}

function shift(text: string, offset: number): string {
  return text.replace(/^(\s*)(\d+)/, (_, space: string, n: string) => `${space}${Number(n) + offset}`);
}

function isElement(tagName: string) {
  return (node: ElementContent): node is Element => node.type === 'element' && node.tagName === tagName;
}

function hasClass(node: Element, name: string): boolean {
  const className = node.properties['className'];
  return Array.isArray(className) && className.includes(name);
}
