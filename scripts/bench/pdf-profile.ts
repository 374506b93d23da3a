/**
 * Where the PDF edition's printing time goes, for one built site with one explainer:
 *
 *   PDF_EDITION=off CONTENT_ROOT=<tree> npx astro build --outDir <dist>
 *   node scripts/bench/pdf-profile.ts <dist> [print|rules]
 *
 * `print` (the default) runs the printer's own print() and reports, for every call it makes into
 * the browser (loading, each page.pdf, each script run in the page), the wall time, the CPU time of
 * Chromium's processes and of Node; then what the integration does after it (pdf-lib, the text
 * check with unpdf). `rules` prints the page once as it is and once with the running heads' named
 * pages removed (one `@page part-N` rule per chapter), to see what they cost. CPU seconds are read
 * from /proc, so they mean something on a busy machine where wall time does not.
 */
import { chromium, type Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { CHROMIUM_ARGS } from '../../src/build/chromium.ts';
import { startStaticServer } from '../../src/build/static-server.ts';
import { wholeExplainerFilesIn } from '../../src/build/built-files.ts';
import { Printer } from '../../src/editions/pdf-printer.ts';
import { childrenCpu, removeRunningHeads } from './print-probes.ts';
import { CHROME_PATH } from './lighthouse.ts';

const [root, mode = 'print'] = process.argv.slice(2);
if (!root) throw new Error('usage: pdf-profile.ts <built site> [print|rules]');
const edition = wholeExplainerFilesIn(root)[0];
if (!edition) throw new Error(`${root} has no one-page edition`);
const path = `/${edition.replace(/index\.html$/, '')}`;

const nodeCpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
const mark = () => ({ wall: performance.now() / 1000, node: nodeCpu(), chromium: childrenCpu() });
const since = (start: ReturnType<typeof mark>) => {
  const now = mark();
  return `wall ${(now.wall - start.wall).toFixed(1)} s, Chromium CPU ${(now.chromium - start.chromium).toFixed(1)} s, Node CPU ${(now.node - start.node).toFixed(1)} s`;
};

if (mode === 'print') {
  const printer = await Printer.start(root, '/', CHROME_PATH);
  // Every call print() makes into the page, timed: the Page class's own methods, wrapped.
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_ARGS });
  const probe = await browser.newPage();
  const prototype = Object.getPrototypeOf(probe) as Record<string, (...args: unknown[]) => Promise<unknown>>;
  await browser.close();
  for (const name of ['goto', 'pdf', 'evaluate', '$$eval']) {
    const original = prototype[name]!;
    prototype[name] = async function (this: Page, ...args: unknown[]) {
      const start = mark();
      try {
        return await original.apply(this, args);
      } finally {
        console.log(`  page.${name}: ${since(start)}`);
      }
    };
  }
  let start = mark();
  const { pdf } = await printer.print(path, 'https://example.org/');
  console.log(`print() in all: ${since(start)}`);
  await printer.close();
  start = mark();
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  await document.save();
  console.log(`pdf-lib, load and save (metadata, and each read of the contents' pages): ${since(start)}; ${document.getPageCount()} pages`);
  start = mark();
  await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
  console.log(`unpdf, every page's text (the check, and each run-on round): ${since(start)}`);
} else {
  const { server, origin } = await startStaticServer({ root, base: '/' });
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    let start = mark();
    await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => document.body.offsetHeight);
    console.log(`load and lay out for print: ${since(start)}`);
    const print = () => page.pdf({ format: 'A4', printBackground: false, outline: true, tagged: true, preferCSSPageSize: false });
    start = mark();
    await print();
    console.log(`page.pdf as it is: ${since(start)}`);
    const removed = await page.evaluate(removeRunningHeads);
    start = mark();
    await print();
    console.log(`page.pdf without the ${removed} running-head rules: ${since(start)}`);
  } finally {
    await browser.close();
    server.close();
  }
}
