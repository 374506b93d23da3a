import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { parseFragment } from 'parse5';
import { PDFDocument } from 'pdf-lib';
import { cacheKey, cachedArtefact, packageVersions } from '../lib/build-cache';
import { CHROMIUM_ARGS, CHROMIUM_INSTALL_HINT, findChromium } from '../lib/chromium';
import { wholeExplainerFilesIn } from '../lib/built-files';
import { attribute, type Element } from '../lib/parsed-html';
import { PDF_EDITION_ENABLED } from '../lib/print-edition';
import { startStaticServer } from '../lib/static-server';

/**
 * The PDF edition of each explainer, written after the build from its whole-explainer page
 * (`<explainer>/all/`) by Chromium, through Playwright. The page's print stylesheet does the layout:
 * a title page (title, period covered, last update, canonical address), every chapter with its notes,
 * one list of sources, and "Page X of Y" with the explainer's title in the margins. pdf-lib then sets
 * the document's own metadata (title, author, subject, language), which Chromium leaves empty.
 *
 * The built site is served from a local port (the pages use site-absolute paths for their CSS) and
 * every other request is refused, so this works offline and takes a few seconds.
 *
 * Printing is the slowest step of a build (2 s for this explainer, minutes for a very long one), so
 * an edition is kept in the build cache under a hash of what it is printed from: the page, the
 * stylesheets and fonts it loads (all of `_astro/`), this file, and the browser (its path and
 * Playwright's version: a browser upgraded in place at the same path is not noticed). A build whose
 * explainer did not change copies the kept PDF instead of printing it again.
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
}

/** How an edition is made, as part of its cache key: this integration's own code. */
const RECIPE = readFileSync(fileURLToPath(import.meta.url));

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

async function writePdfEditions(root: string, base: string, pages: string[], logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  const executablePath = findChromium();
  if (!executablePath || !existsSync(executablePath)) {
    throw new Error(
      `The PDF edition needs Chromium, and ${executablePath ? `CHROMIUM_PATH names ${executablePath}, which does not exist` : 'none was found'}: ` +
        `${CHROMIUM_INSTALL_HINT}. To build without the PDF edition, set PDF_EDITION=off.`,
    );
  }
  const assets = digestOfFolder(join(root, '_astro'));
  let printer: Printer | undefined;
  try {
    for (const path of pages) {
      const html = await readFile(join(root, path));
      const url = `${base}${path.split('/').slice(0, -1).join('/')}/`;
      const edition = editionOf(html.toString(), url);
      let printedPages: number | undefined;
      const pdf = await cachedArtefact(
        'pdf-edition',
        cacheKey(html, assets, RECIPE, executablePath, ...packageVersions(['playwright-core'])),
        'pdf',
        async () => {
          printer ??= await Printer.start(root, base, executablePath);
          const printed = await withMetadata(await printer.print(url), edition, url);
          printedPages = printed.pages;
          return printed.bytes;
        },
      );
      const target = join(root, normalize(edition.file));
      if (!target.startsWith(root)) throw new Error(`data-pdf-file "${edition.file}" points outside the built site.`);
      await writeFile(target, pdf);
      const how = printedPages === undefined ? 'unchanged, from the build cache' : `${printedPages} pages, printed`;
      logger.info(`${edition.file}: ${Math.round(pdf.length / 1024)} kB, ${how}`);
    }
  } finally {
    await printer?.close();
  }
  logger.info(`PDF editions written in ${Math.round(performance.now() - started)} ms`);
}

/**
 * The edition's data-pdf-* attributes, read from the page's HTML without a browser. Only the tag
 * that carries them is parsed: the page itself can be megabytes.
 */
function editionOf(html: string, url: string): Edition {
  const tag = /<article\b[^>]*\sdata-pdf-file=[^>]*>/.exec(html)?.[0];
  const article = tag ? (parseFragment(`${tag}</article>`).childNodes[0] as Element) : undefined;
  const data = (name: string) => (article && attribute(article, `data-pdf-${name}`)) ?? '';
  const edition = {
    file: data('file'),
    title: data('title'),
    subject: data('subject'),
    author: data('author'),
    updated: data('updated'),
    lang: data('lang'),
  };
  if (!edition.file) throw new Error(`${url} does not say where its PDF edition goes (data-pdf-file).`);
  return edition;
}

/** One digest of every file in a folder (names and bytes), in a stable order. */
function digestOfFolder(folder: string): string {
  if (!existsSync(folder)) return cacheKey('');
  const files = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .toSorted();
  return cacheKey(...files.flatMap((file) => [file.slice(folder.length), readFileSync(file)]));
}

/** Chromium showing the built site from a local port, started only when an edition must be printed. */
class Printer {
  private readonly browser: Browser;
  private readonly page: Page;
  private readonly origin: string;
  private readonly closeServer: () => void;

  private constructor(browser: Browser, page: Page, origin: string, closeServer: () => void) {
    this.browser = browser;
    this.page = page;
    this.origin = origin;
    this.closeServer = closeServer;
  }

  static async start(root: string, base: string, executablePath: string): Promise<Printer> {
    const { server, origin } = await startStaticServer({ root, base });
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    // Offline by design: the built site only.
    await page.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
    return new Printer(browser, page, origin, () => server.close());
  }

  async print(path: string): Promise<Uint8Array> {
    const url = `${this.origin}${path}`;
    const failures: string[] = [];
    const onResponse = (response: { status(): number; url(): string }) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    };
    this.page.on('response', onResponse);
    await this.page.goto(url, { waitUntil: 'load' });
    await this.page.emulateMedia({ media: 'print' });
    await this.page.evaluate(() => document.fonts.ready.then(() => undefined));
    this.page.off('response', onResponse);
    if (failures.length > 0) throw new Error(`The PDF edition's page ${url} did not load whole: ${failures.join(', ')}`);
    return this.page.pdf({ format: 'A4', printBackground: false, outline: true, tagged: true });
  }

  async close(): Promise<void> {
    await this.browser.close();
    this.closeServer();
  }
}

/** The document's own metadata, which Chromium leaves empty. */
async function withMetadata(printed: Uint8Array, edition: Edition, path: string): Promise<{ bytes: Uint8Array; pages: number }> {
  const pdf = await PDFDocument.load(printed, { updateMetadata: false });
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
