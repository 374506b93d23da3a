/**
 * One built one-page edition printed several times in one browser, each print timed by the CPU of
 * Chromium's processes (from /proc, which means something on a busy machine where wall time does
 * not), to see what a print's cost depends on:
 *
 *   PDF_EDITION=off CONTENT_ROOT=<tree> npx astro build --outDir <dist>
 *   node scripts/bench/pdf-variants.ts <dist> 1,1 1,1 0,1 R 1,1
 *
 * Each argument is a print: `tagged,outline` (1 or 0 each; the edition prints with both), or `R`,
 * which removes the running heads' named pages (one `@page part-N` rule per chapter) for the prints
 * after it. The first print also pays for the first print layout: compare the later ones.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../src/build/chromium.ts';
import { startStaticServer } from '../../src/build/static-server.ts';
import { wholeExplainerFilesIn } from '../../src/build/built-files.ts';
import { childrenCpu, removeRunningHeads } from './print-probes.ts';
import { CHROME_PATH } from './lighthouse.ts';

const [root, ...prints] = process.argv.slice(2);
const edition = root ? wholeExplainerFilesIn(root)[0] : undefined;
if (!root || !edition || prints.length === 0) throw new Error('usage: pdf-variants.ts <built site> <tagged,outline | R> …');

const { server, origin } = await startStaticServer({ root, base: '/' });
const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_ARGS });
try {
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await page.goto(`${origin}/${edition.replace(/index\.html$/, '')}`, { waitUntil: 'load' });
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => document.documentElement.setAttribute('data-paged', ''));
  for (const print of prints) {
    if (print === 'R') {
      console.log(`removed ${await page.evaluate(removeRunningHeads)} running-head rules`);
      continue;
    }
    const [tagged = true, outline = true] = print.split(',').map((flag) => flag === '1');
    const [cpu, wall] = [childrenCpu(), performance.now()];
    const pdf = await page.pdf({ format: 'A4', printBackground: false, outline, tagged, preferCSSPageSize: false });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    console.log(
      `tagged ${tagged}, outline ${outline}: Chromium CPU ${(childrenCpu() - cpu).toFixed(1)} s, ` +
        `wall ${((performance.now() - wall) / 1000).toFixed(1)} s, ${pages} pages, ${(pdf.length / 1e6).toFixed(1)} MB`,
    );
  }
} finally {
  await browser.close();
  server.close();
}
