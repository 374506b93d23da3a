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

/**
 * Characters of text beyond which the PDF printer prints an edition in parts and joins them
 * (src/editions/pdf-printer.ts): Chromium's cost per printed page grows with the page's length, so
 * parts of bounded size keep printing in proportion to the pages. About 80 printed pages; an edition of
 * a few chapters prints whole. PDF_PART_CHARACTERS says otherwise (the benchmark, the tests).
 */
export const PRINT_PART_CHARACTERS = Number(process.env['PDF_PART_CHARACTERS']) || 200_000;
