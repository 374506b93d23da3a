/**
 * What readers will see differently between two builds of the site: the rendered text of each
 * page's main content split into sentences and compared, the citations and evidence passages in its
 * notes, its quotations and editor's notes, and, across the site, the sources and corrections. It
 * reads the built HTML, not the MDX, so a change to a data file, a component or the citation style
 * shows up on every page it reaches, as readers will meet it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffArrays, diffWords } from 'diff';
import { parse } from 'parse5';
import { htmlFilesIn } from '../../src/build/built-files.ts';
import { attribute, hasAttribute, isElement, isText, type ChildNode, type Element } from '../../src/build/parsed-html.ts';

/** What one built page says, as far as a reviewer needs to compare it. */
export interface PageText {
  /** The page's address in the site: `/sample/details/`. */
  path: string;
  title: string;
  /** The main content's sentences, in reading order (notes, navigation and controls left out). */
  sentences: string[];
  /** The ids of the sources its notes cite. */
  cited: string[];
  /** Evidence passages in its notes, as `source-id: “passage”`. */
  evidence: string[];
  /** Quotations in its text (block and inline). */
  quotes: string[];
  /** Editor's notes on the page: correction id to the note's text. */
  editorsNotes: Map<string, string>;
  /** Every formatted source reference on the page: source id to its text. */
  sources: Map<string, string>;
}

/** Elements that are not part of what a reader reads as the page's text. */
const SKIPPED_TAGS = new Set(['nav', 'script', 'style', 'template', 'button', 'svg', 'noscript', 'head']);
/** Tags that start a new run of text (a paragraph, a list item, a cell...). */
const BLOCK_TAGS = new Set([
  'p',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'td',
  'th',
  'dd',
  'dt',
  'figcaption',
  'blockquote',
  'caption',
  'div',
  'section',
  'article',
  'aside',
  'header',
  'footer',
  'figure',
  'table',
  'tr',
  'ul',
  'ol',
  'dl',
  'details',
  'summary',
  'br',
]);

const classes = (node: Element) => new Set((attribute(node, 'class') ?? '').split(/\s+/).filter(Boolean));

/** A node left out of the main text: hidden, notes (compared as citations), the page's source list, controls. */
function skipped(node: Element): boolean {
  if (SKIPPED_TAGS.has(node.tagName) || hasAttribute(node, 'hidden') || hasAttribute(node, 'data-pagefind-ignore')) return true;
  if (hasAttribute(node, 'data-footnotes')) return true;
  const names = classes(node);
  return ['hidden', 'sr-only', 'footnotes', 'page-sources', 'cite-this-page', 'print-url'].some((name) => names.has(name));
}

function* elements(node: { childNodes?: ChildNode[] }): Generator<Element> {
  for (const child of node.childNodes ?? []) {
    if (!isElement(child)) continue;
    yield child;
    yield* elements(child.tagName === 'template' ? { childNodes: [] } : child);
  }
}

function textOf(node: ChildNode): string {
  if (isText(node)) return node.value;
  if (!isElement(node) || node.tagName === 'script' || node.tagName === 'style') return '';
  return node.childNodes.map(textOf).join('');
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The runs of text a reader reads in `root`, one per block (paragraph, item, cell, heading). */
function textBlocks(root: Element): string[] {
  const blocks: string[] = [];
  let current = '';
  const flush = () => {
    const text = squash(current);
    if (text) blocks.push(text);
    current = '';
  };
  const walk = (node: ChildNode) => {
    if (isText(node)) current += node.value;
    if (!isElement(node) || skipped(node)) return;
    // A footnote marker is a number, not words: the citations are compared on their own.
    if (node.tagName === 'sup' && elementsOf(node).some((child) => hasAttribute(child, 'data-footnote-ref'))) return;
    const block = BLOCK_TAGS.has(node.tagName);
    // Pieces laid out side by side with no words between them (the chapter's "Covers …", "Updated …"
    // in a flex row) read as separate pieces, not run together.
    const children = node.childNodes.filter((child) => isElement(child) || (isText(child) && child.value.trim()));
    const row = children.length > 1 && children.every(isElement);
    if (block) flush();
    for (const child of node.childNodes) {
      walk(child);
      if (row) flush();
    }
    if (block) flush();
  };
  walk(root);
  flush();
  return blocks;
}

const elementsOf = (node: Element) => [...elements(node)];

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** A block of text as sentences, each trimmed. */
export function sentencesOf(text: string): string[] {
  return [...segmenter.segment(text)].map((segment) => segment.segment.trim()).filter(Boolean);
}

/** Reads one built page. `path` is its address in the site. */
export function readPage(html: string, path: string): PageText {
  const document = parse(html);
  const all = [...elements(document)];
  const main = all.find((node) => node.tagName === 'main');
  // The content search indexes (the chapter's article, a reference page's list) or else all of <main>.
  const body = (main && elementsOf(main).find((node) => hasAttribute(node, 'data-pagefind-body'))) ?? main;
  const inMain = main ? elementsOf(main) : [];
  const notes = inMain.filter((node) => hasAttribute(node, 'data-footnotes'));
  const inNotes = notes.flatMap(elementsOf);
  const citation = (node: Element) => node.tagName === 'span' && classes(node).has('citation');

  const sources = new Map<string, string>();
  for (const node of all.filter(citation)) {
    const id = attribute(node, 'data-source');
    if (id && !sources.has(id)) sources.set(id, squash(textOf(node)));
  }
  const evidence: string[] = [];
  for (const note of inNotes.filter((node) => node.tagName === 'li')) {
    const source = elementsOf(note).find(citation);
    for (const passage of elementsOf(note).filter((node) => node.tagName === 'q' && classes(node).has('evidence'))) {
      evidence.push(`${source ? attribute(source, 'data-source') : 'note'}: “${squash(textOf(passage))}”`);
    }
  }
  const inText = inMain.filter((node) => !inNotes.includes(node) && !notes.includes(node));
  const quotes = inText
    .filter(
      (node) =>
        (node.tagName === 'blockquote' &&
          inText.some((figure) => figure.tagName === 'figure' && classes(figure).has('quote') && figure.childNodes.includes(node))) ||
        (node.tagName === 'q' && classes(node).has('quote')),
    )
    .map((node) => squash(textOf(node)));
  const editorsNotes = new Map<string, string>();
  for (const node of inText.filter((node) => hasAttribute(node, 'data-correction') && classes(node).has('editors-note'))) {
    editorsNotes.set(attribute(node, 'data-correction')!, squash(textBlocks(node).join(' ')));
  }
  const h1 = all.find((node) => node.tagName === 'h1');
  return {
    path,
    title: h1 ? squash(textOf(h1)) : path,
    sentences: body ? textBlocks(body).flatMap(sentencesOf) : [],
    cited: [...new Set(inNotes.filter(citation).map((node) => attribute(node, 'data-source')!))],
    evidence: [...new Set(evidence)],
    quotes: [...new Set(quotes)],
    editorsNotes,
    sources,
  };
}

/** The address a built file is served at: `sample/details/index.html` → `/sample/details/`. */
function pathOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * The pages of a built site a reviewer compares: every HTML page except the 404 page and the
 * one-page editions (which repeat their chapters word for word).
 */
export function readSite(dist: string): Map<string, PageText> {
  const pages = new Map<string, PageText>();
  for (const file of htmlFilesIn(dist)) {
    if (file === '404.html' || file.startsWith('pagefind/')) continue;
    const html = readFileSync(join(dist, file), 'utf8');
    if (/<article[^>]*class="[^"]*\bwhole-explainer\b/.test(html)) continue;
    pages.set(pathOf(file), readPage(html, pathOf(file)));
  }
  return pages;
}

export type SentenceChange =
  | { kind: 'added'; text: string }
  | { kind: 'removed'; text: string }
  | { kind: 'changed'; from: string; to: string; words: { value: string; added?: boolean; removed?: boolean }[] };

/** How alike two sentences are: the share of their characters the word diff keeps, 0 to 1. */
function likeness(from: string, to: string): number {
  const kept = diffWords(from, to)
    .filter((part) => !part.added && !part.removed)
    .reduce((sum, part) => sum + part.value.length, 0);
  return (2 * kept) / (from.length + to.length || 1);
}

/**
 * The sentences added, removed and changed between two versions of a page, in reading order. A
 * removed sentence followed by an added one that keeps at least half its words is one change, shown
 * word by word.
 */
export function diffSentences(base: string[], head: string[]): SentenceChange[] {
  const changes: SentenceChange[] = [];
  const parts = diffArrays(base, head);
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    if (!part.added && !part.removed) continue;
    const next = parts[index + 1];
    if (part.removed && next?.added) {
      const removed = [...part.value];
      const added = [...next.value];
      index++;
      // Pair each removed sentence with the most alike added one still free, in order.
      let from = 0;
      for (const text of removed) {
        const match = added.findIndex((candidate, position) => position >= from && likeness(text, candidate) >= 0.5);
        if (match === -1) {
          changes.push({ kind: 'removed', text });
          continue;
        }
        for (const skippedText of added.slice(from, match)) changes.push({ kind: 'added', text: skippedText });
        changes.push({ kind: 'changed', from: text, to: added[match]!, words: diffWords(text, added[match]!) });
        from = match + 1;
      }
      for (const text of added.slice(from)) changes.push({ kind: 'added', text });
      continue;
    }
    for (const text of part.value) changes.push({ kind: part.added ? 'added' : 'removed', text });
  }
  return changes;
}

const difference = <T>(a: Iterable<T>, b: Iterable<T>): T[] => {
  const other = new Set(b);
  return [...a].filter((item) => !other.has(item));
};

export interface PageDiff {
  path: string;
  title: string;
  sentences: SentenceChange[];
  citedAdded: string[];
  citedRemoved: string[];
  evidenceAdded: string[];
  evidenceRemoved: string[];
  quotesAdded: string[];
  quotesRemoved: string[];
  notesAdded: string[];
  notesRemoved: string[];
}

export interface SiteDiff {
  pagesAdded: PageText[];
  pagesRemoved: PageText[];
  pagesChanged: PageDiff[];
  unchanged: number;
  sourcesAdded: [string, string][];
  sourcesRemoved: [string, string][];
  sourcesChanged: { id: string; from: string; to: string }[];
  correctionsAdded: [string, string][];
  correctionsRemoved: [string, string][];
}

export function diffPage(base: PageText, head: PageText): PageDiff {
  return {
    path: head.path,
    title: head.title,
    sentences: diffSentences(base.sentences, head.sentences),
    citedAdded: difference(head.cited, base.cited),
    citedRemoved: difference(base.cited, head.cited),
    evidenceAdded: difference(head.evidence, base.evidence),
    evidenceRemoved: difference(base.evidence, head.evidence),
    quotesAdded: difference(head.quotes, base.quotes),
    quotesRemoved: difference(base.quotes, head.quotes),
    notesAdded: difference(head.editorsNotes.keys(), base.editorsNotes.keys()),
    notesRemoved: difference(base.editorsNotes.keys(), head.editorsNotes.keys()),
  };
}

const pageChanged = (diff: PageDiff) =>
  Object.entries(diff).some(([key, value]) => Array.isArray(value) && value.length > 0 && key !== 'path');

/** Everything of one kind across a site: source id or correction id to its text, first page first. */
function gather(site: Map<string, PageText>, pick: (page: PageText) => Map<string, string>): Map<string, string> {
  const found = new Map<string, string>();
  for (const page of site.values()) for (const [id, text] of pick(page)) if (!found.has(id)) found.set(id, text);
  return found;
}

export function diffSites(base: Map<string, PageText>, head: Map<string, PageText>): SiteDiff {
  const pagesChanged: PageDiff[] = [];
  let unchanged = 0;
  for (const [path, page] of head) {
    const before = base.get(path);
    if (!before) continue;
    const diff = diffPage(before, page);
    if (pageChanged(diff)) pagesChanged.push(diff);
    else unchanged++;
  }
  const [baseSources, headSources] = [base, head].map((site) => gather(site, (page) => page.sources)) as [
    Map<string, string>,
    Map<string, string>,
  ];
  const [baseCorrections, headCorrections] = [base, head].map((site) => gather(site, (page) => page.editorsNotes)) as [
    Map<string, string>,
    Map<string, string>,
  ];
  return {
    pagesAdded: [...head.values()].filter((page) => !base.has(page.path)),
    pagesRemoved: [...base.values()].filter((page) => !head.has(page.path)),
    pagesChanged,
    unchanged,
    sourcesAdded: [...headSources].filter(([id]) => !baseSources.has(id)),
    sourcesRemoved: [...baseSources].filter(([id]) => !headSources.has(id)),
    sourcesChanged: [...headSources]
      .filter(([id, text]) => baseSources.has(id) && baseSources.get(id) !== text)
      .map(([id, to]) => ({ id, from: baseSources.get(id)!, to })),
    correctionsAdded: [...headCorrections].filter(([id]) => !baseCorrections.has(id)),
    correctionsRemoved: [...baseCorrections].filter(([id]) => !headCorrections.has(id)),
  };
}

/** Text made safe to show in Markdown (GitHub's job summary): no markup, no HTML. */
export function escapeMarkdown(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(/([\\`*_~[\]|#!])/g, '\\$1');
}

/** A changed sentence, its removed words struck through and its added words underlined. */
function wordDiff(words: { value: string; added?: boolean; removed?: boolean }[]): string {
  return words
    .map((part) => {
      const text = escapeMarkdown(part.value);
      if (part.removed) return `<del>${text}</del>`;
      if (part.added) return `<ins>${text}</ins>`;
      return text;
    })
    .join('');
}

export interface SummaryOptions {
  /** Where the reviewer finds the preview (the workflow run's artifacts), if known. */
  previewUrl?: string;
  /** The preview artifact's name. */
  previewName?: string;
  /** One command that serves the head build locally. */
  serveCommand?: string;
  /** At most this many characters (GitHub's job summary takes up to 1 MiB per step). */
  maxLength?: number;
}

/** The summary in Markdown: a count of what changed, the preview, then each page, then sources and corrections. */
export function summaryMarkdown(diff: SiteDiff, options: SummaryOptions = {}): string {
  const lines: string[] = ['## What readers will see differently', ''];
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const nothing =
    diff.pagesChanged.length + diff.pagesAdded.length + diff.pagesRemoved.length === 0 &&
    diff.sourcesChanged.length + diff.sourcesAdded.length + diff.sourcesRemoved.length === 0;
  lines.push(
    nothing
      ? `No page reads differently (${count(diff.unchanged, 'page')} compared).`
      : `${count(diff.pagesChanged.length, 'page')} changed, ${diff.pagesAdded.length} added, ${diff.pagesRemoved.length} removed; ${diff.unchanged} unchanged. ` +
          'The rendered text of each page is compared, sentence by sentence (the one-page editions repeat their chapters and are left out).',
    '',
  );
  if (options.previewUrl || options.serveCommand) {
    lines.push('### Preview');
    if (options.previewUrl)
      lines.push(
        `- The built site${options.previewName ? `, artifact **${escapeMarkdown(options.previewName)}**` : ''}: ${options.previewUrl}`,
      );
    if (options.serveCommand)
      lines.push('- Serve it on your computer, then open http://127.0.0.1:4321/ :', '', '  ```sh', `  ${options.serveCommand}`, '  ```');
    lines.push('');
  }
  const list = (title: string, items: string[]) => {
    if (items.length === 0) return;
    if (title) lines.push(`**${title}**`, '');
    lines.push(...items.map((item) => `- ${item}`), '');
  };
  for (const page of diff.pagesAdded)
    lines.push(`### New page: ${escapeMarkdown(page.title)} (\`${page.path}\`)`, '', `${page.sentences.length} sentences.`, '');
  for (const page of diff.pagesRemoved) lines.push(`### Removed page: ${escapeMarkdown(page.title)} (\`${page.path}\`)`, '');
  for (const page of diff.pagesChanged) {
    lines.push(`### ${escapeMarkdown(page.title)} (\`${page.path}\`)`, '');
    list(
      'Sentences',
      page.sentences.map((change) =>
        change.kind === 'changed'
          ? `changed: ${wordDiff(change.words)}`
          : change.kind === 'added'
            ? `added: <ins>${escapeMarkdown(change.text)}</ins>`
            : `removed: <del>${escapeMarkdown(change.text)}</del>`,
      ),
    );
    list('Sources cited', [
      ...page.citedAdded.map((id) => `now cites \`${id}\``),
      ...page.citedRemoved.map((id) => `no longer cites \`${id}\``),
    ]);
    list('Evidence passages', [
      ...page.evidenceAdded.map((text) => `added: ${escapeMarkdown(text)}`),
      ...page.evidenceRemoved.map((text) => `removed: ${escapeMarkdown(text)}`),
    ]);
    list('Quotations', [
      ...page.quotesAdded.map((text) => `added: “${escapeMarkdown(text)}”`),
      ...page.quotesRemoved.map((text) => `removed: “${escapeMarkdown(text)}”`),
    ]);
    list("Editor's notes", [...page.notesAdded.map((id) => `added: \`${id}\``), ...page.notesRemoved.map((id) => `removed: \`${id}\``)]);
  }
  if (diff.sourcesAdded.length + diff.sourcesRemoved.length + diff.sourcesChanged.length > 0) {
    lines.push('### Sources', '');
    list('', [
      ...diff.sourcesAdded.map(([id, text]) => `added \`${id}\`: ${escapeMarkdown(text)}`),
      ...diff.sourcesRemoved.map(([id, text]) => `removed \`${id}\`: ${escapeMarkdown(text)}`),
      ...diff.sourcesChanged.map(({ id, from, to }) => `changed \`${id}\`: ${wordDiff(diffWords(from, to))}`),
    ]);
  }
  if (diff.correctionsAdded.length + diff.correctionsRemoved.length > 0) {
    lines.push('### Corrections', '');
    list('', [
      ...diff.correctionsAdded.map(([id, text]) => `added \`${id}\`: ${escapeMarkdown(text)}`),
      ...diff.correctionsRemoved.map(([id, text]) => `removed \`${id}\`: ${escapeMarkdown(text)}`),
    ]);
  }
  const text = `${lines.join('\n').trimEnd()}\n`;
  const max = options.maxLength ?? 1_000_000;
  if (text.length <= max) return text;
  const note = '\n\n… the summary is cut here: it is longer than GitHub shows. Run `npm run diff:site` locally for all of it.\n';
  return text.slice(0, max - note.length).replace(/\n[^\n]*$/, '') + note;
}

/** Both sites read and compared; `undefined` for a base that was not built (e.g. it failed to build). */
export function compareBuilds(baseDir: string, headDir: string): SiteDiff | undefined {
  if (!existsSync(baseDir)) return undefined;
  return diffSites(readSite(baseDir), readSite(headDir));
}
