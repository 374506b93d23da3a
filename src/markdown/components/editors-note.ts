import type { Blockquote, PhrasingContent } from 'mdast';
import { z } from 'astro/zod';
import { strings } from '../../i18n/ui.ts';
import { correctionPath, editorsNoteId } from '../../routes.ts';
import { unknownId, type ChapterContext } from '../chapter-context.ts';
import { fullNotesBeside, type FullNote } from '../full-editors-note.ts';
import { citedItem } from '../notes.ts';
import { dataComponent, type JsxElement } from './props.ts';

type Correction = NonNullable<ReturnType<ChapterContext['catalog']['corrections']['get']>>;

/**
 * `<EditorsNote id="correction-id" />`: a visible note where the explainer departs from an article,
 * with the evidence cited. On the overview it is one line that links to the full note.
 */
export const editorsNote = dataComponent({
  name: 'EditorsNote',
  props: z.strictObject({ id: z.string().min(1, 'the id of an entry, in quotes') }),
  cites: true,
  expand(node, { id }, chapter) {
    const correction = chapter.catalog.corrections.get(id);
    if (!correction) return chapter.fail(unknownId(id, chapter.catalog.corrections, chapter.dirs.corrections, '<EditorsNote id>'), node);
    const anchor = editorsNoteId(chapter.prefix, id);
    chapter.notedCorrections.push({ correction: id, anchor });
    const says = `${chapter.catalog.sources.get(correction.article.id)?.publisher ?? correction.article.id} ${correction.articleSays}.`;
    const content = chapter.isOverview ? brief(id, says, chapter) : full(id, says, correction, node, chapter);
    return [
      aside(anchor, id, chapter.isOverview, [{ type: 'strong', children: [{ type: 'text', value: strings().editorsNote }] }, ...content]),
    ];
  },
});

function aside(anchor: string, id: string, isBrief: boolean, children: PhrasingContent[]): Blockquote {
  const className = isBrief ? ['editors-note', 'editors-note-brief'] : ['editors-note'];
  return {
    type: 'blockquote',
    // role="note": an aside inside the chapter, not a landmark (several would need unique names).
    data: { hName: 'aside', hProperties: { id: anchor, className, role: 'note', dataCorrection: id } },
    children: [{ type: 'paragraph', children }],
  };
}

/** The note in full: what the article says, the fact with its evidence cited, and a link to every correction. */
function full(id: string, says: string, correction: Correction, node: JsxElement, chapter: ChapterContext): PhrasingContent[] {
  return [
    { type: 'text', value: `${says} ${correction.fact}` },
    ...correction.evidence.map((source) => chapter.cite(citedItem(source), node)),
    { type: 'text', value: ' ' },
    { type: 'link', url: chapter.base + correctionPath(id), children: [{ type: 'text', value: strings().allCorrections }] },
  ];
}

/**
 * The overview tells the story in brief: one line, linking to the full note in the chapter that
 * tells the point in full (or to the corrections page, where no chapter notes it).
 */
function brief(id: string, says: string, chapter: ChapterContext): PhrasingContent[] {
  const fullNote = fullNotesOf(chapter).get(id);
  const url = chapter.base + (fullNote ? `${fullNote.path}#${editorsNoteId(fullNote.chapter, id)}` : correctionPath(id));
  return [
    { type: 'text', value: `${says} ` },
    {
      type: 'link',
      url,
      data: { hProperties: { dataFullNote: '' } },
      children: [{ type: 'text', value: fullNote ? strings().editorsNoteFullIn(fullNote.title) : strings().editorsNoteFull }],
    },
  ];
}

/** The chapters beside the overview that carry full notes, read once per overview however many notes it has. */
const fullNotes = new WeakMap<ChapterContext, Map<string, FullNote>>();

function fullNotesOf(chapter: ChapterContext): Map<string, FullNote> {
  let notes = fullNotes.get(chapter);
  if (notes === undefined) {
    notes = chapter.path ? fullNotesBeside(chapter.path) : new Map<string, FullNote>();
    fullNotes.set(chapter, notes);
  }
  return notes;
}
