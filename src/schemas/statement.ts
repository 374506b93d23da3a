import { z } from 'astro/zod';
import { partialDate } from './partial-date';
import type { References } from './reference';

export function statementSchema(references: References) {
  return z.strictObject({
    speaker: references.people,
    date: partialDate,
    /** Where and how it was said: "closing speech in the National Assembly". */
    occasion: z.string().min(1),
    /** The words exactly as the source published them. */
    text: z.string().min(1),
    source: references.sources,
    /** Language the words were said in, where known (BCP 47: ru, hy, be). */
    spokenIn: z.string().optional(),
    /** True when `text` is the source's own English rendering of words said in another language. */
    translatedBySource: z.boolean().default(false),
  });
}
