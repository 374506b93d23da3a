import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { parse } from 'parse5';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { cacheKey, cachedArtefact, packageVersions } from '../build/build-cache.ts';
import { CHROMIUM_ARGS, CHROMIUM_INSTALL_HINT, findChromium } from '../build/chromium.ts';
import { wholeExplainerFilesIn } from '../build/built-files.ts';
import { filesLoadedBy } from '../editions/page-assets.ts';
import { attribute, findElement, hasAttribute } from '../build/parsed-html.ts';
import { PDF_EDITION_ENABLED, PDF_PAPER } from '../editions/print-edition.ts';
import { expectedEdition, problemsInPrinted, squash } from '../editions/printed-edition-check.ts';
import { startStaticServer } from '../build/static-server.ts';

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
 * PDF_EDITION=off skips it, for a quick local build and for the benchmark, which times the edition
 * on its own (it grows with the explainer's length, not with the number of pages). CI, the tests and
 * deploys always make it.
 */

/** What the whole-explainer page states about its edition, in data-pdf-* attributes. */
interface Edition {
  file: string;
  title: string;
  subject: string;
  author: string;
  updated: string;
  lang: string;
  /** The published site's canonical address, base path included: where links to other pages lead in the PDF. */
  site: string;
}

/** How an edition is made, as part of its cache key: this integration's own code and the check it passes. */
const RECIPE = readFileSync(fileURLToPath(import.meta.url));
const PRINTER_CODE = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../editions/printed-edition-check.ts'));

export function pdfEdition(): AstroIntegration {
  let base = '/';
  return {
    name: 'pdf-edition',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!PDF_EDITION_ENABLED) {
          logger.info('skipped (PDF_EDITION=off)');
          return;
        }
        const root = fileURLToPath(dir);
        const pages = wholeExplainerFilesIn(root);
        if (pages.length === 0) return;
        await writePdfEditions(root, base, pages, logger);
      },
    },
  };
}

export async function writePdfEditions(root: string, base: string, pages: string[], logger: AstroIntegrationLogger): Promise<void> {
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
    const parallel = Math.max(1, Math.min(pages.length, printingParallelism()));
    const queue = [...pages];
    const worker = async () => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        try {
          if (await writePdfEdition(root, base, path, executablePath, printerFor, logger)) printed++;
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
    `PDF editions written in ${Math.round(performance.now() - started)} ms (${printed} of ${pages.length} printed, ` +
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
  base: string,
  path: string,
  executablePath: string,
  printerFor: () => Promise<Printer>,
  logger: AstroIntegrationLogger,
): Promise<boolean> {
  const html = await readFile(join(root, path));
  const url = `${base}${path.split('/').slice(0, -1).join('/')}/`;
  const edition = editionOf(html.toString(), url);
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
    cacheKey(html, assets, RECIPE, PRINTER_CODE, PDF_PAPER, executablePath, ...packageVersions(['playwright-core', 'pdf-lib'])),
    'pdf',
    async () => {
      const printer = await printerFor();
      const { pdf: raw, headings } = await printer.print(url, edition.site);
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
  const target = join(root, normalize(edition.file));
  if (!target.startsWith(root)) throw new Error(`data-pdf-file "${edition.file}" points outside the built site.`);
  await writeFile(target, pdf);
  const how = printedPages === undefined ? 'unchanged, from the build cache' : `${printedPages} pages, printed`;
  logger.info(`${edition.file}: ${Math.round(pdf.length / 1024)} kB, ${how}`);
  return printedPages !== undefined;
}

/**
 * The edition's data-pdf-* attributes, read from the page's HTML without a browser. Only the tag
 * that carries them is parsed: the page itself can be megabytes.
 */
function editionOf(html: string, url: string): Edition {
  // Found by the HTML parser, not a pattern: a title may hold ">" or "</" in its attribute.
  const article = findElement(parse(html), (element) => hasAttribute(element, 'data-pdf-file'));
  const data = (name: string) => (article && attribute(article, `data-pdf-${name}`)) ?? '';
  const edition = {
    file: data('file'),
    title: data('title'),
    subject: data('subject'),
    author: data('author'),
    updated: data('updated'),
    lang: data('lang'),
    site: data('site'),
  };
  if (!edition.file) throw new Error(`${url} does not say where its PDF edition goes (data-pdf-file).`);
  if (!/^https?:\/\/[^/]+\//.test(edition.site)) throw new Error(`${url} does not give the site's canonical address (data-pdf-site).`);
  return edition;
}

/** A heading as printed: its level and its text, as the outline should name it. */
interface Heading {
  level: number;
  text: string;
}

/**
 * Chromium showing the built site from a local port, started only when an edition must be printed.
 *
 * It prints the page it was asked for and nothing else. The page has no script to run on paper, so
 * JavaScript is off; every request outside the local site is refused (offline by design); and once
 * the page has loaded, any navigation of the page (a `<meta http-equiv="refresh">`, a link followed,
 * a form, script from content if script were on) is aborted and recorded, and a recorded navigation
 * fails the print, so a redirect can never become the published PDF.
 */
export class Printer {
  private readonly browser: Browser;
  private readonly context: BrowserContext;
  private readonly origin: string;
  /** The local site's root, base path included. */
  private readonly localSite: string;
  private readonly closeServer: () => void;

  private constructor(browser: Browser, context: BrowserContext, origin: string, base: string, closeServer: () => void) {
    this.browser = browser;
    this.context = context;
    this.origin = origin;
    this.localSite = `${origin}${base}`;
    this.closeServer = closeServer;
  }

  static async start(root: string, base: string, executablePath: string): Promise<Printer> {
    const { server, origin } = await startStaticServer({ root, base });
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ javaScriptEnabled: false });
    return new Printer(browser, context, origin, base, () => server.close());
  }

  /**
   * The page at `path` as a PDF, with its links made to work on paper, and its headings as the
   * outline should name them. Throws if the page did not load whole or tried to go elsewhere.
   */
  async print(path: string, site: string): Promise<{ pdf: Uint8Array; headings: Heading[] }> {
    const url = `${this.origin}${path}`;
    const page = await this.context.newPage();
    const failures: string[] = [];
    const refused: string[] = [];
    let navigations = 0;
    await page.route('**/*', (route) => {
      const request = route.request();
      const target = request.url();
      // The first navigation is the one asked for; any other, even to the same page (a refresh), is refused.
      if (request.isNavigationRequest() && request.frame() === page.mainFrame() && (++navigations > 1 || target.split('#')[0] !== url)) {
        refused.push(target);
        return route.abort('blockedbyclient');
      }
      return target.startsWith(this.origin) ? route.continue() : route.abort('blockedbyclient');
    });
    page.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    });
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && frame.url().split('#')[0] !== url) refused.push(frame.url());
    });
    const leaving = () =>
      new Error(
        `The PDF edition's page ${url} tried to leave for ${[...new Set(refused)].join(', ')}; ` +
          'the printer refuses to print anything but the page it was asked for. Look for a <meta http-equiv="refresh">, ' +
          'a script or a form in the explainer.',
      );
    try {
      await page.goto(url, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      // A refresh with a delay of zero fires at once; give any that are due a moment to try.
      await page.waitForTimeout(50);
      if (failures.length > 0) throw new Error(`The PDF edition's page ${url} did not load whole: ${failures.join(', ')}`);
      const headings = await page.evaluate(paperLinks, { site, local: this.localSite });
      const print = () => page.pdf({ format: PDF_PAPER, printBackground: false, outline: true, tagged: true, preferCSSPageSize: false });
      let pdf = await print();
      // The parts of the edition by their ids: each chapter, and the closing index of sources.
      const chapters = await page.$$eval('[data-chapter], [data-edition-part]', (parts) => parts.map((part) => part.id));
      // Each chapter starts a page of its own (a named page, for its running head). Where that would
      // leave the page before it holding a few lines of the last chapter's notes, the two chapters
      // run on instead: both lose their page name (and so their own running head) and the second
      // starts under the first's notes. The pages are read from the printed file, and it is printed again.
      for (let round = 0; chapters.length > 1 && round < 2; round++) {
        const starts = await pagesOf(pdf, chapters);
        const text = await pdfText(pdf);
        const runOn = chapters.filter((key, index) => {
          const start = starts[key];
          return index > 0 && start !== undefined && start > 1 && isSpillOver(text[start - 2] ?? '');
        });
        const marked = await page.evaluate(
          ({ runOn, chapters }) => {
            let marks = 0;
            for (const key of runOn) {
              for (const chapter of [key, chapters[chapters.indexOf(key) - 1]!]) {
                const section = document.getElementById(chapter);
                if (section && !section.hasAttribute('data-run-on')) {
                  section.setAttribute('data-run-on', '');
                  marks++;
                }
              }
            }
            return marks;
          },
          { runOn, chapters },
        );
        if (marked === 0) break;
        pdf = await print();
      }
      // Page numbers (the contents; the pages that cite a source or name a person): Chromium has no
      // target-counter(), so the pages are read from the printed file's destinations, written in, and the
      // page printed again. The contents' numbers sit in space it already keeps; the lists of people
      // and sources come after every place they refer to, so their numbers move only what follows
      // them, which a further round catches.
      for (let round = 0; round < 3; round++) {
        const ids = await page.$$eval('[data-page-of]', (links) => [...new Set(links.map((link) => link.getAttribute('data-page-of')!))]);
        if (ids.length === 0) break;
        const changed = await page.evaluate(writePageNumbers, await pagesOf(pdf, ids));
        if (changed === 0) break;
        pdf = await print();
      }
      if (refused.length > 0 || page.url().split('#')[0] !== url) throw leaving();
      return { pdf, headings };
    } catch (error) {
      // A navigation that was refused can surface as any error of what came after it ("execution context destroyed").
      if (refused.length > 0) throw leaving();
      throw error;
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
    this.closeServer();
  }
}

/**
 * Runs in the page, before printing. Every link must lead somewhere for the PDF's reader: a link
 * within the page stays a link within the page (Chromium makes it a link to a destination in the
 * PDF); a link to another page of the local site leads to the same page on the published site
 * (`site`), never to the build's local server, and is marked `site-link` so that print.css does not
 * print its address after it as it does for other sites' links (a name is not followed by a URL). Returns the headings in order, with their text as
 * written (Chromium's outline joins the lines of a wrapped heading without a space).
 */
function paperLinks({ site, local }: { site: string; local: string }): Heading[] {
  // Printed here, the page gets page numbers: print.css shows the page references instead of note numbers.
  document.documentElement.setAttribute('data-paged', '');
  const here = location.href.split('#')[0];
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const target = new URL(link.getAttribute('href')!, location.href);
    if (target.href.split('#')[0] === here) {
      if (target.hash) link.setAttribute('href', target.hash);
      else link.removeAttribute('href');
    } else if (target.href.startsWith(local)) {
      link.setAttribute('href', site + target.href.slice(local.length));
      link.classList.add('site-link');
    } else if (target.origin === location.origin) {
      link.setAttribute('href', new URL(target.pathname + target.search + target.hash, site).href);
      link.classList.add('site-link');
    }
  }
  return [...document.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')]
    .filter((heading) => heading.offsetParent !== null || heading.getClientRects().length > 0)
    .map((heading) => ({ level: Number(heading.tagName[1]), text: (heading.textContent ?? '').replace(/\s+/g, ' ').trim() }));
}

/**
 * Runs in the page, between prints: writes each page number into its `[data-page-of]` element. In a
 * list of page references (`[data-page-refs]`, src/components/explainer/PageRefs.astro) a page already
 * given is dropped, and the list says how many are left ("p." or "pp."). Returns how many numbers changed.
 */
function writePageNumbers(pages: Record<string, number>): number {
  let changes = 0;
  for (const element of document.querySelectorAll('[data-page-of]')) {
    const number = pages[element.getAttribute('data-page-of')!];
    const text = number === undefined ? '' : String(number);
    if (element.textContent !== text) {
      element.textContent = text;
      changes++;
    }
  }
  for (const list of document.querySelectorAll<HTMLElement>('[data-page-refs]')) {
    const given = new Set<string>();
    for (const link of list.querySelectorAll('[data-page-of]')) {
      const text = link.textContent ?? '';
      if (text === '' || given.has(text)) {
        link.remove();
        changes++;
      } else given.add(text);
    }
    // Commas between the numbers, outside the links (a comma in a link's ::before would make it a link of its own).
    for (const link of [...list.querySelectorAll('[data-page-of]')].slice(1)) {
      const previous = link.previousSibling;
      if (previous?.nodeType === Node.TEXT_NODE) previous.textContent = ', ';
      else link.before(', ');
    }
    list.dataset.count = String(given.size);
    if (given.size === 0) list.remove();
  }
  return changes;
}

/** The page (from 1) on which each element starts, by id, from the PDF's named destinations. */
async function pagesOf(bytes: Uint8Array, ids: string[]): Promise<Record<string, number>> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const pageOf = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const pages: Record<string, number> = {};
  for (const id of ids) {
    const dest = dests?.lookupMaybe(PDFName.of(id), PDFArray);
    const number = dest && pageOf.get(dest.get(0).toString());
    if (number) pages[id] = number;
  }
  return pages;
}

/**
 * Lines of text on a page, the running head and the page number aside, below which a page that ends
 * a chapter counts as spill-over: a quarter of a page of notes or less.
 */
export const SPILL_OVER_LINES = 14;

/** Whether a page's text is only a few lines besides its running head and page number. */
export function isSpillOver(pageText: string): boolean {
  const lines = pageText.split('\n').filter((line) => line.trim() !== '' && !/^Page \d+ of \d+$/.test(line.trim()));
  return lines.length - 1 <= SPILL_OVER_LINES;
}

/** The text of each page of a PDF. */
async function pdfText(pdf: Uint8Array): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
  return text;
}

/**
 * The outline's titles from the headings' own text. Chromium writes each outline entry from the laid
 * out lines of its heading and loses the space where a heading wraps ("withBelarus"); each entry is
 * matched, in order, to the heading whose text is the same once white space is ignored.
 */
function retitleOutline(pdf: PDFDocument, headings: Heading[]): number {
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (!outlines) return 0;
  let next = 0;
  let retitled = 0;
  const visit = (item: PDFDict | undefined) => {
    for (let entry = item; entry; entry = entry.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = entry.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText() ?? '';
      const index = headings.findIndex((heading, position) => position >= next && squash(heading.text) === squash(title));
      if (index >= 0) {
        next = index + 1;
        if (headings[index]!.text !== title) {
          entry.set(PDFName.of('Title'), PDFHexString.fromText(headings[index]!.text));
          retitled++;
        }
      }
      visit(entry.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  visit(outlines.lookupMaybe(PDFName.of('First'), PDFDict));
  return retitled;
}

/** The document's own metadata, which Chromium leaves empty. */
async function withMetadata(
  printed: Uint8Array,
  edition: Edition,
  path: string,
  headings: Heading[],
): Promise<{ bytes: Uint8Array; pages: number }> {
  const pdf = await PDFDocument.load(printed, { updateMetadata: false });
  retitleOutline(pdf, headings);
  pdf.setTitle(edition.title, { showInWindowTitleBar: true });
  pdf.setAuthor(edition.author);
  pdf.setSubject(edition.subject);
  pdf.setLanguage(edition.lang);
  pdf.setCreator(`${edition.author}, from ${path}`);
  pdf.setProducer('Chromium (Playwright) and pdf-lib');
  pdf.setCreationDate(new Date());
  // The explainer's own date of its last change (data-pdf-updated), not the moment of printing.
  pdf.setModificationDate(new Date(edition.updated));
  return { bytes: await pdf.save(), pages: pdf.getPageCount() };
}
