import type { ContentDirs } from '../data/content-dirs.ts';
import type { ContentProblem } from '../data/content-error.ts';
import { checkCitationTransform } from './citation-transform.ts';
import { checkContentPolicy } from './content-policy.ts';
import { checkCopiedNarrative } from './copied-narrative.ts';
import { checkEmptyChapters } from './empty-chapter.ts';
import { checkEventDates } from './event-dates.ts';
import { checkStateMediaAlone } from './state-media-alone.ts';
import { checkDuplicateIds } from './duplicate-ids.ts';
import { checkFootnotes } from './footnotes.ts';
import { checkHouseSpelling } from './house-spelling.ts';
import { checkInternalLinks } from './internal-links.ts';
import { loadContentModel, type ContentModel } from './model.ts';
import { checkUncitedParagraphs } from './uncited-paragraph.ts';
import { checkUncitedSources } from './uncited-source.ts';
import { checkUnsourcedEntries } from './unsourced-entry.ts';

/**
 * The editorial checks, one per file, each returning ContentProblems (printed by formatProblem).
 * `npm run check` runs them all on content/; tests/unit/broken-content.test.ts runs them on
 * fixtures that each hold one mistake. The schemas (src/schemas) come first: their problems are
 * reported with the rest, and the checks below run on whatever entries did parse.
 */
export const CHECKS: Record<string, (model: ContentModel) => ContentProblem[] | Promise<ContentProblem[]>> = {
  'content-policy': checkContentPolicy,
  'citation-transform': checkCitationTransform,
  'uncited-source': checkUncitedSources,
  'uncited-paragraph': checkUncitedParagraphs,
  footnotes: checkFootnotes,
  'unsourced-entry': checkUnsourcedEntries,
  'duplicate-ids': checkDuplicateIds,
  'house-spelling': checkHouseSpelling,
  'internal-links': (model) => checkInternalLinks(model),
  'copied-narrative': checkCopiedNarrative,
  'state-media-alone': checkStateMediaAlone,
  'event-dates': (model) => checkEventDates(model),
  'empty-chapter': checkEmptyChapters,
};

/** The checks' ids, as "How we work" cites them (each is also the check's file name in this folder). */
export const CHECK_IDS: readonly string[] = Object.keys(CHECKS);

export async function runContentChecks(dirs: ContentDirs): Promise<ContentProblem[]> {
  const model = loadContentModel(dirs);
  const problems = [...model.schemaProblems];
  for (const check of Object.values(CHECKS)) problems.push(...(await check(model)));
  return problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
