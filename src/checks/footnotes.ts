import type { FootnoteDefinition } from 'mdast';
import type { ContentProblem } from '../data/content-error.ts';
import { excerpt, pointAt, sourceOf, startOf, walk, type ContentModel } from './model.ts';

/**
 * Explanatory footnotes (`[^label]` and `[^label]: text`) must pair up. GFM drops a definition that
 * nothing references without a word, prints an undefined reference as the literal text "[^label]",
 * and ignores a second definition of the same label: all three would otherwise pass silently.
 */
export function checkFootnotes(model: ContentModel): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const chapter of model.chapters) {
    const definitions = new Map<string, FootnoteDefinition>();
    const references = new Set<string>();
    for (const { node } of walk(chapter.tree)) {
      if (node.type === 'footnoteReference') references.add(node.identifier);
      if (node.type !== 'footnoteDefinition') continue;
      const first = definitions.get(node.identifier);
      if (first) {
        problems.push({
          file: chapter.file,
          ...startOf(node),
          found: `a second definition of [^${node.label ?? node.identifier}] (the first is on line ${first.position?.start.line})`,
          expected: 'one definition for each footnote label',
          fix: 'merge the two notes, or give one of them its own label',
        });
      } else {
        definitions.set(node.identifier, node);
      }
    }
    for (const [identifier, definition] of definitions) {
      if (references.has(identifier)) continue;
      problems.push({
        file: chapter.file,
        ...startOf(definition),
        found: `a footnote defined but never used: ${excerpt(sourceOf(chapter.text, definition))}`,
        expected: `a reference [^${definition.label ?? identifier}] in the text where the note belongs`,
        fix: `add [^${definition.label ?? identifier}] after the words the note explains, or delete the note`,
      });
    }
    // GFM leaves a reference without a definition as plain text, so look for it in the text.
    for (const { node, ancestors } of walk(chapter.tree)) {
      if (node.type !== 'text' || ancestors.some((a) => a.type === 'inlineCode' || a.type === 'code')) continue;
      for (const match of node.value.matchAll(/\[\^([^\]\s]+)\]/g)) {
        const offset = (node.position?.start.offset ?? 0) + chapter.text.slice(node.position?.start.offset ?? 0).indexOf(match[0]);
        problems.push({
          file: chapter.file,
          ...pointAt(chapter.text, offset),
          found: `a footnote reference with no note: ${match[0]}`,
          expected: `a definition "${match[0]}: …" on its own line, usually at the end of the chapter`,
          fix: `add the note ${match[0]}: …, or correct the label to one that is defined`,
        });
      }
    }
  }
  return problems;
}
