import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ContentProblem } from '../data/content-error.ts';
import { filesIn, pointAt, type ContentModel } from './model.ts';

/** How many words in a row, shared with an article outside quotation marks, count as copied. */
export const COPIED_RUN = 10;

/**
 * Narrative copied from the articles an explainer is built from (`content/articles/*.txt`): a run
 * of COPIED_RUN words that a chapter shares with an article, outside quotation marks. Quotations
 * (what people said, evidence passages in citations, block quotes) may be verbatim; the narrative is
 * written in our own words.
 */
export function checkCopiedNarrative(model: ContentModel): ContentProblem[] {
  const articleRuns = new Map<string, string>();
  for (const path of filesIn(model.dirs.articles, '.txt')) {
    const words = wordsOf(readFileSync(path, 'utf8')).map((word) => word.text);
    for (let i = 0; i + COPIED_RUN <= words.length; i++) articleRuns.set(words.slice(i, i + COPIED_RUN).join(' '), basename(path, '.txt'));
  }
  if (articleRuns.size === 0) return [];

  return model.chapters.flatMap((chapter) => {
    const problems: ContentProblem[] = [];
    const words = wordsOf(withoutQuotations(chapter.text));
    for (let i = 0; i + COPIED_RUN <= words.length; i++) {
      const run = words.slice(i, i + COPIED_RUN);
      const article = articleRuns.get(run.map((word) => word.text).join(' '));
      if (article === undefined) continue;
      const at = pointAt(chapter.text, run[0]!.offset);
      problems.push({
        file: chapter.file,
        line: at.line,
        column: at.column,
        found: `${COPIED_RUN} words as in articles/${article}.txt: "${run.map((word) => word.text).join(' ')}"`,
        expected: 'narrative in our own words; only quotations may repeat an article word for word',
        fix: 'rewrite the sentence in your own words, or quote the words (in quotation marks, attributed and cited)',
      });
      i += COPIED_RUN - 1;
    }
    return problems;
  });
}

/** Quotations, blanked to spaces of the same length so that offsets still point into the file. */
function withoutQuotations(text: string): string {
  const blank = (match: string) => match.replace(/[^\n]/g, ' ');
  return text
    .replace(/^>.*$/gm, blank)
    .replace(/<(q|blockquote)\b[\s\S]*?<\/\1>/g, blank)
    .replace(/“[^”]*”|"[^"\n]*"|‘[^’\n]{20,}’|«[^»]*»/g, blank);
}

function wordsOf(text: string): { text: string; offset: number }[] {
  return [
    ...text
      .toLowerCase()
      .replace(/’/g, "'")
      .matchAll(/[\p{L}\p{N}']+/gu),
  ].map((match) => ({
    text: match[0],
    offset: match.index,
  }));
}
