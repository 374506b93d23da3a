import { z } from 'astro/zod';
import { citedSource } from './cited-source.ts';
import type { References } from './reference.ts';
import { ourWords } from './our-words.ts';

export const VERDICTS = {
  wrong: 'Wrong',
  imprecise: 'Imprecise',
  unverified: 'Unverified',
} as const;

/** A place where a source article errs, what holds instead, and the evidence. Rendered as an editor's note. */
export function correctionSchema(references: References) {
  return z.strictObject({
    /** The claim's number in the fact-check, e.g. R8. */
    claim: z.string().regex(/^[RO]\d+$/, { error: 'expected a fact-check claim number such as R8 or O6' }),
    verdict: z.enum(Object.keys(VERDICTS) as [keyof typeof VERDICTS, ...(keyof typeof VERDICTS)[]]),
    article: references.sources,
    /** What the article says, in our words, completing "RBC-Ukraine …": "dates the war to 2022". */
    articleSays: ourWords,
    /** What holds, one or two sentences in our words. */
    fact: ourWords,
    evidence: z.array(citedSource(references)).min(1, { error: 'a correction needs at least one source as evidence' }),
  });
}
