import type { ContentProblem } from '../data/content-error.ts';
import type { ContentModel } from './model.ts';

/** A chapter with nothing to read under its frontmatter: published, it would be an empty page. */
export function checkEmptyChapters(model: ContentModel): ContentProblem[] {
  return model.chapters
    .filter((chapter) => !chapter.syntaxProblem)
    .filter((chapter) => !chapter.tree.children.some((node) => node.type !== 'yaml' && !(node.type === 'mdxFlowExpression')))
    .map((chapter) => ({
      file: chapter.file,
      line: chapter.text.split('\n').length,
      column: 1,
      found: 'a chapter with no text after its frontmatter',
      expected: 'the chapter’s text, in Markdown, under the frontmatter',
      fix: 'write the chapter, or delete the file until it is ready',
    }));
}
