/**
 * The PDF edition's settings, read from the environment once. Its address and the one-page
 * edition's are in src/routes.ts.
 */

/**
 * Whether this build prints the PDF editions. PDF_EDITION=off skips them (a quick local build, the
 * benchmark); pages then link to no PDF, since none is published.
 */
export const PDF_EDITION_ENABLED = process.env['PDF_EDITION'] !== 'off';

/**
 * The PDF edition's paper: A4 unless PDF_PAPER=letter asks for US Letter. The print stylesheet's
 * margins and measure suit both; a reader printing a page from the browser gets their own paper.
 */
export const PDF_PAPER: 'A4' | 'Letter' = process.env['PDF_PAPER']?.toLowerCase() === 'letter' ? 'Letter' : 'A4';
