import { readDataCollections } from '../../src/data/catalog.ts';
import { SITE } from '../../src/site.config.ts';

/** The widths every page is checked at: a phone and a desktop. 200% and 400% zoom are `ZOOMED`. */
export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
} as const;

/** A 1280 × 900 window at 200% zoom lays out as 640 × 450 CSS pixels; at 400%, 320 × 225 (WCAG 1.4.10). */
export const ZOOMED = { '200%': { width: 640, height: 450 }, '400%': { width: 320, height: 225 } } as const;

/** Sources whose page is in another language than the edition's, with that language (read as the build reads them, from CONTENT_ROOT). */
export function nonEnglishSources(): { id: string; language: string }[] {
  return [...readDataCollections().data.sources]
    .map(([id, { language }]) => ({ id, language }))
    .filter(({ language }) => language.split('-')[0] !== SITE.lang);
}
