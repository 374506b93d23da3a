import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { CHROMIUM_ARGS } from '../build/chromium.ts';
import { startStaticServer } from '../build/static-server.ts';
import { pdfText } from './pdf-document.ts';
import { PDF_PAPER } from './pdf-settings.ts';

/** A heading as printed: its level and its text, as the outline should name it. */
export interface Heading {
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
