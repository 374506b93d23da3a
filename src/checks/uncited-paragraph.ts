import type { Nodes, Paragraph, Parents } from 'mdast';
import type { ContentProblem } from '../data/content-error.ts';
import { CITING_COMPONENTS } from '../markdown/components/index.ts';
import { excerpt, sourceOf, startOf, walk, type ChapterFile, type ContentModel } from './model.ts';

/**
 * A paragraph (or table row) that states facts without a citation. Every paragraph of a chapter
 * counts as stating facts unless it is one of these, which need no source of their own:
 *
 * - the explainer speaking about itself: "we", "our", "this explainer" (scope, spellings, method);
 * - a signpost to another page: it starts with a link to one, or is one sentence holding such a link;
 * - a lead-in to the list, table or quotation right after it, when that block is cited;
 * - the text of an explanatory note ([^label]: …), which hangs off a cited sentence;
 * - a table row, when the paragraph just before the table cites the table's sources.
 */
export function checkUncitedParagraphs(model: ContentModel): ContentProblem[] {
  return model.chapters.flatMap((chapter) => uncitedIn(chapter));
}

// A citation, an explanatory note, or a data component that cites its sources (quotes, editor's notes,
// key-event tables: those whose definition says `cites`).
const CITES = new RegExp(['\\[@', '\\[\\^', ...CITING_COMPONENTS.map((name) => `<${name}\\b`)].join('|'));
const EDITORIAL = /\b(?:we|our|us|this explainer)\b/i;

function uncitedIn(chapter: ChapterFile): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const raw = (node: Nodes) => sourceOf(chapter.text, node);
  const cites = (node: Nodes | undefined) => node !== undefined && CITES.test(raw(node));

  for (const { node, ancestors } of walk(chapter.tree)) {
    if (ancestors.some((a) => a.type === 'footnoteDefinition' || a.type === 'table')) continue;
    const parent = ancestors.at(-1) as Parents | undefined;
    const index = parent ? (parent.children as Nodes[]).indexOf(node) : -1;
    const next = parent && index >= 0 ? (parent.children[index + 1] as Nodes | undefined) : undefined;
    const previous = parent && index > 0 ? (parent.children[index - 1] as Nodes | undefined) : undefined;

    if (node.type === 'paragraph') {
      if (cites(node) || isExempt(node, raw(node), next, cites)) continue;
      problems.push(problem(chapter, node, raw(node)));
    } else if (node.type === 'table') {
      if (previous?.type === 'paragraph' && cites(previous)) continue;
      for (const row of node.children.slice(1)) {
        if (!cites(row)) {
          problems.push(problem(chapter, row, raw(row)));
          break;
        }
      }
    }
  }
  return problems;
}

function isExempt(paragraph: Paragraph, text: string, next: Nodes | undefined, cites: (node: Nodes | undefined) => boolean): boolean {
  const words = text
    .replace(/<[^>]*>|\[[^\]]*\]\([^)]*\)/g, ' x ')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length < 4) return true;
  if (EDITORIAL.test(text)) return true;
  const internalLinks = paragraph.children.filter((child) => child.type === 'link' && !/^[a-z][a-z0-9+.-]*:/i.test(child.url));
  if (paragraph.children[0]?.type === 'link' && internalLinks.includes(paragraph.children[0])) return true;
  const sentences = text.split(/[.!?](?:\s|$)/).filter((sentence) => sentence.trim() !== '');
  if (internalLinks.length > 0 && sentences.length <= 1) return true;
  const introduces = next?.type === 'list' || next?.type === 'table' || next?.type === 'blockquote' || next?.type === 'mdxJsxFlowElement';
  return introduces && cites(next);
}

function problem(chapter: ChapterFile, node: Nodes, text: string): ContentProblem {
  return {
    file: chapter.file,
    ...startOf(node),
    found: `${node.type === 'tableRow' ? 'a table row' : 'a paragraph'} with no citation: ${excerpt(text)}`,
    expected: 'every statement of fact followed by the source that supports it, [@source-id]',
    fix: 'add [@source-id] after the facts it supports (several sources: [@one; @two]); a paragraph in which the explainer speaks of itself ("we", "this explainer") needs none',
  };
}
