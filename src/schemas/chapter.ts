import { z } from 'astro/zod';
import { partialDate } from './partial-date.ts';
import type { References } from './reference.ts';
import { ourPlainWords } from './our-words.ts';

/** Frontmatter of one MDX chapter. The overview is chapter 0 and carries what describes the whole explainer. */
export function chapterSchema(references: References) {
  return z.strictObject({
    /** The explainer this chapter belongs to: its folder name under content/explainers. */
    explainer: z.string().regex(/^[a-z0-9-]+$/),
    /** 0 for the overview, then 1, 2, 3 … in reading order. */
    order: z.number().int().min(0),
    title: ourPlainWords,
    /** Shorter title for navigation, e.g. "Background". */
    navTitle: ourPlainWords.optional(),
    /** One or two sentences under the title; also the page description. */
    dek: ourPlainWords,
    /** The day the chapter was first published; shown, and in the feed, once set. */
    published: partialDate.optional(),
    /** The day its substance last changed (a fact, a date, a source), set by the editors: not the day of the last commit. */
    updated: partialDate,
    period: z.strictObject({ from: partialDate, to: partialDate }),
    /** The articles the explainer rewrites (overview only). */
    basedOn: z.array(references.sources).default([]),
  });
}

/** A chapter's frontmatter, as both readers give it. */
export type ChapterData = z.output<ReturnType<typeof chapterSchema>>;
