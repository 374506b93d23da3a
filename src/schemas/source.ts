import { z } from 'astro/zod';
import { partialDate } from './partial-date';

export const SOURCE_KINDS = {
  'news-report': 'News report',
  'official-statement': 'Official statement',
  reference: 'Reference',
} as const;

export type SourceKind = keyof typeof SOURCE_KINDS;

/** One cited work. The id is the file name: `content/sources/oc-media-2023-11-15.yaml` is `[@oc-media-2023-11-15]`. */
export const sourceSchema = z.strictObject({
  title: z.string().min(1),
  publisher: z.string().min(1),
  url: z.url({ protocol: /^https?$/, error: 'expected the full address of the page, starting http:// or https://' }),
  /** Omitted when the page carries no date and none can be inferred. */
  published: partialDate.optional(),
  /** Set when `published` is not printed on the page but worked out: say how. */
  publishedInferred: z.string().min(1).optional(),
  /** BCP 47 code of the language the page is written in, e.g. `en`, `ru`, `hy`. */
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, { error: 'expected a language code such as en, ru or hy' }),
  kind: z.enum(Object.keys(SOURCE_KINDS) as [SourceKind, ...SourceKind[]], {
    error: `expected one of: ${Object.keys(SOURCE_KINDS).join(', ')}`,
  }),
  author: z.array(z.string().min(1)).optional(),
  /** A short note shown with the source, e.g. what a reference page is good for. */
  note: z.string().optional(),
});

export type Source = z.output<typeof sourceSchema>;
