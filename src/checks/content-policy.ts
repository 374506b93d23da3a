import { contentPolicyProblems } from '../markdown/content-policy.ts';
import type { ContentProblem } from '../data/content-error.ts';
import type { ContentModel } from './model.ts';

/** Every chapter within the content policy (src/markdown/content-policy.ts), as the build requires. */
export function checkContentPolicy(model: ContentModel): ContentProblem[] {
  return model.chapters.flatMap((chapter) => contentPolicyProblems(chapter.tree, chapter.file));
}
