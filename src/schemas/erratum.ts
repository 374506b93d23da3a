import { z } from 'astro/zod';
import { partialDate } from './partial-date.ts';
import type { References } from './reference.ts';
import { ourWords } from './our-words.ts';

/**
 * A correction of our own: a fact, date, number, attribution or quote that an explainer told readers
 * and that changed. Shown at the foot of the page concerned and on the site-wide corrections page.
 * (The `corrections` collection records errors of the source articles, not ours.)
 */
export function erratumSchema(references: References) {
  return z.strictObject({
    /** The day the correction was published. */
    date: partialDate,
    /** The chapter corrected: `<explainer>/<chapter file name>`, e.g. `armenia-belarus-csto/background` (`index` for the overview). */
    page: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, { error: 'expected <explainer>/<chapter>, e.g. armenia-belarus-csto/background' }),
    /** What the page said, in the words it used. */
    said: ourWords,
    /** What it says now. */
    says: ourWords,
    /** Why, for readers. */
    why: ourWords,
    sources: z.array(references.sources).default([]),
  });
}

export type Erratum = z.output<ReturnType<typeof erratumSchema>>;
