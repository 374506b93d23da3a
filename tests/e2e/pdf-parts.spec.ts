import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { findChromium } from '../../src/build/chromium.ts';
import { wholeExplainerFilesIn } from '../../src/build/built-files.ts';
import { pdfText } from '../../src/editions/pdf-document.ts';
import { Printer } from '../../src/editions/pdf-printer.ts';
import { squash } from '../../src/editions/printed-edition-check.ts';
import { pdfStructure } from './pdf-structure.ts';

/**
 * A long edition is printed in parts and joined (src/editions/pdf-printer.ts, pdf-join.ts), since
 * Chromium's cost per printed page grows with the page's length. An edition printed whole is printed
 * again cut into the smallest parts there can be (a chapter or a closing list each): the joined file
 * must be the same edition, with every link, bookmark and tag a single print gives.
 */

const SITE = 'https://example.org/';

async function printBoth(root: string, path: string) {
  const printed = async (partCharacters: number) => {
    const printer = await Printer.start(root, '/', findChromium()!, partCharacters);
    try {
      const { pdf, parts, settled } = await printer.print(path, SITE);
      return { parts, settled, text: await pdfText(pdf), ...(await pdfStructure(pdf)) };
    } finally {
      await printer.close();
    }
  };
  return { whole: await printed(Infinity), joined: await printed(1) };
}

/**
 * Nothing a page shows is lost to assistive technology; the document and the containers split between
 * parts (the body, the article) are one element each; every heading, paragraph, list, table, link and
 * language is where a single print puts it, with no mark of the join left. (Runs of text, `NonStruct`,
 * are left out of the comparison: Chromium splits a text it laid out before and changed since into
 * more runs than a fresh layout does, and a part printed alone is laid out afresh.)
 */
function expectSameTags(joined: { elements: string[]; unreachable: string[] }, whole: { elements: string[]; unreachable: string[] }) {
  expect(whole.unreachable).toEqual([]);
  expect(joined.unreachable).toEqual([]);
  const top = (elements: string[]) => elements.filter((element) => /^[0-2] /.test(element));
  expect(top(joined.elements)).toEqual(top(whole.elements));
  const structure = (elements: string[]) => elements.filter((element) => !/^\d+ NonStruct$/.test(element));
  expect(structure(joined.elements)).toEqual(structure(whole.elements));
  expect(joined.elements.filter((element) => element.includes('-x-'))).toEqual([]);
}

/** A scratch edition shaped as ours: a contents with page numbers, chapters that link to one another and hold a table, a closing list. */
function scratchEdition(chapters: number): string {
  const chapter = (n: number) => `
    <section data-chapter="c${n}" id="chapter-${n}" class="chapter">
      <h2 id="h-${n}">Chapter ${n}</h2>
      <p>Chapter ${n} begins. See <a href="#chapter-${((n + 1) % chapters) + 1}">chapter ${((n + 1) % chapters) + 1}</a> and <a href="#sources">the sources</a>.</p>
      ${'<p>Words of the chapter, enough of them to fill some lines of text on its pages.</p>'.repeat(6 + (n % 5) * 4)}
      <h3>Chapter ${n}, a table</h3>
      <table><thead><tr><th>Date</th><th>What happened</th></tr></thead><tbody><tr><td>2024-0${(n % 9) + 1}-01</td><td>Event ${n}</td></tr></tbody></table>
      <p lang="ru">Глава ${n}.</p>
    </section>`;
  const numbers = Array.from({ length: chapters }, (_, index) => index + 1);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Edition</title>
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'">
    <link rel="stylesheet" href="/edition.css"></head>
    <body><header><p>Site header</p></header><main><article>
      <h1>The edition</h1>
      <nav><h2>Contents</h2><ol>${numbers.map((n) => `<li><a href="#chapter-${n}">Chapter ${n}</a> <span data-page-of="chapter-${n}"></span></li>`).join('')}</ol></nav>
      ${numbers.map(chapter).join('')}
      <div data-edition-part id="sources" class="closing"><h2>Sources</h2><p>Back to <a href="#chapter-1">the start</a>.</p></div>
    </article></main><footer><p>Site footer</p></footer></body></html>`;
}

const EDITION_CSS = `
  @page { size: A4; margin: 20mm; @bottom-right { content: 'Page ' counter(page) ' of ' counter(pages); } @top-left { content: 'The edition'; } }
  @page :first { @top-left { content: none; } }
  .chapter, .closing { break-before: page; }
  body { font: 12pt/1.4 serif; }`;

test('an edition printed in parts and joined is the edition printed whole: pages, text, links, bookmarks and tags', async () => {
  test.setTimeout(180_000);
  const root = mkdtempSync(join(tmpdir(), 'parts-'));
  try {
    writeFileSync(join(root, 'index.html'), scratchEdition(7));
    writeFileSync(join(root, 'edition.css'), EDITION_CSS);
    const { whole, joined } = await printBoth(root, '/');
    expect(whole.parts).toBe(1);
    expect(joined.parts).toBeGreaterThan(2);
    // Both prints settled: the page numbers written into each agree with where the pages fell.
    expect([whole.settled, joined.settled]).toEqual([true, true]);
    expect(joined.pages).toBe(whole.pages);
    // Page for page the same, page numbers ("Page 9 of 12") and the contents' numbers included.
    expect(joined.text).toEqual(whole.text);
    expect(joined.outline).toEqual(whole.outline);
    expect(joined.destinationPages).toEqual(whole.destinationPages);
    expect(joined.links).toEqual(whole.links);
    expect(joined.links.filter((link) => link.dest !== undefined && !joined.destinations.has(link.dest))).toEqual([]);
    expectSameTags(joined.tags, whole.tags);
    expect(joined.tags.elements.some((element) => element.endsWith('(ru)'))).toBe(true);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a part starts only where the print styles start a page: a forced break or a named page', async () => {
  test.setTimeout(120_000);
  const root = mkdtempSync(join(tmpdir(), 'parts-'));
  try {
    writeFileSync(join(root, 'index.html'), scratchEdition(7));
    // Chapter 6 runs on from chapter 5, a short one (no break); chapter 3 has no forced break but a named page of its own.
    const css = `${EDITION_CSS} #chapter-3, #chapter-6 { break-before: auto; } #chapter-3 { page: third; }`;
    writeFileSync(join(root, 'edition.css'), css);
    const printer = await Printer.start(root, '/', findChromium()!, 1);
    try {
      const { parts, pdf } = await printer.print('/', SITE);
      // The smallest parts: title, contents and chapter 1; chapters 2, 3, 4, 5 + 6, 7; the sources. Chapter 6
      // starts on the page where chapter 5 ends.
      expect(parts).toBe(7);
      expect((await pdfText(pdf)).some((text) => text.includes('Глава 5.') && text.includes('Chapter 6 begins'))).toBe(true);
    } finally {
      await printer.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the built site’s first edition printed in parts keeps its pages, bookmarks, links and tags', async () => {
  test.setTimeout(300_000);
  const root = process.env['SITE_DIR'] ?? 'dist';
  const { whole, joined } = await printBoth(root, `/${wholeExplainerFilesIn(root)[0]!.replace(/index\.html$/, '')}`);
  expect(joined.parts).toBeGreaterThan(2);
  expect(joined.pages).toBe(whole.pages);
  expect(squash(joined.text.join(''))).toBe(squash(whole.text.join('')));
  expect(joined.outline).toEqual(whole.outline);
  expect(joined.links.filter((link) => link.dest !== undefined && !joined.destinations.has(link.dest))).toEqual([]);
  expectSameTags(joined.tags, whole.tags);
});
