import { contentPolicyProblems } from '../../plugins/content-policy';
import type { ContentProblem } from '../content-error';
import type { ContentModel } from './model';

/** Every chapter within the content policy (src/plugins/content-policy.ts), as the build requires. */
export function checkContentPolicy(model: ContentModel): ContentProblem[] {
  return model.chapters.flatMap((chapter) => contentPolicyProblems(chapter.tree, chapter.file));
}
