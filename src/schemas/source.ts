import { z } from 'astro/zod';
import { partialDate } from './partial-date.ts';
import { plainText } from './plain-text.ts';
import type { References } from './reference.ts';
import { ourWords, smartQuotes } from './our-words.ts';

export const SOURCE_KINDS = {
  'news-report': 'News report',
  'official-statement': 'Official statement',
  reference: 'Reference',
} as const;

export type SourceKind = keyof typeof SOURCE_KINDS;

/**
 * A web address a reader can follow: absolute http(s), nothing a browser or a Markdown link would cut
 * or read differently (white space, quotes, angle brackets).
 */
export const webAddress = z
  .string()
  .regex(/^https?:\/\/[^\s<>"'`]+$/, {
    error: 'expected the full address of the page, starting http:// or https://, with no spaces or quotes',
  })
  .pipe(z.url({ protocol: /^https?$/, error: 'expected the full address of the page, starting http:// or https://' }));

/** One cited work. The id is the file name: `content/sources/oc-media-2023-11-15.yaml` is `[@oc-media-2023-11-15]`. */
export function sourceSchema(references: References) {
  return z
    .strictObject({
      /** The page's own headline, exactly, in its own language. */
      title: plainText.refine((title) => !/^\s*\[.*\]\s*$/.test(title), {
        error: "the page's real headline, not a description in [brackets]: copy the headline as the page prints it",
      }),
      /** The headline in English, where the page is in another language. */
      titleTranslated: plainText.optional(),
      publisher: plainText,
      /** Who publishes it: `content/outlets/<id>.yaml`, which says whether a state directs it. */
      outlet: references.outlets,
      url: webAddress,
      /** Required, except for reference pages (`kind: reference`), which change over time and carry `accessed` instead. */
      published: partialDate.optional(),
      /** Set when `published` is not printed on the page but worked out: say how, for readers. */
      publishedInferred: ourWords.optional(),
      /** The day the editors read the page. */
      accessed: partialDate,
      /** The agency whose story the page republishes (AP, Reuters, TASS). */
      via: plainText.optional(),
      /** An archived copy's address, only where the editors read the page there; never constructed. */
      archived: webAddress.optional(),
      /** BCP 47 code of the language the page is written in, e.g. `en`, `ru`, `hy`. */
      language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, { error: 'expected a language code such as en, ru or hy' }),
      kind: z.enum(Object.keys(SOURCE_KINDS) as [SourceKind, ...SourceKind[]], {
        error: `expected one of: ${Object.keys(SOURCE_KINDS).join(', ')}`,
      }),
      author: z.array(plainText).optional(),
      /** A short note for readers, e.g. what a reference page is good for. */
      note: z.string().transform(smartQuotes).optional(),
    })
    .refine((source) => source.published !== undefined || source.kind === 'reference', {
      error: 'the date the page was published (YYYY-MM-DD, or YYYY-MM / YYYY when only that is known); only reference pages may omit it',
      path: ['published'],
    })
    .refine((source) => source.titleTranslated !== undefined || source.language === 'en' || source.language.startsWith('en-'), {
      error: 'an English translation of the headline (`titleTranslated`), since the page is not in English',
      path: ['titleTranslated'],
    });
}

export type Source = z.output<ReturnType<typeof sourceSchema>>;
