import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { Printer, writePageNumbers } from '../../src/editions/pdf-printer.ts';
import { findChromium } from '../../src/build/chromium.ts';
import { pdfStructure } from './pdf-structure.ts';

/**
 * The PDF printer (src/integrations/pdf-edition.ts) prints the page it was asked for and nothing
 * else: a refresh or a script in the content cannot send it elsewhere. Each case is a scratch site
 * with a page that tries, printed by the build's own Printer.
 */

const SITE = 'https://example.org/';
let root: string;

function page(head: string, body = '<h1>The edition</h1><p>Its text.</p>') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Edition</title>${head}</head><body>${body}</body></html>`;
}

test.beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'printer-'));
  const files: Record<string, string> = {
    'elsewhere/index.html': page('', '<h1>SOMEWHERE ELSE</h1>'),
    'refresh/index.html': page('<meta http-equiv="refresh" content="0; url=/elsewhere/">'),
    'refresh-self/index.html': page('<meta http-equiv="refresh" content="0">'),
    'script/index.html': page('<script>location.replace("/elsewhere/")</script>'),
    'form/index.html': page('', '<h1>The edition</h1><form action="/elsewhere/"></form><script>document.forms[0].submit()</script>'),
    'links/index.html': page(
      '',
      '<h1 id="top">The edition</h1><a href="/people/#jane">Jane</a> <a href="#top">Top</a> <a href="https://news.example.com/">News</a>',
    ),
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
});
test.afterAll(() => rmSync(root, { recursive: true, force: true }));

async function withPrinter<T>(run: (printer: Printer) => Promise<T>): Promise<T> {
  const printer = await Printer.start(root, '/', findChromium()!);
  try {
    return await run(printer);
  } finally {
    await printer.close();
  }
}

const textOf = async (pdf: Uint8Array) => (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text;

for (const path of ['/refresh/', '/refresh-self/']) {
  test(`a page that refreshes (${path}) is refused, not printed`, async () => {
    await withPrinter(async (printer) => {
      await expect(printer.print(path, SITE)).rejects.toThrow(/tried to leave for .*refuses to print anything but the page/s);
    });
  });
}

for (const path of ['/script/', '/form/']) {
  test(`a script on the page (${path}) cannot redirect the printer: it prints the page it was given`, async () => {
    await withPrinter(async (printer) => {
      const { pdf } = await printer.print(path, SITE);
      const text = await textOf(pdf);
      expect(text).toContain('The edition');
      expect(text).not.toContain('SOMEWHERE ELSE');
    });
  });
}

test('links to other local pages lead to the published site; links within the page stay in the PDF', async () => {
  await withPrinter(async (printer) => {
    const { pdf, headings } = await printer.print('/links/', SITE);
    expect(headings).toEqual([{ level: 1, text: 'The edition' }]);
    const { links, destinations } = await pdfStructure(new Uint8Array(pdf));
    expect(links.map((link) => link.uri ?? `#${link.dest}`).toSorted()).toEqual([
      '#top',
      'https://example.org/people/#jane',
      'https://news.example.com/',
    ]);
    expect(destinations).toContain('top');
  });
});

test('page numbers written again with other numbers show again a reference that was a repeat, and hide one that becomes one', async ({
  page: tab,
}) => {
  // PageRefs.astro's markup: the printer writes a page number into each link, between rounds of printing.
  await tab.setContent(
    '<p>Named on <span data-page-refs data-count="3"><span>pp.</span> ' +
      '<a href="#a" data-page-of="a">?</a><a href="#b" data-page-of="b">?</a><a href="#c" data-page-of="c">?</a></span></p>',
  );
  const refs = tab.locator('[data-page-refs]');
  const shown = async () => ({ text: await refs.innerText(), count: await refs.getAttribute('data-count') });
  await tab.evaluate(writePageNumbers, { a: 4, b: 4, c: 9 });
  expect(await shown()).toEqual({ text: 'pp. 4, 9', count: '2' });
  await tab.evaluate(writePageNumbers, { a: 4, b: 5, c: 9 });
  expect(await shown()).toEqual({ text: 'pp. 4, 5, 9', count: '3' });
  await tab.evaluate(writePageNumbers, { a: 9, b: 9, c: 9 });
  expect(await shown()).toEqual({ text: 'pp. 9', count: '1' });
  await tab.evaluate(writePageNumbers, {});
  await expect(refs).toBeHidden();
});
