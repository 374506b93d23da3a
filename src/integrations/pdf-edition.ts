import { existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { PDFDocument } from 'pdf-lib';
import { CHROMIUM_ARGS, chromiumExecutable, hasChromium } from '../lib/chromium';
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
 * Chromium: CHROMIUM_PATH when set (e.g. Debian's /usr/bin/chromium), else Playwright's own.
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

export function pdfEdition(): AstroIntegration {
  let base = '/';
  return {
    name: 'pdf-edition',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = readdirSync(root)
          .map((name) => join(name, 'all', 'index.html'))
          .filter((page) => existsSync(join(root, page)));
        if (pages.length === 0) return;
        await writePdfEditions(root, base, pages, logger);
      },
    },
  };
}

async function writePdfEditions(root: string, base: string, pages: string[], logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  const executablePath = chromiumExecutable();
  if (!hasChromium()) {
    throw new Error(
      `The PDF edition needs Chromium, and there is none at ${executablePath}. ` +
        `Run ". scripts/setup.sh --browser" (it installs Playwright's Chromium, or Debian's chromium), ` +
        `or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
  const { server, origin } = await startStaticServer({ root, base });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    // Offline by design: the built site only.
    await page.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
    for (const path of pages) {
      const failures: string[] = [];
      const onResponse = (response: { status(): number; url(): string }) => {
        if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
      };
      page.on('response', onResponse);
      const url = `${origin}${base}${path.split(sep).slice(0, -1).join('/')}/`;
      await page.goto(url, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      page.off('response', onResponse);
      if (failures.length > 0) throw new Error(`The PDF edition's page ${url} did not load whole: ${failures.join(', ')}`);

      const edition = await page.locator('article.whole-explainer').evaluate((article: HTMLElement): Edition => {
        const data = article.dataset;
        return {
          file: data['pdfFile'] ?? '',
          title: data['pdfTitle'] ?? document.title,
          subject: data['pdfSubject'] ?? '',
          author: data['pdfAuthor'] ?? '',
          updated: data['pdfUpdated'] ?? '',
          lang: data['pdfLang'] ?? document.documentElement.lang,
        };
      });
      if (!edition.file) throw new Error(`${url} does not say where its PDF edition goes (data-pdf-file).`);

      const printed = await page.pdf({ format: 'A4', printBackground: false, outline: true, tagged: true });
      const pdf = await PDFDocument.load(printed, { updateMetadata: false });
      pdf.setTitle(edition.title, { showInWindowTitleBar: true });
      pdf.setAuthor(edition.author);
      pdf.setSubject(edition.subject);
      pdf.setLanguage(edition.lang);
      pdf.setCreator(`${edition.author}, from ${url.replace(origin, '')}`);
      pdf.setProducer('Chromium (Playwright) and pdf-lib');
      const now = new Date();
      pdf.setCreationDate(now);
      pdf.setModificationDate(now);
      const bytes = await pdf.save();
      const target = join(root, normalize(edition.file));
      if (!target.startsWith(root)) throw new Error(`data-pdf-file "${edition.file}" points outside the built site.`);
      await writeFile(target, bytes);
      logger.info(`${edition.file}: ${pdf.getPageCount()} pages, ${Math.round(bytes.length / 1024)} kB`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  logger.info(`PDF editions written in ${Math.round(performance.now() - started)} ms`);
}
