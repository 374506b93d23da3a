import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { CHROMIUM_ARGS } from '../build/chromium.ts';
import { startStaticServer } from '../build/static-server.ts';
import { pdfText } from './pdf-document.ts';
import { joinPrintedParts } from './pdf-join.ts';
import { PDF_PAPER, PRINT_PART_CHARACTERS } from './pdf-settings.ts';

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
  /** Characters of text a part printed on its own may hold (see printInParts). */
  private readonly partCharacters: number;

  private constructor(
    browser: Browser,
    context: BrowserContext,
    { origin, base, partCharacters }: { origin: string; base: string; partCharacters: number },
    closeServer: () => void,
  ) {
    this.browser = browser;
    this.context = context;
    this.origin = origin;
    this.localSite = `${origin}${base}`;
    this.partCharacters = partCharacters;
    this.closeServer = closeServer;
  }

  static async start(root: string, base: string, executablePath: string, partCharacters = PRINT_PART_CHARACTERS): Promise<Printer> {
    const { server, origin } = await startStaticServer({ root, base });
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ javaScriptEnabled: false });
    return new Printer(browser, context, { origin, base, partCharacters }, () => server.close());
  }

  /**
   * The page at `path` as a PDF, with its links made to work on paper, and its headings as the
   * outline should name them, and in how many parts it was printed (see printInParts). Throws if the
   * page did not load whole or tried to go elsewhere.
   *
   * What a print decides is written into the page and it is printed again, until a print agrees
   * with what was written in (at most MAX_PRINTS prints):
   *
   * - Run-on chapters. Each chapter starts a page of its own (a named page, for its running head).
   *   Where that would leave the page before it holding a few lines of the last chapter's notes, the
   *   two chapters run on instead: both lose their page name (and so their own running head) and the
   *   second starts under the first's notes. Decided from the first two prints only, so that a chapter
   *   that runs on cannot make another stop running on, and back.
   * - Page numbers (the contents; the pages that cite a source or name a person): Chromium has no
   *   target-counter(), so the pages are read from the printed file's destinations. The contents'
   *   numbers sit in space it already keeps; the lists of people and sources come after every place
   *   they refer to, so their numbers move only what follows them.
   * - Printed in parts, "Page X of Y" gives as Y the page count of the print before.
   *
   * All three are settled in the same rounds, each round writing in the whole of what is decided so
   * far (writing it again changes nothing), so nothing a print got wrong stays in the page: a page
   * reference hidden as a repeat under last round's numbers shows again if it no longer is one.
   * `settled` is false when the last print allowed still disagreed with what was written into it:
   * the PDF is kept, but some page number or "of Y" in it may be off, and the caller says so.
   */
  async print(path: string, site: string): Promise<{ pdf: Uint8Array; headings: Heading[]; parts: number; settled: boolean }> {
    const url = `${this.origin}${path}`;
    const refused: string[] = [];
    const leaving = () =>
      new Error(
        `The PDF edition's page ${url} tried to leave for ${[...new Set(refused)].join(', ')}; ` +
          'the printer refuses to print anything but the page it was asked for. Look for a <meta http-equiv="refresh">, ' +
          'a script or a form in the explainer.',
      );
    let page: Page | undefined;
    try {
      let written: Written = { runOn: [], pages: undefined, pageCount: 0 };
      page = await this.open(url, refused);
      await page.evaluate(paperLinks, { site, local: this.localSite });
      const headings = await page.evaluate(headingsOf);
      // The parts of the edition by their ids (each chapter, and the closing index of sources), and the elements whose pages are given.
      const chapters = await page.$$eval('[data-chapter], [data-edition-part]', (parts) => parts.map((part) => part.id));
      const ids = await page.$$eval('[data-page-of]', (links) => [...new Set(links.map((link) => link.getAttribute('data-page-of')!))]);
      for (let round = 1; ; round++) {
        await page.evaluate(markRunOn, { runOn: written.runOn, chapters });
        if (written.pages) await page.evaluate(writePageNumbers, written.pages);
        const printed = await printInParts(page, this.partCharacters, written.pageCount);
        const found: Written = {
          runOn: round <= 2 ? [...new Set([...written.runOn, ...(await runOnChapters(printed, chapters))])] : written.runOn,
          pages: ids.length > 0 ? await printed.pagesOf(ids) : undefined,
          pageCount: printed.parts.length > 1 ? printed.pages : 0,
        };
        const settled = agrees(found, written);
        if (settled || round === MAX_PRINTS) {
          const pdf = await printed.joined();
          if (refused.length > 0 || page.url().split('#')[0] !== url) throw leaving();
          return { pdf, headings, parts: printed.parts.length, settled };
        }
        written = found;
      }
    } catch (error) {
      // A navigation that was refused can surface as any error of what came after it ("execution context destroyed").
      if (refused.length > 0) throw leaving();
      throw error;
    } finally {
      await page?.close();
    }
  }

  /**
   * A new page with `url` loaded for print, its fonts ready. Any request outside the local site is
   * refused, and any navigation after the first is refused and recorded in `refused`.
   */
  private async open(url: string, refused: string[]): Promise<Page> {
    const page = await this.context.newPage();
    const failures: string[] = [];
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
    try {
      // Loaded for the screen, then switched to print: elements that Chromium first lays out for print
      // get a link annotation per box in the PDF (three for a note marker) instead of one.
      await page.goto(url, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      // A refresh with a delay of zero fires at once; give any that are due a moment to try.
      await page.waitForTimeout(50);
      if (failures.length > 0) throw new Error(`The PDF edition's page ${url} did not load whole: ${failures.join(', ')}`);
      return page;
    } catch (error) {
      await page.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
    this.closeServer();
  }
}

/** The most times an edition is printed while what is written into it settles (Printer.print). */
const MAX_PRINTS = 6;

/** What the printer writes into the page before a print: run-on chapters, page numbers by id, and "of Y" for a print in parts (0: none). */
interface Written {
  runOn: string[];
  pages: Record<string, number> | undefined;
  pageCount: number;
}

/** Whether a print found what was written into it: nothing more runs on, every page number holds, and so does "of Y". */
function agrees(found: Written, written: Written): boolean {
  const samePages = (a: Record<string, number>, b: Record<string, number>) =>
    Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([id, page]) => b[id] === page);
  // Run-on chapters only accumulate (found holds written's), so their number says whether any is new.
  return (
    found.runOn.length === written.runOn.length &&
    (found.pages === undefined || (written.pages !== undefined && samePages(found.pages, written.pages))) &&
    found.pageCount === written.pageCount
  );
}

/** The chapters (after the first) whose page before holds only a few lines, of the chapter before's notes (isSpillOver). */
async function runOnChapters(printed: Printed, chapters: string[]): Promise<string[]> {
  if (chapters.length < 2) return [];
  const starts = await printed.pagesOf(chapters);
  const text = await printed.text();
  return chapters.filter((key, index) => {
    const start = starts[key];
    return index > 0 && start !== undefined && start > 1 && isSpillOver(text[start - 2] ?? '');
  });
}

const PDF_OPTIONS = { format: PDF_PAPER, printBackground: false, outline: true, tagged: true, preferCSSPageSize: false } as const;

/**
 * The page printed, whole, or in parts where it is long. Chromium's print of one page costs more per
 * printed page the longer the page (docs/performance.md), so a page holding more than `partCharacters`
 * characters of text is printed part by part, each time with the rest hidden; the parts of the print
 * that is kept are joined with their tags, links and outline (Printed, pdf-join.ts). A part ends only where a page ends anyway: before a
 * chapter, or the closing lists, that starts a page of its own. Each part's page numbers continue the
 * part before's, and "of Y" gives `pageCount`, the count of the last print (Printer.print prints again if it changed).
 */
async function printInParts(page: Page, partCharacters: number, pageCount: number): Promise<Printed> {
  const parts = await page.evaluate(markParts, partCharacters);
  if (parts === 1) return new Printed([await page.pdf(PDF_OPTIONS)]);
  const printed = new Printed([]);
  try {
    for (let part = 0; part < parts; part++) {
      await page.evaluate(showPart, { part, firstPage: printed.pages + 1, pageCount });
      await printed.add(await page.pdf(PDF_OPTIONS));
    }
  } finally {
    await page.evaluate(showPart, null);
  }
  return printed;
}

/**
 * One print of the page, as the parts Chromium printed. Between rounds of printing only the pages'
 * text and where elements start are read, and those come from the parts themselves (each part's pages
 * follow the part before's), so the parts are joined once, for the print that is kept.
 */
class Printed {
  readonly parts: Uint8Array[];
  /** Each part read by pdf-lib, once, when first needed. */
  private readonly documents: PDFDocument[] = [];
  /** The pages printed so far, counted as parts are added. */
  pages = 0;

  constructor(parts: Uint8Array[]) {
    this.parts = parts;
  }

  async add(part: Uint8Array): Promise<void> {
    this.parts.push(part);
    this.pages += (await this.document(this.parts.length - 1)).getPageCount();
  }

  private async document(index: number): Promise<PDFDocument> {
    return (this.documents[index] ??= await PDFDocument.load(this.parts[index]!, { updateMetadata: false }));
  }

  /** The text of each page, in order. */
  async text(): Promise<string[]> {
    const pages: string[] = [];
    for (const part of this.parts) pages.push(...(await pdfText(part)));
    return pages;
  }

  /** The page (from 1) on which each element starts, by id, from the parts' named destinations. */
  async pagesOf(ids: string[]): Promise<Record<string, number>> {
    const pages: Record<string, number> = {};
    let before = 0;
    for (const index of this.parts.keys()) {
      const pdf = await this.document(index);
      const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
      const pageOf = new Map(pdf.getPages().map((page, number) => [page.ref.toString(), before + number + 1]));
      for (const id of ids) {
        const number = pageOf.get(dests?.lookupMaybe(PDFName.of(id), PDFArray)?.get(0).toString() ?? '');
        if (number && pages[id] === undefined) pages[id] = number;
      }
      before += pdf.getPageCount();
    }
    return pages;
  }

  /** The PDF: the print, or its parts joined into one with their tags, links and outline (pdf-join.ts). */
  async joined(): Promise<Uint8Array> {
    if (this.parts.length === 1) return this.parts[0]!;
    return joinPrintedParts(await Promise.all(this.parts.map((_, index) => this.document(index))));
  }
}

/**
 * Runs in the page: cuts it into parts of about `limit` characters of text, and marks every element
 * with its part (`data-print-part`). The page is read as a sequence of blocks, the chapters and closing
 * lists and whatever stands between them; a new part starts at a chapter or list that starts a page
 * of its own, once the part before holds `limit` characters. Whether it does is read from its style
 * for print, so print.css stays the one place that says it: a forced break before it, or a named page
 * (each chapter's, for its running head: a change of named page is a page break). Two chapters that run
 * on have neither, so a part never starts at one. Returns the number of parts.
 *
 * The elements that hold the blocks (the body, the article) are split between parts, and each part's
 * print tags its own copy of them. So that the join can tell those copies apart from the blocks and make
 * them one again, each such container is given a private-use language subtag (`en-x-c1`), which Chromium
 * writes into its struct element (/Lang) and the join removes (pdf-join.ts); the elements it holds are
 * given its language as it was, so no text changes language.
 */
function markParts(limit: number): number {
  const parts = '[data-chapter], [data-edition-part]';
  const blocks: Element[] = [];
  const containers: Element[] = [];
  const visit = (parent: Element) => {
    for (const child of parent.children) {
      if (child.matches(parts) || !child.querySelector(parts)) blocks.push(child);
      else {
        containers.push(child);
        visit(child);
      }
    }
  };
  visit(document.body);
  const startsPage = (block: Element) => {
    const style = getComputedStyle(block);
    return style.breakBefore === 'page' || !['', 'auto'].includes(style.getPropertyValue('page'));
  };
  let part = 0;
  let size = 0;
  let first = true;
  for (const block of blocks) {
    if (block.matches(parts)) {
      // The title and contents pages print with the first chapter: a part of their own would cost a print for two pages.
      if (!first && size >= limit && startsPage(block)) [part, size] = [part + 1, 0];
      first = false;
    }
    block.setAttribute('data-print-part', String(part));
    size += block.textContent?.length ?? 0;
  }
  if (part > 0) {
    const marked = [document.body, ...containers];
    const children = marked.flatMap((container) => [...container.children].filter((child) => !marked.includes(child)));
    // Each element's language as the page gives it, read once, before the first marks change it.
    for (const element of [...marked, ...children]) {
      if (!element.hasAttribute('data-print-lang'))
        element.setAttribute('data-print-lang', element.closest('[lang]')?.getAttribute('lang') ?? '');
    }
    marked.forEach((container, index) =>
      container.setAttribute('lang', `${container.getAttribute('data-print-lang') || 'und'}-x-c${index}`),
    );
    // What they hold keeps its language: a private-use subtag could change how its lines break.
    for (const child of children) child.setAttribute('lang', child.getAttribute('data-print-lang')!);
  }
  return part + 1;
}

/**
 * Runs in the page: shows one part for printing and hides the others, and numbers its pages from
 * `firstPage` of `pageCount`: every margin box that gives `counter(pages)` (print.css: "Page X of Y")
 * gives `pageCount` instead. A later part's first page is not the document's: it gets the margin
 * boxes of any page, not those that `@page :first` changes (the explainer's title, which the title
 * page leaves out). The rules are read from the page's own style sheets, so print.css stays the one
 * place they are written. Null shows the page whole again.
 */
function showPart(part: { part: number; firstPage: number; pageCount: number } | null): void {
  // A constructed style sheet: the page's Content-Security-Policy refuses a <style> element it has no hash for.
  const rules = document.adoptedStyleSheets.filter((sheet) => !(sheet as { printParts?: true }).printParts);
  if (part) {
    const margins: { page: string; name: string; css: string }[] = [];
    const read = (list: CSSRuleList) => {
      for (const rule of list) {
        if (rule instanceof CSSPageRule) {
          // Margin rules (CSSMarginRule: `@top-left { … }`) are the page rule's own rules.
          for (const margin of (rule as CSSPageRule & { cssRules: CSSRuleList }).cssRules) {
            const { name, style } = margin as CSSRule & { name: string; style: CSSStyleDeclaration };
            margins.push({ page: rule.selectorText, name, css: style.cssText.replaceAll('counter(pages)', `"${part.pageCount}"`) });
          }
        } else if (rule instanceof CSSGroupingRule) read(rule.cssRules);
      }
    };
    for (const sheet of document.styleSheets) read(sheet.cssRules);
    const counted = margins.filter(({ css }) => css.includes(`"${part.pageCount}"`));
    const anyPage = (name: string) => margins.filter((margin) => margin.page === '' && margin.name === name).map(({ css }) => css);
    const firstPage = new Set(margins.filter(({ page }) => page === ':first').map(({ name }) => name));
    const sheet = Object.assign(new CSSStyleSheet(), { printParts: true });
    sheet.replaceSync(
      `[data-print-part]:not([data-print-part="${part.part}"]) { display: none !important; }\n` +
        counted.map(({ page, name, css }) => `@page ${page} { @${name} { ${css} } }`).join('\n') +
        (part.part === 0
          ? ''
          : `\n@page :first { counter-increment: page ${part.firstPage}; ` +
            [...firstPage].map((name) => `@${name} { content: none; ${anyPage(name).join(' ')} }`).join(' ') +
            ' }'),
    );
    rules.push(sheet);
  }
  document.adoptedStyleSheets = rules;
}

/**
 * Runs in the page, before printing. Every link must lead somewhere for the PDF's reader: a link
 * within the page stays a link within the page (Chromium makes it a link to a destination in the
 * PDF); a link to another page of the local site leads to the same page on the published site
 * (`site`), never to the build's local server, and is marked `site-link` so that print.css does not
 * print its address after it as it does for other sites' links (a name is not followed by a URL).
 */
function paperLinks({ site, local }: { site: string; local: string }): void {
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
}

/**
 * Runs in the page: its headings in order, as printed, with their text as written (Chromium's
 * outline joins the lines of a wrapped heading without a space).
 */
function headingsOf(): Heading[] {
  return [...document.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')]
    .filter((heading) => heading.offsetParent !== null || heading.getClientRects().length > 0)
    .map((heading) => ({ level: Number(heading.tagName[1]), text: (heading.textContent ?? '').replace(/\s+/g, ' ').trim() }));
}

/** Runs in the page: marks each chapter that runs on, and the one before it (print.css). */
function markRunOn({ runOn, chapters }: { runOn: string[]; chapters: string[] }): void {
  for (const key of runOn) {
    for (const chapter of [key, chapters[chapters.indexOf(key) - 1]!]) document.getElementById(chapter)?.setAttribute('data-run-on', '');
  }
}

/**
 * Runs in the page, before a print: writes each page number into its `[data-page-of]` element. In a
 * list of page references (`[data-page-refs]`, src/components/explainer/PageRefs.astro) a page already
 * given is hidden, and the list says how many are left ("p." or "pp."); a list with none is hidden.
 * Hidden rather than removed, so that the next round, with other numbers, can show them again.
 */
export function writePageNumbers(pages: Record<string, number>): void {
  for (const element of document.querySelectorAll('[data-page-of]')) {
    const number = pages[element.getAttribute('data-page-of')!];
    element.textContent = number === undefined ? '' : String(number);
  }
  const hide = (element: HTMLElement, hidden: boolean) => element.style.setProperty('display', hidden ? 'none' : null);
  for (const list of document.querySelectorAll<HTMLElement>('[data-page-refs]')) {
    const given = new Set<string>();
    for (const [index, link] of [...list.querySelectorAll<HTMLElement>('[data-page-of]')].entries()) {
      const text = link.textContent ?? '';
      const shown = text !== '' && !given.has(text);
      hide(link, !shown);
      if (index > 0) {
        // Commas between the numbers shown, outside the links (a comma in a link's ::before would make it a link of its own).
        const before = link.previousSibling;
        const separator = before?.nodeType === Node.TEXT_NODE ? before : list.insertBefore(document.createTextNode(''), link);
        separator.textContent = shown && given.size > 0 ? ', ' : '';
      }
      if (shown) given.add(text);
    }
    list.dataset.count = String(given.size);
    hide(list, given.size === 0);
  }
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
