import type { Blockquote, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { escapeText } from 'entities';
import { z } from 'astro/zod';
import { formatDate } from '../../data/dates.ts';
import type { QuoteCut } from '../../schemas/statement.ts';
import { unknownId } from '../chapter-context.ts';
import { cutsEnd, cutsStart, verbatim, withCuts } from '../notes.ts';
import { dataComponent } from './props.ts';

/**
 * `<Quote id="statement-id" />`: a statement as a block quote with its speaker, occasion and date
 * (inline inside a paragraph, as quoted words), cited. `excerpt="…"` quotes only some of its words.
 */
export const quote = dataComponent({
  name: 'Quote',
  props: z.strictObject({
    id: z.string().min(1, 'the id of an entry, in quotes'),
    excerpt: z.string().optional(),
  }),
  cites: true,
  expand(node, { id, excerpt }, chapter) {
    const { catalog, dirs } = chapter;
    const statement = catalog.statements.get(id);
    if (!statement) return chapter.fail(unknownId(id, catalog.statements, dirs.statements, '<Quote id>'), node);
    const source = catalog.sources.get(statement.source.id);
    if (!source) return chapter.fail(unknownId(statement.source.id, catalog.sources, dirs.sources), node);
    if (excerpt !== undefined && !statement.text.includes(excerpt)) {
      chapter.fail(
        {
          field: '<Quote excerpt>',
          found: `"${excerpt}"`,
          expected: `words that appear exactly so in statement "${id}"`,
          fix: `copy the words exactly from ${dirs.statements}/${id}.yaml`,
        },
        node,
      );
    }
    chapter.shows.statements.add(id);
    const words = excerpt ?? statement.text;
    // An excerpt is a run of the statement's words inside our sentence; the whole statement shows where it was cut.
    const cut = excerpt === undefined ? statement.cut : undefined;
    const citation = chapter.cite({ id: statement.source.id }, node);
    if (node.type === 'mdxJsxTextElement') {
      return [verbatim(words, 'q', { cite: source.url, class: 'quote' }, cut), citation];
    }
    const speaker = catalog.people.get(statement.speaker.id);
    chapter.shows.people.add(statement.speaker.id);
    const attribution: PhrasingContent[] = [
      { type: 'text', value: `${speaker?.name ?? statement.speaker.id}, ${statement.occasion}, ${formatDate(statement.date)}` },
      citation,
    ];
    if (statement.translatedBySource) {
      attribution.push({ type: 'text', value: ` (English as published by ${source.publisher})` });
    }
    return [figure(paragraphs(words, cut), attribution, source.url)];
  },
});

function figure(quoted: Paragraph[], attribution: PhrasingContent[], cite: string): RootContent {
  return {
    type: 'blockquote',
    data: { hName: 'figure', hProperties: { className: ['quote'] } },
    children: [
      { type: 'blockquote', data: { hProperties: { cite } }, children: quoted },
      { type: 'paragraph', data: { hName: 'figcaption' }, children: attribution },
    ],
  } satisfies Blockquote;
}

/** A statement's words as paragraphs, verbatim (as HTML text, which SmartyPants leaves alone), with an ellipsis at each cut. */
function paragraphs(text: string, cut?: QuoteCut): Paragraph[] {
  const parts = text.split(/\n\s*\n/).map((part) => escapeText(part.trim()));
  return parts.map((part, i) => ({
    type: 'paragraph',
    children: [{ type: 'html', value: withCuts(part, i === 0 && cutsStart(cut), i === parts.length - 1 && cutsEnd(cut)) }],
  }));
}
