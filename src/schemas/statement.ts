import { z } from 'astro/zod';
import { partialDate } from './partial-date.ts';
import type { References } from './reference.ts';
import { ourWords } from './our-words.ts';

/** Where a quotation is cut from longer words. */
export const QUOTE_CUTS = ['start', 'end', 'both'] as const;
export type QuoteCut = (typeof QUOTE_CUTS)[number];

export function statementSchema(references: References) {
  return z.strictObject({
    speaker: references.people,
    date: partialDate,
    /** Where and how it was said: "closing speech in the National Assembly". */
    occasion: ourWords,
    /** The words exactly as the source published them. */
    text: z.string().min(1),
    source: references.sources,
    /** Language the words were said in, where known (BCP 47: ru, hy, be). */
    spokenIn: z.string().optional(),
    /** True when `text` is the source's own English rendering of words said in another language. */
    translatedBySource: z.boolean().default(false),
    /**
     * Where `text` is cut from longer words: `start` (the speaker said more before it), `end` (more
     * after it) or `both`. Readers see an ellipsis at each cut; `text` itself stays exactly as printed.
     */
    cut: z.enum(QUOTE_CUTS).optional(),
  });
}
