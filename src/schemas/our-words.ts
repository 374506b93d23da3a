import { z } from 'astro/zod';
import type { Root } from 'mdast';
import remarkSmartypants from 'remark-smartypants';
import { plainText } from './plain-text.ts';

/**
 * Our own words in data curled as chapter prose is: the same plugin, remark-smartypants, with the
 * same settings the chapters' pipeline gives it (src/markdown/processor.ts), run on the field
 * as one paragraph, so `don't` and "so-called" read don’t and “so-called” on the timeline as in a
 * chapter. Only fields written in our words use these schemas: quotations, evidence passages
 * (`passage`, `translated`), headlines, names and publishers keep the characters the editors copied.
 */
const curl = (remarkSmartypants as unknown as () => (tree: Root) => void)();

/** What the plugin changes: quotation marks and backticks, double and triple hyphens, dots in a row (spaced or not). */
const CURLABLE = /['"`]|--|\.\s?\./;

export function smartQuotes(text: string): string {
  // Most fields have nothing to curl; the plugin would still parse them into sentences and words
  // (0.5 s for the 5,000 data files of a 1,000-chapter site, in a profile).
  if (!CURLABLE.test(text)) return text;
  const value = { type: 'text' as const, value: text };
  curl({ type: 'root', children: [{ type: 'paragraph', children: [value] }] });
  return value.value;
}

/** A field of our own words (a summary, a note, a role): required, curled. */
export const ourWords = z.string().min(1).transform(smartQuotes);

/** Our own words that also appear in headings, attributes and metadata, so carry no markup (see plain-text.ts). */
export const ourPlainWords = plainText.transform(smartQuotes);
