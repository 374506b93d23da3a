import type { Root, RootContent } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { chapterContext, type ChapterContext, type RemarkCitationsOptions } from './chapter-context.ts';
import { reportChapter } from './chapter-report.ts';
import { dataComponentNamed } from './components/index.ts';
import { readProps } from './components/props.ts';
import { expandTextCitations } from './text-citations.ts';

export type { RemarkCitationsOptions } from './chapter-context.ts';

/**
 * Turns the explainer's citation syntax into numbered GFM footnotes, and expands the components that
 * render typed data (quotes, editor's notes, people) so that their words are written once, in data.
 *
 *   [@source-id]                 cite a source
 *   [@source-id, 14 June entry]  cite it with a locator
 *   [@one; @two]                 cite two sources at one place
 *   <Quote id="statement-id" />  and the other data components registered in components/index.ts
 *
 * In order: the data components are expanded (their citations become notes like any other), then
 * the [@…] citations in the text, then ordinary [^note] footnotes get the chapter's prefix, and the
 * chapter's report is written (chapter-report.ts: its sources and note numbers, words, what it tells).
 * Every unknown id stops the build with file:line:column, the id, and the nearest known ids.
 * Footnote labels are prefixed with the chapter's file name so that chapters shown together on one
 * page (the whole-explainer page) never share an id.
 */
export default function remarkCitations(options: RemarkCitationsOptions = {}) {
  return function transform(tree: Root, file: VFile): void {
    const chapter = chapterContext(file, options);
    expandDataComponents(tree, chapter);
    expandTextCitations(tree, file, chapter);
    prefixFootnotes(tree, chapter.prefix);
    reportChapter(tree, file, chapter);
  };
}

/** Replaces each registered data component with the plain Markdown nodes it expands to. */
function expandDataComponents(tree: Root, chapter: ChapterContext): void {
  visit(tree, (node, index, parent) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return undefined;
    const component = dataComponentNamed(node.name);
    if (component === undefined || parent === undefined || index === undefined) return undefined;
    const read = readProps(node, component.props);
    if ('problems' in read) return chapter.fail(read.problems[0]!, node);
    const replacement = component.expand(node, read.props, chapter);
    (parent.children as RootContent[]).splice(index, 1, ...replacement);
    return [SKIP, index + replacement.length];
  });
}

/** Ordinary [^note] footnotes get the chapter prefix too. */
function prefixFootnotes(tree: Root, prefix: string): void {
  visit(tree, (node) => {
    if ((node.type === 'footnoteReference' || node.type === 'footnoteDefinition') && !node.identifier.startsWith(`${prefix}-`)) {
      node.identifier = `${prefix}-${node.identifier}`;
      node.label = node.identifier;
    }
  });
}
