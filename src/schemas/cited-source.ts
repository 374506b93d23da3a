import { z } from 'astro/zod';
import type { References } from './reference.ts';

/** At most this many words in an evidence passage (chapters' citations obey the same limit). */
export const PASSAGE_MAX_WORDS = 50;

/** Words in a passage, as the limit counts them. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * A source as a data entry cites it: its id, or its id with the passage of the page that supports
 * the entry (and the editors' translation, for a page in another language), as chapters' citations
 * carry one:
 *
 *   sources:
 *     - oc-media-2024-02-23
 *     - source: sputnik-2024-02-23
 *       passage: "the words of the page"
 *
 * Read as the reference itself, `{ collection: 'sources', id }`, with `passage` and `translation`
 * when given, so every reader of `.id` is unchanged.
 */
export function citedSource(references: References) {
  return z.preprocess(
    (value) => (typeof value === 'string' ? { source: value } : value),
    z
      .strictObject({
        source: references.sources,
        passage: z
          .string()
          .min(1)
          .refine((text) => wordCount(text) <= PASSAGE_MAX_WORDS, {
            error: `a passage of at most ${PASSAGE_MAX_WORDS} words: the words that support the entry`,
          })
          .optional(),
        translated: z.string().min(1).optional(),
      })
      .refine((cited) => cited.translated === undefined || cited.passage !== undefined, {
        error: 'a translation of a passage: add the passage itself too',
        path: ['translated'],
      })
      .transform(({ source, passage, translated }) => ({
        ...source,
        ...(passage === undefined ? {} : { passage: passage.replace(/\s+/g, ' ').trim() }),
        ...(translated === undefined ? {} : { translation: translated.replace(/\s+/g, ' ').trim() }),
      })),
  );
}
