import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { EXPLAINER } from './site-pages';

/**
 * The PDF edition, written at build time from the whole-explainer page (src/integrations/pdf-edition.ts):
 * it exists where the page says, has its own metadata and a plausible number of pages, numbers its
 * pages "Page X of Y", opens with the title page, and its text holds every chapter heading and every
 * note, each under the number the page gives it.
 */

const WHOLE = `${EXPLAINER}all/`;
/** Text compared without whitespace: line breaks in the PDF fall anywhere, even inside an address. */
// Text from a PDF loses line-end hyphens (in long URLs), may keep ligatures, and reads the face's
// quotation marks as modifier letters (’ as ʼ): compare without white space or hyphens, in
// compatibility form (ﬁ → fi), with every single quotation mark as one.
const squash = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/[\s\u00ad-]+/g, '')
    .replace(/[\u2018\u2019\u02bb\u02bc']/g, "'");

test('the PDF edition holds the whole explainer, with its metadata, page numbers and every note', async ({ page }) => {
  await page.emulateMedia({ media: 'print' });
  await page.goto(WHOLE);
  const expected = await page.evaluate(() => {
    const article = document.querySelector<HTMLElement>('article.whole-explainer')!;
    const text = (element: Element) => (element as HTMLElement).innerText.trim();
    return {
      file: article.dataset['pdfFile']!,
      title: article.dataset['pdfTitle']!,
      subject: article.dataset['pdfSubject']!,
      author: article.dataset['pdfAuthor']!,
      chapters: document.querySelectorAll('[data-chapter]').length,
      headings: [...document.querySelectorAll('[data-chapter] :is(h2, h3):not(.footnotes-heading)')].map(text),
      facts: text(document.querySelector('.edition-facts')!).split('\n'),
      notes: [...document.querySelectorAll<HTMLOListElement>('.footnotes ol')].flatMap((list) =>
        [...list.children].map((li, index) => ({ number: list.start + index, text: text(li) })),
      ),
      words: text(article).split(/\s+/).length,
    };
  });
  expect(expected.notes.length).toBeGreaterThan(20);

  // The build under test (playwright.config.ts serves SITE_DIR, dist unless set).
  const path = `${process.env['SITE_DIR'] ?? 'dist'}/${expected.file}`;
  expect(existsSync(path), `${path} exists`).toBe(true);
  const bytes = new Uint8Array(readFileSync(path));

  const metadata = await PDFDocument.load(bytes, { updateMetadata: false });
  expect(metadata.getTitle()).toBe(expected.title);
  expect(metadata.getAuthor()).toBe(expected.author);
  expect(metadata.getSubject()).toBe(expected.subject);

  const { text: pages, totalPages } = await extractText(await getDocumentProxy(bytes), { mergePages: false });
  // A title page, each chapter from a new page, the sources; about 250–900 words a page on A4.
  expect(totalPages).toBeGreaterThanOrEqual(expected.chapters + 2);
  expect(expected.words / totalPages).toBeGreaterThan(250);
  expect(expected.words / totalPages).toBeLessThan(900);

  // Page X of Y on every page, and the running title on every page but the first.
  pages.forEach((text, index) => {
    expect(text, `page ${index + 1}`).toContain(`Page ${index + 1} of ${totalPages}`);
    if (index > 0) expect(text.split('\n').slice(0, 2), `page ${index + 1}`).toContain(expected.title);
  });

  // The title page: title, period covered, last update, canonical address.
  const titlePage = squash(pages[0]!);
  expect(titlePage).toContain(squash(expected.title));
  for (const fact of expected.facts) expect(titlePage).toContain(squash(fact));
  expect(expected.facts.join(' ')).toMatch(/Covers .*Updated .*https?:\/\//s);

  // The body without the margins' running title and page numbers, and without the link addresses
  // print.css adds after external links.
  const body = squash(
    pages
      .map((text) =>
        text
          .split('\n')
          .filter((line, index) => !/^Page \d+ of \d+$/.test(line) && !(index < 2 && line === expected.title))
          .join('\n'),
      )
      .join('\n'),
  ).replace(/<https?:[^>]*>/g, '');

  const missingHeadings = expected.headings.filter((heading) => !body.includes(squash(heading)));
  expect(missingHeadings).toEqual([]);
  const missingNotes = expected.notes.filter((note) => !body.includes(squash(`${note.number}. ${note.text}`))).map((note) => note.number);
  expect(missingNotes).toEqual([]);
});
