/**
 * Performance budgets for the built site. Run after `astro build`: `npm run check:budgets [-- --dist dir]`.
 *
 * Fails (exit 1), naming the page and the figure, when a page
 *   - needs JavaScript to be read (its words must be in the HTML; see needsJavaScript in lib/page-weight.ts),
 *   - carries more than 10 KB of JavaScript, gzip-compressed (inline and external together),
 *   - carries more than 20 KB of CSS, gzip-compressed,
 *   - is a chapter whose first view (every byte a first visit fetches: HTML, CSS, scripts, fonts,
 *     images, compressed) exceeds 40 KB gzip (issue 16: a reader on a slow phone gets the chapter
 *     in one round of a few requests), or takes more than 6 requests: each costs its response headers
 *     too, about 1.4 KB apiece over HTTP/1.1 with the site's CSP (docs/performance.md, "One script per
 *     kind of page"); today a chapter needs 5 (the page, one stylesheet, two scripts, the icon).
 * It prints the first-view weight of a chapter and names the heaviest.
 *
 * Static analysis of dist/ only, so it is deterministic and takes well under a second for this site.
 * Why these numbers: a reader on a slow phone should get the text at once; 10 KB of gzip JS is room for
 * small enhancements (theme toggle, copy buttons), 20 KB of gzip CSS is about twice what Tailwind
 * emits for this site today, so a budget failure means a real regression rather than noise.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { htmlFilesIn } from '../src/build/built-files.ts';
import { chapterFilesIn, firstViewBytes, kb, requestCount, total, weighPage, type PageWeight } from './lib/page-weight.ts';

const BUDGET = { jsGzip: 10 * 1024, cssGzip: 20 * 1024, firstViewGzip: 40 * 1024, firstViewRequests: 6 };
const KINDS = ['html', 'css', 'js', 'font', 'image'] as const;

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' } } });
const dist = resolve(values.dist);
if (!existsSync(dist)) {
  console.error(`check:budgets: ${dist} does not exist. Build the site first (npm run build).`);
  process.exit(2);
}
const base = process.env['BASE_PATH'] ?? '/';
const files = htmlFilesIn(dist);
const pages = files.map((file) => weighPage(dist, file, { base }));

const failures: string[] = [];
const warnings: string[] = [];
for (const page of pages) {
  for (const reason of page.needsJs) failures.push(`${page.path}: needs JavaScript to be read (${reason})`);
  const js = total(page, 'js').gzip;
  const css = total(page, 'css').gzip;
  if (js > BUDGET.jsGzip) failures.push(`${page.path}: JavaScript ${kb(js)} KB gzip exceeds the budget of ${kb(BUDGET.jsGzip)} KB`);
  if (css > BUDGET.cssGzip) failures.push(`${page.path}: CSS ${kb(css)} KB gzip exceeds the budget of ${kb(BUDGET.cssGzip)} KB`);
  for (const url of page.unresolved)
    warnings.push(`${page.path}: references ${url}, which is off-site or missing from dist/ (not weighed)`);
}

const largest = (kind: 'js' | 'css'): PageWeight | undefined =>
  pages.toSorted((a, b) => total(b, kind).gzip - total(a, kind).gzip || a.path.localeCompare(b.path))[0];
const maxJs = largest('js');
const maxCss = largest('css');
console.log(`Checked ${pages.length} pages in ${dist}`);
if (maxJs) console.log(`  most JavaScript: ${kb(total(maxJs, 'js').gzip)} KB gzip (${maxJs.path}); budget ${kb(BUDGET.jsGzip)} KB`);
if (maxCss) console.log(`  most CSS:        ${kb(total(maxCss, 'css').gzip)} KB gzip (${maxCss.path}); budget ${kb(BUDGET.cssGzip)} KB`);

// First view of a chapter: an article page one level below its explainer (not the overview, not /all/).
const chapters = chapterFilesIn(dist, files);
const chapterFile = chapters[0];
if (chapterFile) {
  const chapter = pages[files.indexOf(chapterFile)]!;
  const parts = KINDS.map((kind) => `${kind} ${kb(firstViewBytes(chapter, kind))}`).join(', ');
  console.log(
    `First view of a chapter (${chapter.path}): ${kb(firstViewBytes(chapter))} KB gzip in ${requestCount(chapter)} requests (${parts} KB)`,
  );
  const heaviest = chapters.map((file) => pages[files.indexOf(file)]!).toSorted((a, b) => firstViewBytes(b) - firstViewBytes(a))[0]!;
  if (heaviest !== chapter) console.log(`  heaviest chapter: ${heaviest.path}, ${kb(firstViewBytes(heaviest))} KB gzip`);
  console.log(`  budget for a chapter's first view: ${kb(BUDGET.firstViewGzip)} KB gzip in ${BUDGET.firstViewRequests} requests`);
  for (const file of chapters) {
    const page = pages[files.indexOf(file)]!;
    const bytes = firstViewBytes(page);
    if (bytes > BUDGET.firstViewGzip) {
      const parts = KINDS.map((kind) => `${kind} ${kb(firstViewBytes(page, kind))}`).join(', ');
      failures.push(`${page.path}: first view ${kb(bytes)} KB gzip (${parts} KB) exceeds the budget of ${kb(BUDGET.firstViewGzip)} KB`);
    }
    if (requestCount(page) > BUDGET.firstViewRequests) {
      failures.push(
        `${page.path}: first view takes ${requestCount(page)} requests, more than the budget of ${BUDGET.firstViewRequests}: ` +
          "every component <script> is a file of its own; start its code from the page kind's one script (src/client/)",
      );
    }
  }
} else {
  console.log('First view of a chapter: no chapter page found (an og:type "article" page at /<explainer>/<chapter>/).');
}

for (const warning of warnings) console.warn(`warning: ${warning}`);
if (failures.length > 0) {
  console.error(`\n${failures.length} budget failure(s):`);
  for (const failure of failures) console.error(`  ✗ ${failure}`);
  process.exit(1);
}
console.log('All budgets met.');
