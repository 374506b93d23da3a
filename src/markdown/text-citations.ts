import type { Nodes, Parents, PhrasingContent, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { SITE } from '../site.config.ts';
import type { ChapterContext } from './chapter-context.ts';
import { CITATION, PASSAGE_MAX_WORDS, parseCitation, wordCount, type CitationItem } from './citation-syntax.ts';
import { isSiteLanguage } from './notes.ts';

/** Turns each `[@…]` citation in the chapter's text into references to its notes. */
export function expandTextCitations(tree: Root, file: VFile, chapter: ChapterContext): void {
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
      for (const item of itemsOf(raw, match[1] ?? '', node, at, chapter)) {
        checkEvidence(item, raw, node, at, chapter);
        replacement.push(chapter.cite(item, node, at));
      }
      last = match.index + raw.length;
    }
    if (last === 0) return;
    replacement.push({ type: 'text', value: node.value.slice(last) });
    const kept = replacement.filter((child) => child.type !== 'text' || child.value !== '');
    (parent.children as PhrasingContent[]).splice(index, 1, ...kept);
    return [SKIP, index + kept.length];
  });
}

function itemsOf(raw: string, inner: string, node: Nodes, at: number | undefined, chapter: ChapterContext): CitationItem[] {
  const parsed = parseCitation(inner);
  if ('items' in parsed) return parsed.items;
  return chapter.fail({ found: parsed.error ? `${raw}: ${parsed.error}` : raw, expected: parsed.expected, fix: parsed.fix }, node, at);
}

/** A citation in prose carries its evidence (where the site requires it), and a passage stays short. */
function checkEvidence(item: CitationItem, raw: string, node: Nodes, at: number | undefined, chapter: ChapterContext): void {
  if (item.passage === undefined && chapter.requireEvidence) {
    chapter.fail(
      {
        found: `${raw}, with no passage from the source`,
        expected: `the source's own words that support the sentence: [@${item.id}, "…"] (at most ${PASSAGE_MAX_WORDS} words, verbatim)`,
        fix: `copy the supporting words from the page you read into the citation, as [@${item.id}, "the words"]`,
      },
      node,
      at,
    );
  }
  const language = chapter.catalog.sources.get(item.id)?.language ?? SITE.lang;
  if (item.passage !== undefined && item.translation === undefined && !isSiteLanguage(language)) {
    chapter.fail(
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
    chapter.fail(
      {
        found: `a passage of ${wordCount(item.passage)} words in ${raw.slice(0, 60)}…`,
        expected: `a passage of at most ${PASSAGE_MAX_WORDS} words`,
        fix: 'keep only the words that support the sentence; cite a second passage separately if two parts of the page are needed',
      },
      node,
      at,
    );
  }
}
