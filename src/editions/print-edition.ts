/**
 * Where an explainer's print editions live, relative to the site's base path. One module, read by the
 * pages that link to them and by the build step that writes the PDF (src/integrations/pdf-edition.ts).
 */

/** The folder of an explainer that holds it whole on one page. */
export const WHOLE_EXPLAINER_FOLDER = 'all';

/** The whole explainer on one page: `armenia-belarus-csto/all/`. */
export function wholeExplainerPath(explainerId: string): string {
  return `${explainerId}/${WHOLE_EXPLAINER_FOLDER}/`;
}

/** The PDF edition, written at build time from the whole-explainer page: `armenia-belarus-csto/armenia-belarus-csto.pdf`. */
export function pdfPath(explainerId: string): string {
  return `${explainerId}/${explainerId}.pdf`;
}

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
