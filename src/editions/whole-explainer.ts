import { parseFragment } from 'parse5';
import { attribute, hasAttribute, isElement, isText, type Element, type TextNode } from '../build/parsed-html.ts';
import { readPlainElement } from '../build/plain-html.ts';
import { FOOTNOTE_ID_PREFIX } from '../routes.ts';

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
 * - a source's full citation is given once, in the first note that cites it; a later note that cites
 *   it again gives a short form (publisher and title, from `shortCitations`) and the number of that
 *   first note, with a link to it, before its own locator and evidence passage. A typeset brief's
 *   notes do the same ("Author, Title (n. 4)"); it keeps the notes from repeating the same citation
 *   and its address dozens of times.
 *
 * Footnote ids need no change: they are already prefixed with the chapter's file name.
 *
 * Each chapter's HTML is read as browsers parse it: with readPlainElement where it is plain HTML, in
 * about a quarter of parse5's time, and with parse5 where it is not (a chapter with a chart's SVG, for
 * one). The few tag names, attributes and numbers that change are replaced where the reader found
 * them; everything else stays as Astro wrote it. So nothing depends on attribute order or spacing,
 * and no tree is written back: building a hast tree and serialising it made joining three times as
 * slow. Only the start of each chapter's section is found by its tag.
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
  /** Each cited source's first note: the one that gives its full citation. */
  firstNotes: Map<string, FirstNote>;
  /** With `peoplePath`: each person linked to, by id, with the ids of the links (`mentionAnchor`), in reading order. */
  mentions: Map<string, string[]>;
}

/** The note that first cites a source: its element id and its page-wide number. */
export interface FirstNote {
  id: string;
  number: number;
}

export interface JoinOptions {
  /**
   * A short form of each source's citation, as HTML (publisher and title), by source id: what a later
   * note that cites the source again shows instead of the full citation. A source without one is
   * cited in full every time.
   */
  shortCitations?: Record<string, string>;
  /** "see note 4": the words around a later note's link to the first, as HTML around the number. */
  seeNote?: (number: number) => string;
  /**
   * The people page's path (e.g. `/people/`). When given, a link to a person's card there
   * (`<a class="person" href="/people/#id">`) leads instead to the person's entry in the edition's
   * own list of people (`personEntryAnchor`), and gets an id of its own (`mentionAnchor`) so that the
   * list can give the pages on which the person is named. A printed edition is read on paper: its
   * names must lead somewhere inside it.
   */
  peoplePath?: string;
  /**
   * How many notes each chapter has, by chapter key, as its citation transform numbered them (the
   * chapter's report): the page-wide numbers are each chapter's own plus the notes before it. A
   * chapter whose rendered list holds another count stops the build rather than misnumber the page.
   * Without it, the rendered lists are counted.
   */
  noteCounts?: Record<string, number>;
}

/** The id of a person's entry in the edition's list of people. */
export function personEntryAnchor(person: string): string {
  return `edition-person-${person}`;
}

/** The id of the `n`th link (from 1) to a person in the edition. */
export function mentionAnchor(person: string, n: number): string {
  return `mention-${person}-${n}`;
}

/** The id of a chapter's section on the whole-explainer page. */
export function chapterAnchor(key: string): string {
  return `chapter-${key}`;
}

/** The start tag of a chapter's section. Chapters are never nested, so each runs to the next. */
const CHAPTER_START = new RegExp(`<section\\b[^>]*\\s${CHAPTER_ATTRIBUTE}="([^"]*)"`, 'g');

/**
 * @param html the rendered page part holding the chapter sections
 * @param chapterPaths each chapter's key and its own page's path, e.g. `background` → `/armenia-belarus-csto/background/`
 */
export function joinChapters(html: string, chapterPaths: Record<string, string>, options: JoinOptions = {}): WholeExplainerHtml {
  const keyByPath = new Map(Object.entries(chapterPaths).map(([key, path]) => [path, key]));
  const firstNotes = new Map<string, FirstNote>();
  const mentions = new Map<string, string[]>();
  const starts = [...html.matchAll(CHAPTER_START)];
  const chapters: ChapterNotes[] = [];
  const parts = [html.slice(0, starts[0]?.index ?? html.length)];
  let offset = 0;
  for (const [index, start] of starts.entries()) {
    const key = start[1]!;
    const section = html.slice(start.index, starts[index + 1]?.index ?? html.length);
    const joined = joinChapter(section, key, offset, chapterPaths[key] ?? '/', keyByPath, { ...options, firstNotes, mentions });
    const reported = options.noteCounts?.[key];
    if (reported !== undefined && reported !== joined.count) {
      throw new Error(`The one-page edition: chapter "${key}" renders ${joined.count} notes where its report numbers ${reported}.`);
    }
    parts.push(joined.html);
    chapters.push({ chapter: key, offset, count: joined.count });
    offset += joined.count;
  }
  return { html: parts.join(''), chapters, notes: offset, firstNotes, mentions };
}

interface JoinedChapter {
  html: string;
  /** How many notes the chapter has. */
  count: number;
}

/** Text to put in place of the characters from `start` up to `end` of the chapter's HTML. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Two walks over one chapter (pages can hold thousands of chapters, so no more than two): the first
 * renumbers its notes and demotes and renames its headings, the second mends the links and ARIA
 * references that point at renamed ids or at other chapters.
 */
type ChapterJoinOptions = JoinOptions & { firstNotes: Map<string, FirstNote>; mentions: Map<string, string[]> };

/** One chapter being joined: its HTML, its key and note offset, and the edits to make to it. */
interface ChapterWalk {
  html: string;
  key: string;
  offset: number;
  edits: Edit[];
  /** Heading ids renamed to carry the chapter's key. */
  renamed: Map<string, string>;
}

function joinChapter(
  html: string,
  key: string,
  offset: number,
  chapterPath: string,
  keyByPath: Map<string, string>,
  options: ChapterJoinOptions,
): JoinedChapter {
  const chapter =
    readPlainElement(html) ??
    parseFragment(html, { sourceCodeLocationInfo: true }).childNodes.find((node): node is Element => isElement(node));
  if (!chapter || attribute(chapter, CHAPTER_ATTRIBUTE) !== key) return { html, count: 0 };
  const state: ChapterWalk = { html, key, offset, edits: [], renamed: new Map() };
  const count = renumberAndDemote(chapter, state, options);
  mendReferences(chapter, state, chapterPath, keyByPath, options);
  return { html: applyEdits(html, state.edits, key), count };
}

/** The first walk: renumbers the chapter's notes, demotes its headings and gives their ids the chapter's key. Returns the notes counted. */
function renumberAndDemote(chapter: Element, { html, key, offset, edits, renamed }: ChapterWalk, options: ChapterJoinOptions): number {
  let count = 0;
  walk(chapter, (node, parent, inProse) => {
    if (node.tagName === 'a' && hasAttribute(node, 'data-footnote-ref')) {
      for (const child of node.childNodes) if (isText(child)) edits.push(...replaceText(child, shift(child.value, offset)));
    } else if (node.tagName === 'a' && hasAttribute(node, 'data-footnote-backref')) {
      const label = attribute(node, 'aria-label');
      const shifted = label?.replace(/\d+/, (n) => String(Number(n) + offset));
      if (shifted !== undefined) edits.push(...setAttribute(html, node, 'aria-label', shifted));
    } else if (node.tagName === 'ol' && parent.tagName === 'section' && hasAttribute(parent, 'data-footnotes')) {
      edits.push(...setAttribute(html, node, 'start', String(offset + 1)));
      const items = node.childNodes.filter((child): child is Element => isElement(child) && child.tagName === 'li');
      for (const [index, item] of items.entries()) edits.push(...citeOnce(html, item, offset + index + 1, options));
      count += items.length;
    }
    const level = inProse ? /^h([1-5])$/.exec(node.tagName)?.[1] : undefined;
    if (level) {
      edits.push(...renameTag(node, `h${Number(level) + 1}`));
      const id = attribute(node, 'id');
      if (id !== undefined && !id.startsWith(`${key}-`)) {
        renamed.set(id, `${key}-${id}`);
        edits.push(...setAttribute(html, node, 'id', `${key}-${id}`));
      }
    }
  });
  return count;
}

const ORIGIN = 'http://chapter.invalid';

/** The second walk: mends ARIA references to renamed ids, and links to renamed headings, to other chapters and to people. */
function mendReferences(
  chapter: Element,
  state: ChapterWalk,
  chapterPath: string,
  keyByPath: Map<string, string>,
  options: ChapterJoinOptions,
): void {
  const { html, edits, renamed } = state;
  // A link the parser copied to mend bad nesting has the original's place: it is the same mention.
  const mentionAt = new Map<number, string>();
  walk(chapter, (node) => {
    for (const name of ['aria-describedby', 'aria-labelledby']) {
      const ids = attribute(node, name);
      if (ids === undefined) continue;
      const mended = ids
        .split(/\s+/)
        .map((id) => renamed.get(id) ?? id)
        .join(' ');
      if (mended !== ids) edits.push(...setAttribute(html, node, name, mended));
    }
    const target = node.tagName === 'a' ? attribute(node, 'href') : undefined;
    if (target === undefined || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(target)) return;
    if (
      options.peoplePath !== undefined &&
      hasClass(node, 'person') &&
      mendPersonLink(node, target, chapterPath, state, mentionAt, options)
    )
      return;
    const href = mendedHref(target, chapterPath, renamed, keyByPath);
    if (href !== undefined) edits.push(...setAttribute(html, node, 'href', href));
  });
}

/** A person's name leads to their entry in the edition's list of people, and gets an id of its own for the list's page references. */
function mendPersonLink(
  node: Element,
  target: string,
  chapterPath: string,
  { html, edits }: ChapterWalk,
  mentionAt: Map<number, string>,
  options: ChapterJoinOptions,
): boolean {
  const url = new URL(target, ORIGIN + chapterPath);
  const person = decodeURIComponent(url.hash.slice(1));
  const place = node.sourceCodeLocation?.startOffset;
  if (url.pathname !== options.peoplePath || person === '' || place === undefined) return false;
  let id = mentionAt.get(place);
  if (id === undefined) {
    const ids = options.mentions.get(person) ?? [];
    id = mentionAnchor(person, ids.length + 1);
    ids.push(id);
    options.mentions.set(person, ids);
    mentionAt.set(place, id);
  }
  edits.push(...setAttribute(html, node, 'href', `#${personEntryAnchor(person)}`), ...setAttribute(html, node, 'id', id));
  return true;
}

/** Where a relative link leads once the chapters share one page; undefined where it stays as it is. */
function mendedHref(target: string, chapterPath: string, renamed: Map<string, string>, keyByPath: Map<string, string>): string | undefined {
  if (target.startsWith('#')) {
    // A heading in this chapter, now renamed.
    const renamedTo = renamed.get(decodeURIComponent(target.slice(1)));
    return renamedTo ? `#${renamedTo}` : undefined;
  }
  // Relative links resolve against the chapter's own address; those to a chapter (or a heading in it) stay on this page.
  const url = new URL(target, ORIGIN + chapterPath);
  const linked = keyByPath.get(url.pathname);
  if (linked === undefined) return url.pathname + url.search + url.hash;
  const id = decodeURIComponent(url.hash.slice(1));
  const prefixed = id === '' || id.startsWith(FOOTNOTE_ID_PREFIX) || id.startsWith(`${linked}-`) ? id : `${linked}-${id}`;
  return `#${prefixed || chapterAnchor(linked)}`;
}

/**
 * A note's citations: the first of each source is kept in full and remembered; a later one becomes
 * the source's short form and a link to that first note, and loses the outlet's label, which the
 * first note gives.
 */
function citeOnce(html: string, note: Element, number: number, options: JoinOptions & { firstNotes: Map<string, FirstNote> }): Edit[] {
  const edits: Edit[] = [];
  const id = attribute(note, 'id') ?? '';
  const seeNote = options.seeNote ?? ((n: number) => `n. ${n}`);
  for (const paragraph of note.childNodes) {
    if (!isElement(paragraph)) continue;
    for (const child of paragraph.childNodes) {
      if (!isElement(child) || child.tagName !== 'span') continue;
      const classes = (attribute(child, 'class') ?? '').split(/\s+/);
      // A short form keeps the outlet's label (state media are labelled wherever they are cited).
      const source = classes.includes('citation') ? attribute(child, 'data-source') : undefined;
      if (source === undefined) continue;
      const first = options.firstNotes.get(source);
      const short = options.shortCitations?.[source];
      if (!first) {
        options.firstNotes.set(source, { id, number });
        continue;
      }
      const location = child.sourceCodeLocation;
      if (short === undefined || !location?.startTag || !location.endTag) continue;
      const link = `<a href="#${escapeHtml(first.id)}" class="first-citation">${seeNote(first.number)}</a>`;
      edits.push({ start: location.startTag.endOffset, end: location.endTag.startOffset, text: `${short} (${link})` });
      edits.push(...setAttribute(html, child, 'class', [...classes, 'citation-short'].join(' ')));
    }
  }
  return edits;
}

function hasClass(node: Element, name: string): boolean {
  return (attribute(node, 'class') ?? '').split(/\s+/).includes(name);
}

/** Every element under `root`, with its parent and whether it is inside the chapter's text (`.prose-explainer`). */
function walk(root: Element, visitor: (node: Element, parent: Element, inProse: boolean) => void, inProse = false): void {
  for (const child of root.childNodes) {
    if (!isElement(child)) continue;
    const prose = inProse || (attribute(child, 'class') ?? '').split(/\s+/).includes('prose-explainer');
    visitor(child, root, prose);
    walk(child, visitor, prose);
  }
}

function shift(text: string, offset: number): string {
  return text.replace(/^(\s*)(\d+)/, (_, space: string, n: string) => `${space}${Number(n) + offset}`);
}

/*
 * Edits go where the parser found the node in the chapter's HTML (`sourceCodeLocation`). Elements
 * the parser invents (an implied `<tbody>`) have no place there and get no edit. The copy of a link
 * that it makes to mend bad nesting (`<p><a>…</p><p>…</a>`) has the original's place, so both ask
 * for the same edit, which applyEdits makes once.
 */

function replaceText(node: TextNode, value: string): Edit[] {
  const location = node.sourceCodeLocation;
  return location ? [{ start: location.startOffset, end: location.endOffset, text: escapeHtml(value) }] : [];
}

/** The attribute written anew where it stands, or added at the end of the start tag. */
function setAttribute(html: string, node: Element, name: string, value: string): Edit[] {
  const location = node.sourceCodeLocation;
  if (!location?.startTag) return [];
  const text = `${name}="${escapeHtml(value)}"`;
  const current = location.attrs?.[name];
  if (current) return [{ start: current.startOffset, end: current.endOffset, text }];
  const tagEnd = location.startTag.endOffset - (html[location.startTag.endOffset - 2] === '/' ? 2 : 1);
  return [{ start: tagEnd, end: tagEnd, text: ` ${text}` }];
}

/** The element's name in its start tag and its end tag. */
function renameTag(node: Element, tagName: string): Edit[] {
  const location = node.sourceCodeLocation;
  return [location?.startTag, location?.endTag].flatMap((tag, index) => {
    if (!tag) return [];
    const start = tag.startOffset + (index === 0 ? 1 : 2); // after "<" or "</"
    return [{ start, end: start + node.tagName.length, text: tagName }];
  });
}

/** Text or an attribute value as HTML: `&`, `<` and `"` written as references, which is safe in both. */
function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/**
 * The chapter's HTML with every edit made. Each edit replaces its own tag name, attribute or text;
 * the same edit twice (a link and the parser's copy of it) is made once, and two edits of one place
 * would be a mistake in this module, which is said rather than written as broken HTML.
 */
function applyEdits(html: string, edits: Edit[], key: string): string {
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let position = 0;
  let previous: Edit | undefined;
  for (const edit of edits) {
    if (previous && edit.start === previous.start && edit.end === previous.end && edit.text === previous.text) continue;
    if (edit.start < position) throw new Error(`whole-explainer: two edits of one place in chapter "${key}" at ${edit.start}`);
    parts.push(html.slice(position, edit.start), edit.text);
    position = edit.end;
    previous = edit;
  }
  parts.push(html.slice(position));
  return parts.join('');
}
