import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The widths every page is checked at: a phone and a desktop. 200% and 400% zoom are `ZOOMED`. */
export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
} as const;

/** A 1280 × 900 window at 200% zoom lays out as 640 × 450 CSS pixels; at 400%, 320 × 225 (WCAG 1.4.10). */
export const ZOOMED = { '200%': { width: 640, height: 450 }, '400%': { width: 320, height: 225 } } as const;

/** The content tree the site was built from (CONTENT_ROOT, as in the build). */
const contentRoot = process.env['CONTENT_ROOT'] ?? 'content';

/** Sources whose page is in another language than the edition's, with that language. */
export function nonEnglishSources(): { id: string; language: string }[] {
  const dir = join(contentRoot, 'sources');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => ({
      id: name.slice(0, -'.yaml'.length),
      language: String((parse(readFileSync(join(dir, name), 'utf8')) as { language?: string }).language),
    }))
    .filter(({ language }) => language.split('-')[0] !== 'en');
}
