import { z } from 'astro/zod';
import { partialDate } from './partial-date.ts';
import { citedSource } from './cited-source.ts';
import type { References } from './reference.ts';
import { ourWords } from './our-words.ts';

export function eventSchema(references: References) {
  return z
    .strictObject({
      date: partialDate,
      /** Last day of an event that spans several days. */
      until: partialDate.optional(),
      /** A short headline for the timeline: "Lukashenko's state visit to Azerbaijan". */
      title: ourWords,
      /** One or two sentences in our own words. */
      summary: ourWords,
      people: z.array(references.people).default([]),
      sources: z.array(citedSource(references)).min(1, { error: 'every event needs at least one source' }),
    })
    .refine((event) => !event.until || event.until.iso > event.date.iso, {
      error: '`until` must be later than `date`',
      path: ['until'],
    });
}
