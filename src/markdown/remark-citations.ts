import type {
  Blockquote,
  FootnoteDefinition,
  FootnoteReference,
  Html,
  List,
  Nodes,
  Paragraph,
  Parents,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
  Text,
} from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { SKIP, visit } from 'unist-util-visit';
import { createHash } from 'node:crypto';
import { decodeHTML, escapeAttribute, escapeText } from 'entities';
import { relative } from 'node:path';
import type { VFile } from 'vfile';
import { formatSourceEntry } from '../citations/csl.ts';
import { outletLabelText } from '../schemas/outlet.ts';
import type { QuoteCut } from '../schemas/statement.ts';
import { nested } from '../citations/nested-quotes.ts';
import { strings } from '../i18n/ui.ts';
import { SITE } from '../site.config.ts';
import { correctionPath, editorsNoteId, personPath } from '../routes.ts';
import { chapterPrefix } from './chapter-prefix.ts';
import { fullNoteOf } from './full-editors-note.ts';
import { CITATION, PASSAGE_MAX_WORDS, parseCitation, wordCount, type CitationItem } from './citation-syntax.ts';
import { loadDataCollections } from '../data/catalog.ts';
import { formatDate, formatDateRange } from '../data/dates.ts';
import { nearest } from '../data/nearest.ts';
import { CONTENT_DIRS, type ContentDirs } from '../data/content-dirs.ts';
import { annotateDuringBuild, formatProblem, pointAt, type ContentProblem } from '../data/content-error.ts';

/**
 * Turns the explainer's citation syntax into numbered GFM footnotes, and expands the components that
 * render typed data (quotes, editor's notes, people) so that their words are written once, in data.
 *
 *   [@source-id]                 cite a source
 *   [@source-id, 14 June entry]  cite it with a locator
 *   [@one; @two]                 cite two sources at one place
 *   <Quote id="statement-id" />  a statement as a block quote (inline inside a paragraph), cited
 *   <EditorsNote id="correction-id" />   a visible note where the explainer departs from an article
 *   <Person id="person-id" />    a person's house name, linked to their card
 *   <KeyEvents ids="a, b" />     a key-facts table of events (date, what happened), each cited
 *   <NameSpellings />            each person's house name with the other spellings found in sources
 *
 * Every unknown id stops the build with file:line:column, the id, and the nearest known ids.
 * Footnote labels are prefixed with the chapter's file name so that chapters shown together on one
 * page (the whole-explainer page) never share an id.
 */
export interface RemarkCitationsOptions {
  /** Where the data lives; tests and the benchmark point it at other content trees. */
  dirs?: ContentDirs;
  /** The site's base path, for links to the people and corrections pages. */
  base?: string;
  /** Whether every citation in chapter prose must carry an evidence passage; the site's setting by default. */
  requireEvidence?: boolean;
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** An editor's note in a chapter (as `remarkPluginFrontmatter.corrections`). */
export interface NotedCorrection {
  correction: string;
  /** The id of the note's element in the chapter. */
  anchor: string;
}

/**
 * What a chapter tells (as `remarkPluginFrontmatter.tells`): the people it names, and for each event
 * whose sources its text cites, whether it cites the event's own evidence passage and how many of the
 * event's sources it cites. src/data/citations-index.ts decides from these which chapters tell an event.
 */
export interface ChapterTells {
  people: string[];
  events: Record<string, { passage: boolean; sources: number }>;
}

/** What a chapter tells its page about the sources it cites (as `remarkPluginFrontmatter.citations`). */
export interface PageCitation {
  source: string;
  /** The notes that cite this source: footnote label, displayed number, and the passage each quotes. */
  notes: { label: string; number: number; passage?: string }[];
}

export default function remarkCitations(options: RemarkCitationsOptions = {}) {
  const dirs = options.dirs ?? CONTENT_DIRS;
  const base = (options.base ?? '/').replace(/\/?$/, '/');
  const requireEvidence = options.requireEvidence ?? SITE.requireEvidence;

  return function transform(tree: Root, file: VFile): void {
    const catalog = loadDataCollections(dirs);
    const prefix = chapterPrefix(file);
    const definitions = new Map<string, FootnoteDefinition>();
    /** Editor's notes in this chapter: correction id and the note's element id, for the corrections page. */
    const notedCorrections: NotedCorrection[] = [];
    /**
     * What the chapter tells, to link events and people back to it: the sources its own text cites
     * (and with which passages), and the people it names. A key-facts table restates events the
     * chapter need not tell, so its citations are left out (tallying is off while it is expanded).
     */
    const told = { sources: new Set<string>(), passages: new Set<string>(), people: new Set<string>() };
    let tallying = true;
    const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter;
    // The overview is chapter 0 (its file is index.mdx); where no frontmatter is passed, the file name says.
    const isOverview = frontmatter?.['order'] !== undefined ? frontmatter['order'] === 0 : prefix === 'index';

    /** Stops the build with a ContentProblem, worded by the one formatter every content mistake uses. */
    const fail = (problem: Omit<ContentProblem, 'file'>, node: Nodes, offsetInSource?: number): never => {
      const place =
        offsetInSource === undefined ? node.position : { ...pointAt(String(file.value), offsetInSource), offset: offsetInSource };
      const start = place && 'start' in place ? place.start : place;
      const full: ContentProblem = {
        file: file.path ? relative(process.cwd(), file.path) : 'chapter.mdx',
        ...(start ? { line: start.line, column: start.column } : {}),
        ...problem,
      };
      // As file.fail() would, plus the problem itself for the content checks (src/checks) to read.
      const message = file.message(formatProblem(full), { place, ruleId: 'citation', source: 'remark-citations' });
      message.fatal = true;
      annotateDuringBuild([full]);
      throw Object.assign(message, { problem: full });
    };

    const unknownId = (id: string, known: Map<string, unknown>, folder: string, field?: string) => ({
      ...(field ? { field } : {}),
      found: `"${id}"`,
      expected: `the id of an entry in ${folder}/ (nearest: ${nearest(id, known.keys()).join(', ') || 'none yet'})`,
      fix: `correct the id, or add ${folder}/${id}.yaml`,
    });

    /**
     * The footnote for one cited item: the formatted source, its outlet's label where a state directs
     * it, the locator, and the evidence passage (with our translation). Each distinct source, locator
     * and passage is one note, shared by every reference to it.
     */
    const citeSource = (item: CitationItem, node: Nodes, offset?: number): FootnoteReference => {
      const { id: sourceId, locator, passage, translation } = item;
      const source = catalog.sources.get(sourceId);
      if (!source) return fail(unknownId(sourceId, catalog.sources, dirs.sources), node, offset);
      const label = noteLabel(prefix, item);
      if (tallying) {
        told.sources.add(sourceId);
        if (passage) told.passages.add(evidenceKey(sourceId, passage));
      }
      if (!definitions.has(label)) {
        const entry: Html = {
          type: 'html',
          value: `<span class="citation" data-source="${sourceId}">${formatSourceEntry(sourceId, source)}</span>`,
        };
        const children: PhrasingContent[] = [entry];
        const outletLabel = catalog.outlets.get(source.outlet.id)?.label;
        if (outletLabel) children.push({ type: 'text', value: ' ' }, outletLabelNode(outletLabel));
        if (locator) children.push({ type: 'text', value: ` (${locator})` });
        if (passage) children.push(...evidenceNodes(passage, translation, source.language));
        definitions.set(label, {
          type: 'footnoteDefinition',
          identifier: label,
          label,
          data: { sourceId, passage } as FootnoteDefinition['data'],
          children: [{ type: 'paragraph', children }],
        });
      }
      return { type: 'footnoteReference', identifier: label, label };
    };

    /** A citation in prose carries its evidence (where the site requires it), and a passage stays short. */
    const checkEvidence = (item: CitationItem, raw: string, node: Nodes, at: number | undefined): void => {
      if (item.passage === undefined && requireEvidence) {
        fail(
          {
            found: `${raw}, with no passage from the source`,
            expected: `the source's own words that support the sentence: [@${item.id}, "…"] (at most ${PASSAGE_MAX_WORDS} words, verbatim)`,
            fix: `copy the supporting words from the page you read into the citation, as [@${item.id}, "the words"]`,
          },
          node,
          at,
        );
      }
      const language = catalog.sources.get(item.id)?.language ?? SITE.lang;
      if (item.passage !== undefined && item.translation === undefined && !isSiteLanguage(language)) {
        fail(
          {
            found: `${raw}, a passage in "${language}" with no translation`,
            expected: `the passage in the original, then the editors' English: [@${item.id}, "…" translated "…"]`,
            fix: 'add translated "…" after the passage, with your English translation',
          },
          node,
          at,
        );
      }
      if (item.passage !== undefined && wordCount(item.passage) > PASSAGE_MAX_WORDS) {
        fail(
          {
            found: `a passage of ${wordCount(item.passage)} words in ${raw.slice(0, 60)}…`,
            expected: `a passage of at most ${PASSAGE_MAX_WORDS} words`,
            fix: 'keep only the words that support the sentence; cite a second passage separately if two parts of the page are needed',
          },
          node,
          at,
        );
      }
    };

    // 1. Components that render data: replace each with plain Markdown nodes.
    visit(tree, (node, index, parent) => {
      if (!isJsx(node) || parent === undefined || index === undefined) return;
      const replace = (replacement: RootContent[]): [typeof SKIP, number] => {
        (parent.children as RootContent[]).splice(index, 1, ...replacement);
        return [SKIP, index + replacement.length];
      };
      switch (node.name) {
        case 'Quote':
          return replace(expandQuote(node));
        case 'EditorsNote':
          return replace([expandEditorsNote(node)]);
        case 'Person':
          return replace([expandPerson(node)]);
        case 'KeyEvents':
          return replace([expandKeyEvents(node)]);
        case 'NameSpellings':
          return replace([expandNameSpellings()]);
        default:
          return undefined;
      }
    });

    // 2. [@id] citations in text.
    visit(tree, 'text', (node: Text, index, parent: Parents | undefined) => {
      if (parent === undefined || index === undefined || !node.value.includes('[@')) return;
      const replacement: PhrasingContent[] = [];
      let last = 0;
      const searchFrom = node.position?.start.offset ?? 0;
      for (const match of node.value.matchAll(CITATION)) {
        const raw = match[0];
        const offset = file.value ? String(file.value).indexOf(raw, searchFrom) : -1;
        const at = offset >= 0 ? offset : undefined;
        // A marker sits against the word or punctuation it follows: "in 1992.[1]", never "1992 [1]".
        replacement.push({ type: 'text', value: node.value.slice(last, match.index).replace(/[ \t]+$/, '') });
        const parsed = parseCitation(match[1] ?? '');
        if (!('items' in parsed)) {
          fail({ found: parsed.error ? `${raw}: ${parsed.error}` : raw, expected: parsed.expected, fix: parsed.fix }, node, at);
        }
        for (const item of (parsed as { items: CitationItem[] }).items) {
          checkEvidence(item, raw, node, at);
          replacement.push(citeSource(item, node, at));
        }
        last = match.index + raw.length;
      }
      if (last === 0) return;
      replacement.push({ type: 'text', value: node.value.slice(last) });
      const kept = replacement.filter((child) => child.type !== 'text' || child.value !== '');
      (parent.children as PhrasingContent[]).splice(index, 1, ...kept);
      return [SKIP, index + kept.length];
    });

    // 3. Ordinary [^note] footnotes get the chapter prefix too.
    visit(tree, (node) => {
      if ((node.type === 'footnoteReference' || node.type === 'footnoteDefinition') && !node.identifier.startsWith(`${prefix}-`)) {
        node.identifier = `${prefix}-${node.identifier}`;
        node.label = node.identifier;
      }
    });

    // Words a reader reads: the text and what components show in it, not the notes (counted before they are added).
    const words = proseWords(tree);
    tree.children.push(...definitions.values());

    // 4. Tell the page which sources this chapter cites and in which notes, for its source list.
    //    Notes are numbered as GFM numbers them: by the first reference to each, in document order.
    const numbers = new Map<string, number>();
    visit(tree, 'footnoteReference', (node: FootnoteReference) => {
      if (!numbers.has(node.identifier)) numbers.set(node.identifier, numbers.size + 1);
    });
    const cited = new Map<string, { label: string; number: number }[]>();
    for (const [label, definition] of definitions) {
      const { sourceId, passage } = (definition.data ?? {}) as { sourceId?: string; passage?: string };
      const number = numbers.get(label);
      if (sourceId && number) cited.set(sourceId, [...(cited.get(sourceId) ?? []), { label, number, ...(passage ? { passage } : {}) }]);
    }
    const astro = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
    if (astro?.frontmatter) {
      astro.frontmatter['citations'] = [...cited].map(([source, notes]): PageCitation => ({ source, notes }));
      astro.frontmatter['corrections'] = notedCorrections;
      astro.frontmatter['words'] = words;
      astro.frontmatter['tells'] = tellsReport(catalog, told);
    }

    function expandQuote(node: JsxElement): RootContent[] {
      const id = requireId(node);
      const statement = catalog.statements.get(id);
      if (!statement) return fail(unknownId(id, catalog.statements, dirs.statements, '<Quote id>'), node);
      const source = catalog.sources.get(statement.source.id);
      if (!source) return fail(unknownId(statement.source.id, catalog.sources, dirs.sources), node);
      const excerpt = stringAttribute(node, 'excerpt');
      if (excerpt !== undefined && !statement.text.includes(excerpt)) {
        fail(
          {
            field: '<Quote excerpt>',
            found: `"${excerpt}"`,
            expected: `words that appear exactly so in statement "${id}"`,
            fix: `copy the words exactly from ${dirs.statements}/${id}.yaml`,
          },
          node,
        );
      }
      const words = excerpt ?? statement.text;
      // An excerpt is a run of the statement's words inside our sentence; the whole statement shows where it was cut.
      const cut = excerpt === undefined ? statement.cut : undefined;
      const citation = citeSource({ id: statement.source.id }, node);
      const cite = { cite: source.url };
      if (node.type === 'mdxJsxTextElement') {
        return [verbatim(words, 'q', { cite: source.url, class: 'quote' }, cut), citation];
      }
      const speaker = catalog.people.get(statement.speaker.id);
      const attribution: PhrasingContent[] = [
        { type: 'text', value: `${speaker?.name ?? statement.speaker.id}, ${statement.occasion}, ${formatDate(statement.date)}` },
        citation,
      ];
      if (statement.translatedBySource) {
        attribution.push({ type: 'text', value: ` (English as published by ${source.publisher})` });
      }
      const figure: Blockquote = {
        type: 'blockquote',
        data: { hName: 'figure', hProperties: { className: ['quote'] } },
        children: [
          { type: 'blockquote', data: { hProperties: cite }, children: paragraphs(words, cut) },
          { type: 'paragraph', data: { hName: 'figcaption' }, children: attribution },
        ],
      };
      return [figure];
    }

    function expandEditorsNote(node: JsxElement): Blockquote {
      const id = requireId(node);
      const correction = catalog.corrections.get(id);
      if (!correction) return fail(unknownId(id, catalog.corrections, dirs.corrections, '<EditorsNote id>'), node);
      const article = catalog.sources.get(correction.article.id);
      const anchor = editorsNoteId(prefix, id);
      notedCorrections.push({ correction: id, anchor });
      if (isOverview) {
        // The overview tells the story in brief: one line, linking to the full note in the chapter
        // that tells the point in full (or to the corrections page, where no chapter notes it).
        const full = file.path ? fullNoteOf(file.path, id) : undefined;
        const url = base + (full ? `${full.path}#${editorsNoteId(full.chapter, id)}` : correctionPath(id));
        return {
          type: 'blockquote',
          data: {
            hName: 'aside',
            hProperties: { id: anchor, className: ['editors-note', 'editors-note-brief'], role: 'note', dataCorrection: id },
          },
          children: [
            {
              type: 'paragraph',
              children: [
                { type: 'strong', children: [{ type: 'text', value: strings().editorsNote }] },
                { type: 'text', value: `${article?.publisher ?? correction.article.id} ${correction.articleSays}. ` },
                {
                  type: 'link',
                  url,
                  data: { hProperties: { dataFullNote: '' } },
                  children: [{ type: 'text', value: full ? strings().editorsNoteFullIn(full.title) : strings().editorsNoteFull }],
                },
              ],
            },
          ],
        };
      }
      const content: PhrasingContent[] = [
        { type: 'strong', children: [{ type: 'text', value: strings().editorsNote }] },
        { type: 'text', value: `${article?.publisher ?? correction.article.id} ${correction.articleSays}. ${correction.fact}` },
        ...correction.evidence.map((source) => citeSource(citedItem(source), node)),
        { type: 'text', value: ' ' },
        { type: 'link', url: base + correctionPath(id), children: [{ type: 'text', value: strings().allCorrections }] },
      ];
      return {
        type: 'blockquote',
        // role="note": an aside inside the chapter, not a landmark (several would need unique names).
        data: { hName: 'aside', hProperties: { id: anchor, className: ['editors-note'], role: 'note', dataCorrection: id } },
        children: [{ type: 'paragraph', children: content }],
      };
    }

    function expandKeyEvents(node: JsxElement): Table {
      const ids = (stringAttribute(node, 'ids') ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean);
      if (ids.length === 0) {
        fail(
          {
            field: '<KeyEvents ids>',
            found: 'no ids',
            expected: `ids="first-event, second-event", naming files in ${dirs.events}/`,
            fix: 'list the events, in the order the table shows them',
          },
          node,
        );
      }
      const cell = (children: PhrasingContent[]): TableCell => ({ type: 'tableCell', children });
      const header: TableRow = {
        type: 'tableRow',
        children: [cell([{ type: 'text', value: strings().keyEventWhen }]), cell([{ type: 'text', value: strings().keyEventWhat }])],
      };
      tallying = false;
      const rows = ids.map((id): TableRow => {
        const event = catalog.events.get(id);
        if (!event) return fail(unknownId(id, catalog.events, dirs.events), node);
        return {
          type: 'tableRow',
          children: [
            cell([{ type: 'text', value: formatDateRange(event.date, event.until) }]),
            cell([
              { type: 'strong', children: [{ type: 'text', value: event.title }] },
              { type: 'text', value: `. ${event.summary}` },
              ...event.sources.map((source) => citeSource(citedItem(source), node)),
            ]),
          ],
        };
      });
      tallying = true;
      return { type: 'table', align: [null, null], data: { hProperties: { className: ['key-events'] } }, children: [header, ...rows] };
    }

    function expandNameSpellings(): List {
      const surname = (name: string) => name.split(' ').at(-1) ?? name;
      const people = [...catalog.people]
        .filter(([, person]) => person.otherSpellings.length > 0)
        .sort(([, a], [, b]) => surname(a.name).localeCompare(surname(b.name)));
      return {
        type: 'list',
        ordered: false,
        spread: false,
        data: { hProperties: { className: ['name-spellings'] } },
        children: people.map(([id, person]) => ({
          type: 'listItem',
          spread: false,
          children: [
            {
              type: 'paragraph',
              children: [
                {
                  type: 'link',
                  url: base + personPath(id),
                  data: { hProperties: { className: ['person'] } },
                  children: [{ type: 'text', value: person.name }],
                },
                { type: 'text', value: `: also ${person.otherSpellings.join(', ')}` },
              ],
            },
          ],
        })),
      };
    }

    function expandPerson(node: JsxElement): RootContent {
      const id = requireId(node);
      const person = catalog.people.get(id);
      if (!person) return fail(unknownId(id, catalog.people, dirs.people, '<Person id>'), node);
      told.people.add(id);
      const name = node.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === 'short')
        ? (person.name.split(' ').at(-1) ?? person.name)
        : person.name;
      const link: PhrasingContent = {
        type: 'link',
        url: base + personPath(id),
        data: { hProperties: { className: ['person'] } },
        children: [{ type: 'text', value: name }],
      };
      return node.type === 'mdxJsxFlowElement' ? ({ type: 'paragraph', children: [link] } satisfies Paragraph) : link;
    }

    function requireId(node: JsxElement): string {
      const id = stringAttribute(node, 'id');
      if (!id) {
        return fail(
          {
            field: `<${node.name} id>`,
            found: 'nothing (the id is missing)',
            expected: 'the id of an entry, in quotes',
            fix: `write <${node.name} id="…" />`,
          },
          node,
        );
      }
      return id;
    }

    function stringAttribute(node: JsxElement, name: string): string | undefined {
      const attribute = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name);
      if (attribute === undefined) return undefined;
      if (typeof attribute.value !== 'string') {
        return fail(
          {
            field: `<${node.name} ${name}>`,
            found: 'an expression in braces',
            expected: 'a plain string in quotes',
            fix: `write <${node.name} ${name}="…" />`,
          },
          node,
        );
      }
      return attribute.value;
    }
  };
}

/** The key of one source and passage, as an event's evidence and a chapter's citation both give it. */
function evidenceKey(sourceId: string, passage: string): string {
  return `${sourceId}\u0000${passage.replace(/\s+/g, ' ').trim()}`;
}

function tellsReport(
  catalog: ReturnType<typeof loadDataCollections>,
  told: { sources: Set<string>; passages: Set<string>; people: Set<string> },
): ChapterTells {
  const events: ChapterTells['events'] = {};
  for (const [id, event] of catalog.events) {
    const sources = new Set(event.sources.filter((source) => told.sources.has(source.id)).map((source) => source.id)).size;
    if (sources === 0) continue;
    const passage = event.sources.some(
      (source) => source.passage !== undefined && told.passages.has(evidenceKey(source.id, source.passage)),
    );
    events[id] = { passage, sources };
  }
  return { people: [...told.people], events };
}

/** Words in the text a reader reads: prose, quotations, editor's notes and tables, without notes or their markers. */
function proseWords(tree: Root): number {
  let text = '';
  visit(tree, (node) => {
    if (node.type === 'footnoteDefinition' || node.type === 'footnoteReference') return SKIP;
    if (node.type === 'text' || node.type === 'inlineCode') text += ` ${node.value} `;
    else if (node.type === 'html') text += ` ${decodeHTML(node.value.replace(/<[^>]*>/g, ' '))} `;
    return undefined;
  });
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

function isJsx(node: Nodes): node is JsxElement {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

/** A statement's words as paragraphs, verbatim (as HTML text, which SmartyPants leaves alone), with an ellipsis at each cut. */
function paragraphs(text: string, cut?: QuoteCut): Paragraph[] {
  const parts = text.split(/\n\s*\n/).map((part) => escapeText(part.trim()));
  return parts.map((part, i) => ({
    type: 'paragraph',
    children: [{ type: 'html', value: withCuts(part, i === 0 && cutsStart(cut), i === parts.length - 1 && cutsEnd(cut)) }],
  }));
}

const cutsStart = (cut: QuoteCut | undefined) => cut === 'start' || cut === 'both';
const cutsEnd = (cut: QuoteCut | undefined) => cut === 'end' || cut === 'both';

/**
 * Escaped words with an ellipsis where they were cut from longer ones: "…to start the revival", "At
 * all…"; after a full stop, a spaced one ("think. …"). The ellipsis is ours, in its own element, so
 * the words inside stay exactly as the source printed them.
 */
function withCuts(html: string, start: boolean, end: boolean): string {
  const mark = '<span class="quote-cut">…</span>';
  return `${start ? mark : ''}${html}${end ? `${/[.!?;:,]$/.test(html) ? ' ' : ''}${mark}` : ''}`;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}

/**
 * A note's label, so that each distinct source, locator and passage is one note: the chapter's
 * prefix, then a digest of the source, locator and passage (`background-3f9a2c1b`); without a
 * passage, the source id and the locator. The digest alone, not the source id before it: a label
 * is written four times per note (the marker's link and id, the note's id, its link back), and the
 * ids made a chapter's first view nearly a kilobyte heavier. The note says its source in full.
 */
function noteLabel(prefix: string, { id, locator, passage, translation }: CitationItem): string {
  if (!passage) return [prefix, id, ...(locator ? [slug(locator)] : [])].join('-');
  const digest = createHash('sha256')
    .update(`${id}\u0000${locator ?? ''}\u0000${passage}\u0000${translation ?? ''}`)
    .digest('hex')
    .slice(0, 8);
  return `${prefix}-${digest}`;
}

/** A data entry's cited source as a citation item: the id, and the passage it carries, if any. */
function citedItem({ id, passage, translation }: { id: string; passage?: string; translation?: string }): CitationItem {
  return { id, ...(passage ? { passage } : {}), ...(translation ? { translation } : {}) };
}

function isSiteLanguage(language: string): boolean {
  return language.split('-')[0] === SITE.lang;
}

/** The label of an outlet a state directs or funds, e.g. "(Russian state news agency)". */
function outletLabelNode(label: string): PhrasingContent {
  return {
    type: 'emphasis',
    data: { hName: 'span', hProperties: { className: ['outlet-label'] } },
    children: [{ type: 'text', value: outletLabelText(label) }],
  };
}

/**
 * The evidence passage, quoted, after the source: “…”. A passage in another language is marked with
 * its language and followed by our translation, marked as ours.
 */
function evidenceNodes(passage: string, translation: string | undefined, language: string): PhrasingContent[] {
  const nodes: PhrasingContent[] = [
    { type: 'text', value: ' ' },
    verbatim(nested(passage), 'q', { class: 'evidence', ...(isSiteLanguage(language) ? {} : { lang: language }) }),
  ];
  if (translation) {
    nodes.push(
      { type: 'text', value: ' ' },
      {
        type: 'emphasis',
        data: { hName: 'span', hProperties: { className: ['evidence-translation'] } },
        children: [{ type: 'text', value: `(${strings().ourTranslation}: “${translation}”)` }],
      },
    );
  }
  return nodes;
}

/**
 * Words that must reach the reader exactly as the source printed them (a quotation, an evidence
 * passage), in an element: written as escaped HTML, so that no later step (SmartyPants) changes them.
 */
function verbatim(text: string, tagName: string, attributes: Record<string, string>, cut?: QuoteCut): Html {
  const attrs = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  return { type: 'html', value: `<${tagName}${attrs}>${withCuts(escapeText(text), cutsStart(cut), cutsEnd(cut))}</${tagName}>` };
}
