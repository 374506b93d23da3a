import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { html as HTML } from 'parse5';
import type { Element, TextNode } from './parsed-html.ts';

/**
 * Reads the element that `html` starts with (up to its end tag) into the tree parse5 builds for it,
 * with the same source offsets, for HTML as Astro writes it, where a browser's parser has nothing to
 * repair: each tag is read with a pattern and the tree follows the start and end tags. At a thousand
 * chapters the one-page edition's 25 MB took 2.3–2.8 s to parse with parse5 in a build; this reads
 * the same in a quarter of parse5's time (benchmarked alone).
 *
 * That is how a browser reads HTML only where nothing is left to the parser, so anything else is
 * refused (undefined), for the caller to parse with parse5: every element must be closed by its own
 * end tag, or be void; no comment, doctype or stray `<`; no element whose content the tokenizer reads
 * differently (script, style, textarea, title, pre …) or that changes how what follows is read (svg,
 * math, template, select, form, button …); no start tag for which the parser would first close an
 * open element (a block inside a `p`, a link inside a link, a list item inside a list item, a heading
 * inside a heading); tables only as captions, sections, rows and cells, with nothing but white space
 * between them; and no carriage return or NUL, which the parser rewrites before reading.
 *
 * Source locations give offsets only: line and column numbers are 0.
 */
export function readPlainElement(html: string): Element | undefined {
  if (html.includes('\r') || html.includes('\0')) return undefined;
  const open: Element[] = [];
  let root: Element | undefined;
  let position = 0;
  while (root === undefined || open.length > 0) {
    const next = html.indexOf('<', position);
    const parent = open.at(-1);
    if (next === -1 || (next > position && !(parent && addText(parent, html, position, next)))) return undefined;
    if (html.startsWith('</', next)) {
      END_TAG.lastIndex = next;
      const end = END_TAG.exec(html);
      if (!end || !parent || end[1] !== parent.tagName) return undefined;
      const location = parent.sourceCodeLocation!;
      location.endTag = offsets(next, END_TAG.lastIndex);
      location.endOffset = END_TAG.lastIndex;
      open.pop();
      position = END_TAG.lastIndex;
      continue;
    }
    START_TAG.lastIndex = next;
    const tag = START_TAG.exec(html);
    if (!tag) return undefined;
    const [, tagName = '', attributes = '', selfClosing] = tag;
    const isVoid = VOID.has(tagName);
    if (REREAD.has(tagName) || (selfClosing && !isVoid) || !fitsIn(tagName, open)) return undefined;
    const element = newElement(tagName, parent, next, START_TAG.lastIndex, attributes);
    if (!parent) root = element;
    else parent.childNodes.push(element);
    if (!isVoid) open.push(element);
    position = START_TAG.lastIndex;
  }
  return root;
}

/** The characters HTML's tokenizer treats as white space (carriage returns are refused above). */
const SPACE = '[\\t\\n\\f ]';
const NAME = `[^\\t\\n\\f /<>"'=]+`;
const VALUE = `(?:"[^"]*"|'[^']*'|[^\\t\\n\\f >"'=<\`]+)`;
/** A start tag as the tokenizer reads it without a parse error: lower-case name, attributes apart, values quoted or plain. */
const START_TAG = new RegExp(`<([a-z][a-z0-9-]*)((?:${SPACE}+${NAME}(?:${SPACE}*=${SPACE}*${VALUE})?)*)${SPACE}*(/?)>`, 'y');
const END_TAG = new RegExp(`</([a-z][a-z0-9-]*)${SPACE}*>`, 'y');
const ATTRIBUTE = new RegExp(`(${SPACE}+)(${NAME})(?:${SPACE}*=${SPACE}*(${VALUE}))?`, 'g');

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Elements whose content the tokenizer reads another way, or that change how the parser reads what follows. */
const REREAD = new Set([
  ...['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext', 'pre', 'listing'],
  ...['svg', 'math', 'template', 'select', 'option', 'optgroup', 'datalist', 'form', 'button', 'image', 'frameset', 'frame'],
  ...['html', 'head', 'body', 'nobr', 'rb', 'rp', 'rt', 'rtc', 'applet', 'marquee', 'object', 'keygen', 'param', 'isindex'],
]);

/** Start tags for which the parser first closes an open `p` (HTML's "in body" insertion mode). */
const CLOSES_P = new Set([
  ...['address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption'],
  ...['figure', 'footer', 'header', 'hgroup', 'main', 'menu', 'nav', 'ol', 'p', 'search', 'section', 'summary', 'ul'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'hr', 'li', 'dd', 'dt'],
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** What each part of a table may hold; anything else (a row straight in a table) the parser would mend. */
const TABLE_PARTS: Record<string, Set<string>> = {
  table: new Set(['caption', 'colgroup', 'thead', 'tbody', 'tfoot']),
  colgroup: new Set(['col']),
  thead: new Set(['tr']),
  tbody: new Set(['tr']),
  tfoot: new Set(['tr']),
  tr: new Set(['td', 'th']),
};
const TABLE_INNER = new Set(['caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);

/** Whether the parser puts `tagName` inside the open elements as they are, without closing any first. */
function fitsIn(tagName: string, open: Element[]): boolean {
  const parent = open.at(-1)?.tagName;
  if (parent !== undefined && parent in TABLE_PARTS) return TABLE_PARTS[parent]!.has(tagName);
  if (TABLE_INNER.has(tagName)) return false;
  if (CLOSES_P.has(tagName) && open.some((element) => element.tagName === 'p')) return false;
  if (tagName === 'a' && open.some((element) => element.tagName === 'a')) return false;
  if (HEADINGS.has(tagName) && parent !== undefined && HEADINGS.has(parent)) return false;
  if (tagName === 'li' || tagName === 'dd' || tagName === 'dt') {
    for (let index = open.length - 1; index >= 0; index--) {
      const name = open[index]!.tagName;
      if (name === 'li' || name === 'dd' || name === 'dt') return false;
      if (name === 'ul' || name === 'ol' || name === 'dl') break;
    }
  }
  return true;
}

/** Adds the text between two tags; false where the parser would move it (text other than white space in a table's parts). */
function addText(parent: Element, html: string, start: number, end: number): boolean {
  const raw = html.slice(start, end);
  if (parent.tagName in TABLE_PARTS && !/^[\t\n\f ]*$/.test(raw)) return false;
  const text: TextNode = { nodeName: '#text', value: decodeHTML(raw), parentNode: parent, sourceCodeLocation: offsets(start, end) };
  parent.childNodes.push(text);
  return true;
}

function newElement(tagName: string, parent: Element | undefined, start: number, end: number, attributes: string): Element {
  const attrs: Element['attrs'] = [];
  const locations: Record<string, ReturnType<typeof offsets>> = {};
  // The attributes start after "<" and the tag's name.
  const base = start + 1 + tagName.length;
  for (const match of attributes.matchAll(ATTRIBUTE)) {
    const [whole, space = '', written = '', quoted] = match;
    const name = written.toLowerCase();
    // Of two attributes with one name, the parser keeps the first.
    if (name in locations) continue;
    const value = quoted === undefined ? '' : /^["']/.test(quoted) ? quoted.slice(1, -1) : quoted;
    attrs.push({ name, value: decodeHTMLAttribute(value) });
    locations[name] = offsets(base + match.index + space.length, base + match.index + whole.length);
  }
  return {
    nodeName: tagName,
    tagName,
    attrs,
    namespaceURI: HTML.NS.HTML,
    childNodes: [],
    parentNode: parent ?? null,
    sourceCodeLocation: { ...offsets(start, end), startTag: offsets(start, end), attrs: locations },
  };
}

function offsets(startOffset: number, endOffset: number) {
  return { startOffset, endOffset, startLine: 0, startCol: 0, endLine: 0, endCol: 0 };
}
