import { existsSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { SPILL_OVER_LINES } from '../../src/editions/pdf-printer.ts';
import { wholeExplainerFilesIn } from '../../src/build/built-files.ts';
import { pdfStructure } from './pdf-structure.ts';
import { pdfPath } from '../../src/routes.ts';

/**
 * The PDF edition, written at build time from the whole-explainer page (src/editions/pdf-editions.ts),
 * for every explainer of the build under test. Everything expected is read from the built page itself
 * (its headings, notes, description and canonical address), never from the explainer's wording: the
 * file exists where src/routes.ts puts it and has the page's metadata; a title page, page numbers and running title; every
 * chapter heading and note in its text; links that work for whoever opens the file; bookmarks named
 * as the headings are; no page of spill-over; a page count near the last recorded one.
 */

const SITE_DIR = process.env['SITE_DIR'] ?? 'dist';
const editions = wholeExplainerFilesIn(SITE_DIR).map((file) => `/${file.replace(/index\.html$/, '')}`);

/**
 * The page count of each edition when it was last looked at page by page (pdftoppm), A4. A change of
 * more than 20 % means the layout or the content changed a lot: look at the pages again, then record
 * the new figure here. An edition not listed is not compared.
 */
const RECORDED_PAGES: Record<string, number> = {
  'sample/sample.pdf': 5,
  // 58 since the edition records our own corrections (about twenty pages of them, 6 December 2026).
  'armenia-belarus-csto/armenia-belarus-csto.pdf': 58,
};

/** Text compared without whitespace: line breaks in the PDF fall anywhere, even inside an address. */
// Text from a PDF loses line-end hyphens (in long URLs), may keep ligatures, and reads the face's
// quotation marks as modifier letters (’ as ʼ): compare without white space or hyphens, in
// compatibility form (ﬁ → fi), with every single quotation mark as one.
const squash = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/[\s\u00ad-]+/g, '')
    .replace(/[\u2018\u2019\u02bb\u02bc']/g, "'");

/** What the whole-explainer page holds, as printed (print media), read in the browser. */
async function expectations(page: Page, path: string) {
  await page.emulateMedia({ media: 'print' });
  await page.goto(path);
  const file = pdfPath(path.split('/').at(-3)!);
  return {
    file,
    ...(await page.evaluate(() => {
      const article = document.querySelector<HTMLElement>('article.whole-explainer')!;
      const text = (element: Element) => (element as HTMLElement).innerText.trim();
      const printed = (element: Element) => element.getClientRects().length > 0;
      return {
        title: text(article.querySelector('h1')!),
        subject: document.querySelector('meta[name="description"]')!.getAttribute('content')!,
        author: document.querySelector('meta[property="og:site_name"]')!.getAttribute('content')!,
        // The published site's address: the edition's own canonical address is <site><explainer>/all/.
        site: new URL('../../', document.querySelector('link[rel="canonical"]')!.getAttribute('href')!).href,
        chapters: document.querySelectorAll('[data-chapter]').length,
        chapterTitles: [...document.querySelectorAll('[data-chapter] > header h2')].map((h) => h.textContent.replace(/\s+/g, ' ').trim()),
        headings: [...document.querySelectorAll('[data-chapter] :is(h2, h3):not(.footnotes-heading)')].map(text),
        // Every heading on paper, in order, with its text as written: what the bookmarks must say.
        allHeadings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
          .filter(printed)
          .map((h) => h.textContent.replace(/\s+/g, ' ').trim()),
        facts: text(document.querySelector('.edition-facts')!).split('\n'),
        // A note's text as printed: without its back-links (not printed), with the quotation marks a
        // <q> prints (generated content, which innerText leaves out).
        notes: [...document.querySelectorAll<HTMLOListElement>('.footnotes ol')].flatMap((list) =>
          [...list.children].map((li, index) => {
            const copy = li.cloneNode(true) as HTMLElement;
            copy.querySelectorAll('[data-footnote-backref]').forEach((link) => link.remove());
            copy.querySelectorAll('q').forEach((q) => q.replaceWith(`“${q.textContent}”`));
            return { number: list.start + index, text: copy.textContent.replace(/\s+/g, ' ').trim() };
          }),
        ),
        words: text(article).split(/\s+/).length,
      };
    })),
  };
}

async function readEdition(file: string) {
  const path = `${SITE_DIR}/${file}`;
  expect(existsSync(path), `${path} exists`).toBe(true);
  const bytes = new Uint8Array(readFileSync(path));
  const { text: pages, totalPages } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: false });
  return { bytes, pages, totalPages, structure: await pdfStructure(bytes) };
}

test('there is an edition to test', () => {
  expect(editions.length).toBeGreaterThan(0);
});

for (const path of editions) {
  test.describe(`the PDF edition printed from ${path}`, () => {
    test('holds the whole explainer, with its metadata, title page, page numbers and every note', async ({ page }) => {
      const expected = await expectations(page, path);
      expect(expected.notes.length).toBeGreaterThan(3);
      const { bytes, pages, totalPages } = await readEdition(expected.file);

      const metadata = await PDFDocument.load(bytes, { updateMetadata: false });
      expect(metadata.getTitle()).toBe(expected.title);
      expect(metadata.getAuthor()).toBe(expected.author);
      expect(metadata.getSubject()).toBe(expected.subject);

      // A title page, a contents page, the chapters; about 250–900 words a page on A4.
      expect(totalPages).toBeGreaterThanOrEqual(expected.chapters + 2);
      expect(expected.words / totalPages).toBeLessThan(900);
      if (totalPages > 10) expect(expected.words / totalPages).toBeGreaterThan(250);

      // Page X of Y on every page, and the running title at the head of every page but the first.
      pages.forEach((text, index) => {
        expect(text, `page ${index + 1}`).toContain(`Page ${index + 1} of ${totalPages}`);
        if (index > 0) expect(squash(text.split('\n')[0]!), `page ${index + 1}`).toContain(squash(expected.title));
      });

      // The title page: title, period covered, date of the edition, canonical address.
      const titlePage = squash(pages[0]!);
      expect(titlePage).toContain(squash(expected.title));
      for (const fact of expected.facts) expect(titlePage).toContain(squash(fact));
      expect(expected.facts.join(' ')).toMatch(/Covers .*Updated .*https?:\/\//s);

      // The contents page: each chapter with the number of the page it starts on.
      const contents = pages[1]!;
      for (const title of expected.chapterTitles) {
        const start = pages.findIndex((text, index) => index > 1 && squash(text).includes(squash(title))) + 1;
        expect(start, `"${title}" is printed after the contents`).toBeGreaterThan(2);
        expect(squash(contents), `the contents give "${title}" its page, ${start}`).toMatch(
          new RegExp(`${squash(title).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.{0,40}?${start}(?!\\d)`),
        );
      }

      // The body without the margins' running heads and page numbers, and without the link addresses
      // print.css adds after external links.
      const body = squash(
        pages
          .map((text) =>
            text
              .split('\n')
              .filter((line, index) => index > 0 && !/^Page \d+ of \d+$/.test(line))
              .join('\n'),
          )
          .join('\n'),
      ).replace(/<https?:[^>]*>/g, '');
      const missingHeadings = expected.headings.filter((heading) => !body.includes(squash(heading)));
      expect(missingHeadings).toEqual([]);
      const missingNotes = expected.notes
        .filter((note) => !body.includes(squash(`${note.number}. ${note.text}`)))
        .map((note) => note.number);
      expect(missingNotes).toEqual([]);
    });

    test('every link works for whoever opens the file, and the bookmarks are the headings', async ({ page }) => {
      const expected = await expectations(page, path);
      const { structure } = await readEdition(expected.file);
      const site = new URL(expected.site);
      expect(structure.links.length).toBeGreaterThan(expected.notes.length);

      // No address of the build's local server, and links to the site itself only to its canonical address.
      const local = structure.links.filter((link) => link.uri && /^https?:\/\/(127\.|localhost|0\.0\.0\.0|\[::1\])/.test(link.uri));
      expect(local, 'links to the local server').toEqual([]);
      const nonCanonical = structure.links.filter(
        (link) => link.uri && new URL(link.uri).host === site.host && !link.uri.startsWith(expected.site),
      );
      expect(nonCanonical, `links to the site outside ${expected.site}`).toEqual([]);
      const notWeb = structure.links.filter((link) => link.uri && !/^https?:\/\//.test(link.uri));
      expect(notWeb, 'links that are not web addresses').toEqual([]);

      // Links within the document (notes, contents, "n. 4") go to destinations the file holds.
      const internal = structure.links.filter((link) => link.dest !== undefined);
      expect(internal.length).toBeGreaterThanOrEqual(expected.notes.length);
      expect(internal.filter((link) => !structure.destinations.has(link.dest!))).toEqual([]);

      // Bookmarks: each names a printed heading exactly as written, in reading order; every chapter has one.
      const titles = structure.outline.map((entry) => entry.title);
      let cursor = 0;
      const unmatched = titles.filter((title) => {
        const index = expected.allHeadings.indexOf(title, cursor);
        if (index < 0) return true;
        cursor = index + 1;
        return false;
      });
      expect(unmatched, 'bookmarks that are not a heading as written').toEqual([]);
      expect(
        expected.chapterTitles.filter((title) => !titles.includes(title)),
        'chapters without a bookmark',
      ).toEqual([]);
    });

    test('names lead to the printed list of people, which gives, like the sources list, the pages that refer to it', async ({ page }) => {
      await page.goto(path);
      // Each list of page references, as the page holds it before printing: the ids it refers to.
      const lists = await page.$$eval('[data-page-refs]', (elements) =>
        elements.map((list) => [...list.querySelectorAll('[data-page-of]')].map((link) => link.getAttribute('data-page-of')!)),
      );
      const people = await page.$$eval('a.person', (links) => links.map((link) => link.getAttribute('href')!));
      const expected = await expectations(page, path);
      const { structure } = await readEdition(expected.file);
      // A person's name goes to their entry in the edition, never to the site.
      expect(people.filter((target) => !target.startsWith('#'))).toEqual([]);
      for (const target of new Set(people)) expect(structure.destinations.has(target.slice(1)), target).toBe(true);
      // Each list gives each page that holds one of its places once, as a link to the place.
      test.skip(lists.length === 0, 'this edition cites nothing');
      for (const ids of lists) {
        const pages = new Set(ids.map((id) => structure.destinationPages.get(id)));
        expect(pages.has(undefined), `every place of ${ids.join(' ')} is in the file`).toBe(false);
        const given = structure.links.filter((link) => link.dest !== undefined && ids.includes(link.dest));
        expect(new Set(given.map((link) => structure.destinationPages.get(link.dest!)))).toEqual(pages);
        expect(given.length).toBe(pages.size);
      }
    });

    test('no page holds only a few lines of spill-over, and the page count is near the recorded one', async ({ page }) => {
      const expected = await expectations(page, path);
      const { pages, totalPages } = await readEdition(expected.file);
      // The title and contents pages are short by design, and so may the last page be.
      const lines = (text: string) => text.split('\n').filter((line) => line.trim() && !/^Page \d+ of \d+$/.test(line.trim())).length - 1;
      const spill = pages
        .map((text, index) => ({ page: index + 1, lines: lines(text) }))
        .filter(({ page, lines }) => page > 2 && page < totalPages && lines <= SPILL_OVER_LINES);
      expect(spill, `pages with ${SPILL_OVER_LINES} lines or fewer`).toEqual([]);

      const recorded = RECORDED_PAGES[expected.file];
      test.info().annotations.push({ type: 'pages', description: `${expected.file}: ${totalPages} (recorded: ${recorded ?? 'none'})` });
      if (recorded !== undefined) {
        expect(totalPages, `${expected.file} has ${totalPages} pages; the last recorded figure is ${recorded}`).toBeGreaterThanOrEqual(
          Math.floor(recorded * 0.8),
        );
        expect(totalPages).toBeLessThanOrEqual(Math.ceil(recorded * 1.2));
      }
    });
  });
}
