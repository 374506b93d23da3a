import type { Nodes } from 'mdast';
import { CITATION, citedIdsIn } from '../markdown/citation-syntax.ts';
import type { ContentProblem } from '../data/content-error.ts';
import { pointAt, sourceOf, walk, type ChapterFile, type ContentModel } from './model.ts';

/**
 * A sentence that rests only on outlets a state directs (`control: state-controlled` in
 * content/outlets/) must say so: it names the outlet ("according to Russia's state agency TASS, …"),
 * or it also cites a source that is not state-controlled. Readers then never take a state's line
 * for an established fact.
 */
export function checkStateMediaAlone(model: ContentModel): ContentProblem[] {
  const names = (sourceId: string): string[] | undefined => {
    const source = model.data.sources.get(sourceId);
    if (!source) return undefined;
    const outlet = model.data.outlets.get(source.outlet.id);
    return outlet?.control === 'state-controlled' ? [outlet.name, source.publisher] : undefined;
  };
  return model.chapters.flatMap((chapter) => {
    const problems: ContentProblem[] = [];
    for (const { node, ancestors } of walk(chapter.tree)) {
      if (!isBlockOfText(node) || ancestors.some(isBlockOfText)) continue;
      const start = node.position?.start.offset ?? 0;
      for (const sentence of citedSentences(sourceOf(chapter.text, node))) {
        const outletNames = sentence.ids.map(names);
        if (outletNames.some((named) => named === undefined)) continue;
        const said = sentence.text.toLowerCase();
        if (outletNames.flat().some((name) => name !== undefined && said.includes(name.toLowerCase()))) continue;
        problems.push(problem(chapter, start + sentence.citationOffset, outletNames.flat() as string[]));
      }
    }
    return problems;
  });
}

function isBlockOfText(node: Nodes): boolean {
  return node.type === 'paragraph' || node.type === 'tableCell' || node.type === 'heading';
}

interface CitedSentence {
  /** The sentence's words, citations left out. */
  text: string;
  /** Every source id its citations name. */
  ids: string[];
  /** Where its first citation starts, in the block's text. */
  citationOffset: number;
}

/** A sentence ends at . ! or ? (with closing quotes or brackets) and any citations that follow it. */
const SENTENCE_END = /[.!?]["”’)]*(?:\[@[^\]]*\])*\s+/g;

/** The sentences of a block of text that carry citations, each with the ids it cites. */
export function citedSentences(block: string): CitedSentence[] {
  const sentences = new Map<number, CitedSentence>();
  for (const match of block.matchAll(CITATION)) {
    const before = block.slice(0, match.index).replace(/[\s.,;:!?"”’)]+$/, '');
    const ends = [...before.matchAll(SENTENCE_END)];
    const last = ends.at(-1);
    const from = last ? last.index + last[0].length : 0;
    const sentence = sentences.get(from) ?? { text: '', ids: [], citationOffset: match.index };
    sentence.ids.push(...citedIdsIn(match[1] ?? ''));
    sentence.text = block.slice(from, match.index + match[0].length).replace(CITATION, ' ');
    sentences.set(from, sentence);
  }
  return [...sentences.values()].filter((sentence) => sentence.ids.length > 0);
}

function problem(chapter: ChapterFile, offset: number, names: string[]): ContentProblem {
  const outlets = [...new Set(names)].join(', ');
  return {
    file: chapter.file,
    ...pointAt(chapter.text, offset),
    found: `a sentence whose only sources are state-controlled outlets (${outlets}), which it does not name`,
    expected: 'a statement resting on state media to say so, or to cite an independent source too',
    fix: `name the outlet in the sentence ("according to ${names[0]}, …"), or add a source that is not state-controlled`,
  };
}
