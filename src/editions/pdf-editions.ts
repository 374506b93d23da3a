import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { cacheKey, cachedArtefact, packageVersions } from '../build/build-cache.ts';
import { CHROMIUM_INSTALL_HINT, findChromium } from '../build/chromium.ts';
import { groupExplainers, type ChapterLike } from '../data/explainer-structure.ts';
import { pdfPath, wholeExplainerPath } from '../routes.ts';
import { SITE } from '../site.config.ts';
import { filesLoadedBy } from './page-assets.ts';
import { withMetadata, pdfText } from './pdf-document.ts';
import { Printer } from './pdf-printer.ts';
import { PDF_PAPER } from './pdf-settings.ts';
import { expectedEdition, problemsInPrinted } from './printed-edition-check.ts';

/**
 * The PDF edition of each explainer, written after the build from its whole-explainer page
 * (`<explainer>/all/`) by Chromium, through Playwright. The page's print stylesheet does the layout:
 * a title page (title, period covered, last update, canonical address), every chapter with its notes,
 * one list of sources, and "Page X of Y" with the explainer's title in the margins. pdf-lib then sets
 * the document's own metadata (title, author, subject, language), which Chromium leaves empty.
 *
 * The built site is served from a local port (the pages use site-absolute paths for their CSS) and
 * every other request is refused, so this works offline and takes a few seconds. The printer prints
 * that page and nothing else (see Printer), turns links to other pages of the local site into links
 * to the published site (data-pdf-site), and checks the PDF's text against the page's HTML (title,
 * chapters, notes: src/editions/printed-edition-check.ts) before anything is written: a build never says
 * it printed an edition that is not the explainer. pdf-lib then names the outline's entries from
 * the headings' own text. Paper: A4, or US Letter with PDF_PAPER=letter.
 *
 * Printing is the slowest step of a build (2 s for this explainer, minutes for a very long one), so
 * an edition is kept in the build cache under a hash of what it is printed from: the page, the
 * stylesheets, fonts and images that page loads (src/editions/page-assets.ts; not the rest of `_astro/`,
 * so a stylesheet another page uses does not reprint it), this file, and the browser (its path and
 * Playwright's version: a browser upgraded in place at the same path is not noticed). A build whose
 * explainer did not change copies the kept PDF instead of printing it again. A site of many
 * explainers has its editions printed side by side, one per core (PDF_PARALLEL=n says otherwise),
 * in one browser.
 *
 * Chromium: the one findChromium finds (CHROMIUM_PATH, Playwright's own, then the system's).
 *
 * The edition's metadata (title, subject, date) comes from the explainer's data, as its page's does.
 *
 * PDF_EDITION=off skips it, for a quick local build and for the benchmark, which times the edition
 * on its own (it grows with the explainer's length, not with the number of pages). CI, the tests and
 * deploys always make it.
 */
/** One explainer's PDF edition: the page it is printed from, where it goes, and the document's own metadata. */
export interface PdfEdition {
  /** The one-page edition's HTML file, inside the built site. */
  page: string;
  /** The PDF, inside the built site. */
  file: string;
  title: string;
  subject: string;
  author: string;
  /** The explainer's last change of substance (ISO date): the document's modification date. */
  updated: string;
  lang: string;
}

/** The editions of the explainers these chapters make, from their data (the overview's frontmatter and the site's settings). */
export function pdfEditionsOf(chapters: ChapterLike[]): PdfEdition[] {
  return groupExplainers(chapters).map(({ id, overview }) => ({
    page: `${wholeExplainerPath(id)}index.html`,
    file: pdfPath(id),
    title: overview.data.title,
    subject: overview.data.dek,
    author: SITE.name,
    updated: overview.data.updated.iso,
    lang: SITE.lang,
  }));
}

/** How an edition is made, as part of its cache key: the code that prints it and the check it passes. */
const RECIPE = ['pdf-editions.ts', 'pdf-printer.ts', 'pdf-document.ts', 'printed-edition-check.ts'].map((file) =>
  readFileSync(new URL(file, import.meta.url)),
);

/**
 * Prints every edition into the built site at `root`, served under `base`; `site` is the published
 * site's address (base path included), where links to other pages lead on paper.
 */
export async function writePdfEditions(
  root: string,
  { base, site }: { base: string; site: string },
  editions: PdfEdition[],
  logger: AstroIntegrationLogger,
): Promise<void> {
  const started = performance.now();
  const executablePath = findChromium();
  if (!executablePath || !existsSync(executablePath)) {
    throw new Error(
      `The PDF edition needs Chromium, and ${executablePath ? `CHROMIUM_PATH names ${executablePath}, which does not exist` : 'none was found'}: ` +
        `${CHROMIUM_INSTALL_HINT}. To build without the PDF edition, set PDF_EDITION=off.`,
    );
  }
  // One browser for every edition, started only when one must be printed.
  let printer: Promise<Printer> | undefined;
  const printerFor = () => (printer ??= Printer.start(root, base, executablePath));
  let printed = 0;
  try {
    // Editions are printed side by side, each in a page of its own (Chromium lays each out in a
    // renderer process of its own), up to one per core: more would only share the cores and hold
    // more pages in memory at once, so memory stays flat however many explainers the site has.
    const parallel = Math.max(1, Math.min(editions.length, printingParallelism()));
    const queue = [...editions];
    const worker = async () => {
      for (let edition = queue.shift(); edition !== undefined; edition = queue.shift()) {
        try {
          if (await writePdfEdition(root, { base, site }, edition, executablePath, printerFor, logger)) printed++;
        } catch (error) {
          queue.length = 0; // one edition failed: start no other, and let those under way finish before the browser closes
          throw error;
        }
      }
    };
    const failed = (await Promise.allSettled(Array.from({ length: parallel }, worker))).find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  } finally {
    await (await printer?.catch(() => undefined))?.close();
  }
  logger.info(
    `PDF editions written in ${Math.round(performance.now() - started)} ms (${printed} of ${editions.length} printed, ` +
      `the rest from the build cache)`,
  );
}

/** Editions printed at once: PDF_PARALLEL, or one per core the machine has. */
function printingParallelism(): number {
  const asked = Number(process.env['PDF_PARALLEL']);
  return Number.isInteger(asked) && asked >= 1 ? asked : availableParallelism();
}

/**
 * One explainer's edition, from the build cache or printed. Its cache key holds the page and the
 * files that page loads (filesLoadedBy: its stylesheets, their fonts, its images), not every file in
 * `_astro/`, so a stylesheet that only other pages use does not reprint it. Returns whether it was printed.
 */
async function writePdfEdition(
  root: string,
  { base, site }: { base: string; site: string },
  edition: PdfEdition,
  executablePath: string,
  printerFor: () => Promise<Printer>,
  logger: AstroIntegrationLogger,
): Promise<boolean> {
  const page = join(root, edition.page);
  if (!existsSync(page))
    throw new Error(`The PDF edition of ${edition.file} is printed from ${edition.page}, which the build did not write.`);
  const html = await readFile(page);
  const url = `${base}${edition.page.replace(/index\.html$/, '')}`;
  const loaded = filesLoadedBy(root, html.toString(), url);
  const assets = cacheKey(
    ...loaded.flatMap((file) => {
      const where = join(root, file);
      // A reference to no file (or to a folder) is in the key by its name alone; a file there later changes it.
      return [file, existsSync(where) && statSync(where).isFile() ? readFileSync(where) : '(no file)'];
    }),
  );
  let printedPages: number | undefined;
  const pdf = await cachedArtefact(
    'pdf-edition',
    cacheKey(
      html,
      assets,
      JSON.stringify(edition),
      site,
      ...RECIPE,
      PDF_PAPER,
      executablePath,
      ...packageVersions(['playwright-core', 'pdf-lib']),
    ),
    'pdf',
    async () => {
      const printer = await printerFor();
      const { pdf: raw, headings, settled } = await printer.print(url, site);
      if (!settled) {
        logger.warn(
          `${edition.file}: its page numbers had not settled after the most prints allowed, so a page reference or ` +
            '"of Y" in it may be a page off. It is written all the same; a change to the explainer usually settles it.',
        );
      }
      const problems = problemsInPrinted(expectedEdition(html.toString(), edition.title), await pdfText(raw));
      if (problems.length > 0) {
        throw new Error(
          `The PDF edition printed from ${url} is not the explainer, so ${edition.file} was not written:\n  ${problems.join('\n  ')}`,
        );
      }
      const printed = await withMetadata(raw, edition, url, headings);
      printedPages = printed.pages;
      return printed.bytes;
    },
  );
  await writeFile(join(root, edition.file), pdf);
  const how = printedPages === undefined ? 'unchanged, from the build cache' : `${printedPages} pages, printed`;
  logger.info(`${edition.file}: ${Math.round(pdf.length / 1024)} kB, ${how}`);
  return printedPages !== undefined;
}
