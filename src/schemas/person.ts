import { z } from 'astro/zod';
import { partialDate } from './partial-date.ts';
import { citedSource } from './cited-source.ts';
import type { References } from './reference.ts';
import { ourWords } from './our-words.ts';

export function personSchema(references: References) {
  const role = z.strictObject({
    /** The role as a reader should see it: "Foreign Minister of Kazakhstan". */
    title: ourWords,
    from: partialDate.optional(),
    /** Omitted while the role was still held at the end of the period covered. */
    until: partialDate.optional(),
  });
  return z.strictObject({
    /** The house spelling, used everywhere on the site. */
    name: z.string().min(1),
    /** Other spellings found in sources, listed on the person's card and rejected in chapter text. */
    otherSpellings: z.array(z.string().min(1)).default([]),
    /** One line: who this person is in the story. */
    summary: ourWords,
    roles: z.array(role).min(1, { error: 'list at least one role, with its dates where known' }),
    sources: z.array(citedSource(references)).min(1, { error: 'cite at least one source for the roles' }),
  });
}
