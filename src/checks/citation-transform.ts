import { VFile } from 'vfile';
import { contentPolicyProblems } from '../markdown/content-policy.ts';
import remarkCitations from '../markdown/remark-citations.ts';
import type { ContentProblem } from '../data/content-error.ts';
import type { ContentModel } from './model.ts';

/**
 * Runs the build's own citation transform on every chapter, so that an unknown source, statement,
 * correction or person, a malformed citation or a bad component prop is reported here as it would
 * stop the build. Only when the data is valid: the transform refuses to read bad data.
 */
export function checkCitationTransform(model: ContentModel): ContentProblem[] {
  if (model.schemaProblems.length > 0) return [];
  const transform = remarkCitations({ dirs: model.dirs });
  const problems: ContentProblem[] = [];
  for (const chapter of model.chapters) {
    // A chapter outside the content policy is reported by that check; the build stops there first.
    if (contentPolicyProblems(chapter.tree, chapter.file).length > 0) continue;
    const file = new VFile({ path: chapter.file, value: chapter.text, data: { astro: { frontmatter: {} } } });
    try {
      transform(structuredClone(chapter.tree), file);
    } catch (error) {
      problems.push(toProblem(error, chapter.file));
    }
  }
  return problems;
}

function toProblem(error: unknown, file: string): ContentProblem {
  const { problem } = error as { problem?: ContentProblem };
  if (problem) return problem;
  const message = error as { message?: string; line?: number; column?: number };
  return {
    file,
    ...(message.line ? { line: message.line } : {}),
    ...(message.column ? { column: message.column } : {}),
    found: String(message.message ?? error),
    expected: 'chapter text the citation transform accepts',
    fix: 'see the message above, and the citation syntax in CONTRIBUTING.md',
  };
}
