import { z } from 'astro/zod';

/**
 * Text printed in headings, entries and metadata. citeproc reads a few HTML tags as formatting
 * (<i>, <b>, <sup>, <sc>, <span style=…>) and passes them into the page, and a title is also placed
 * in attributes and JSON-LD; so no such field may hold markup. (`<` and `>` alone are fine.)
 */
export const plainText = z
  .string()
  .min(1)
  .refine((text) => !/<\/?[a-z][^>]*>/i.test(text), { error: 'plain text, without HTML tags such as <b> or <i>' });
