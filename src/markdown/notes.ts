import type { FootnoteDefinition, FootnoteReference, Html, Nodes, PhrasingContent, Root } from 'mdast';
import { createHash } from 'node:crypto';
import { escapeAttribute, escapeText } from 'entities';
import { SKIP, visit } from 'unist-util-visit';
import { formatSourceEntry } from '../citations/csl.ts';
import { nested } from '../citations/nested-quotes.ts';
import { strings } from '../i18n/ui.ts';
import { outletLabelText } from '../schemas/outlet.ts';
import type { QuoteCut } from '../schemas/statement.ts';
import type { Source } from '../schemas/source.ts';
import { SITE } from '../site.config.ts';
import type { CitationItem } from './citation-syntax.ts';

/**
 * The notes a chapter's citations become: each note's label (its footnote id), its text (the
 * source's entry, the outlet's label, the locator, the evidence passage) and its number. Each is
 * worked out here and nowhere else; the page, the one-page edition and the sources page read the
 * numbers from the transform's report (chapter-report.ts).
 */

/** What a citation's footnote definition carries for the report: the source and the passage it quotes. */
export interface NoteData {
  sourceId: string;
  passage?: string;
}

/**
 * A note's label, so that each distinct source, locator and passage is one note: the chapter's
 * prefix, then a digest of the source, locator and passage (`background-3f9a2c1b`); without a
 * passage, the source id and the locator. The digest alone, not the source id before it: a label
 * is written four times per note (the marker's link and id, the note's id, its link back), and the
 * ids made a chapter's first view nearly a kilobyte heavier. The note says its source in full.
 */
export function noteLabel(prefix: string, { id, locator, passage, translation }: CitationItem): string {
  if (!passage) return [prefix, id, ...(locator ? [slug(locator)] : [])].join('-');
  const digest = createHash('sha256')
    .update(`${id}\u0000${locator ?? ''}\u0000${passage}\u0000${translation ?? ''}`)
    .digest('hex')
    .slice(0, 8);
  return `${prefix}-${digest}`;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}

/** The footnote that cites one item: the formatted source, its outlet's label, the locator, the evidence passage. */
export function sourceNote(label: string, item: CitationItem, source: Source, outletLabel: string | undefined): FootnoteDefinition {
  const { id: sourceId, locator, passage, translation } = item;
  const entry: Html = {
    type: 'html',
    value: `<span class="citation" data-source="${sourceId}">${formatSourceEntry(sourceId, source)}</span>`,
  };
  const children: PhrasingContent[] = [entry];
  if (outletLabel) children.push({ type: 'text', value: ' ' }, outletLabelNode(outletLabel));
  if (locator) children.push({ type: 'text', value: ` (${locator})` });
  if (passage) children.push(...evidenceNodes(passage, translation, source.language));
  return {
    type: 'footnoteDefinition',
    identifier: label,
    label,
    data: { sourceId, ...(passage ? { passage } : {}) } satisfies NoteData as FootnoteDefinition['data'],
    children: [{ type: 'paragraph', children }],
  };
}

/** What a footnote definition cites, when the transform wrote it for a source. */
export function noteData(definition: FootnoteDefinition): Partial<NoteData> {
  return (definition.data ?? {}) as Partial<NoteData>;
}

/** A reference to a note. */
export function noteReference(label: string): FootnoteReference {
  return { type: 'footnoteReference', identifier: label, label };
}

/**
 * Each note's number, by label, as GFM gives it (mdast-util-to-hast): by the first reference to each
 * in the text, in document order; then the references inside the notes themselves, as the notes are
 * written out in that order. Labels compare without case, as GFM compares them.
 */
export function noteNumbers(tree: Root): Map<string, number> {
  const numbers = new Map<string, number>();
  const definitions = new Map<string, FootnoteDefinition>();
  const count = (node: Nodes) =>
    visit(node, (child) => {
      if (child.type === 'footnoteDefinition' && child !== node) return SKIP;
      const id = child.type === 'footnoteReference' ? child.identifier.toUpperCase() : undefined;
      if (id !== undefined && !numbers.has(id)) numbers.set(id, numbers.size + 1);
      return undefined;
    });
  visit(tree, 'footnoteDefinition', (definition) => {
    const id = definition.identifier.toUpperCase();
    if (!definitions.has(id)) definitions.set(id, definition);
  });
  count(tree);
  // The list grows while it is read: a note that cites another adds it at the end, as GFM does.
  for (const id of numbers.keys()) {
    const definition = definitions.get(id);
    if (definition) count(definition);
  }
  return numbers;
}

export function isSiteLanguage(language: string): boolean {
  return language.split('-')[0] === SITE.lang;
}

/** A data entry's cited source as a citation item: the id, and the passage it carries, if any. */
export function citedItem({ id, passage, translation }: { id: string; passage?: string; translation?: string }): CitationItem {
  return { id, ...(passage ? { passage } : {}), ...(translation ? { translation } : {}) };
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

export const cutsStart = (cut: QuoteCut | undefined) => cut === 'start' || cut === 'both';
export const cutsEnd = (cut: QuoteCut | undefined) => cut === 'end' || cut === 'both';

/**
 * Escaped words with an ellipsis where they were cut from longer ones: "…to start the revival", "At
 * all…"; after a full stop, a spaced one ("think. …"). The ellipsis is ours, in its own element, so
 * the words inside stay exactly as the source printed them.
 */
export function withCuts(html: string, start: boolean, end: boolean): string {
  const mark = '<span class="quote-cut">…</span>';
  return `${start ? mark : ''}${html}${end ? `${/[.!?;:,]$/.test(html) ? ' ' : ''}${mark}` : ''}`;
}

/**
 * Words that must reach the reader exactly as the source printed them (a quotation, an evidence
 * passage), in an element: written as escaped HTML, so that no later step (SmartyPants) changes them.
 */
export function verbatim(text: string, tagName: string, attributes: Record<string, string>, cut?: QuoteCut): Html {
  const attrs = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  return { type: 'html', value: `<${tagName}${attrs}>${withCuts(escapeText(text), cutsStart(cut), cutsEnd(cut))}</${tagName}>` };
}
