/**
 * `npm run bench [-- options]`: figures on what the site costs its readers and its builders.
 * Not part of the test suite: it takes minutes and its timings depend on the machine.
 *
 *   1. Clean build of the site as it is now: median time of --runs builds, peak memory, phases.
 *   2. Every built page: HTML, CSS and JavaScript bytes (raw, gzip, brotli), requests, and whether
 *      JavaScript is needed to read it.
 *   3. Lighthouse (mobile) on the home page, a chapter and the whole-explainer page if there is one.
 *   4. Scaling: synthetic explainers of 100 chapters (and 1,000 with --full), our site against a
 *      bare-Astro floor on the same MDX, clean and warm, and the PDF edition on its own; see scaling.ts.
 *   5. A newsroom's site: 10 explainers of 8 chapters (100 × 8 with --full), every one with its PDF
 *      edition, clean and warm against the same floor; see newsroom.ts.
 *   6. The PDF edition at --pdf-chapters sizes (e.g. 100,200,400): time per printed page as it grows.
 *
 * Everything is built in a scratch copy under the system temp folder (deleted at the end unless
 * --keep), so the checkout's dist/ and caches are never touched.
 *
 * Options: --full (add 1,000 chapters), --runs N (builds per measurement, default 3), --full-runs N
 * (the same at 1,000 chapters, default 1), --timeout-min M (stop a scaling build after M minutes and report
 * a lower bound, default 30), --skip build,pages,lighthouse,scaling,pdf,newsroom (pdf: printing the PDF
 * edition of the 1,000-chapter explainer, about 25 minutes), --newsroom E×C (another newsroom size,
 * e.g. 100x8), --pdf-chapters 100,200,400 (one explainer of each size, built with its PDF edition
 * to time printing), --keep (keep the scratch folder, with each project's last-build.log).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { htmlFilesIn } from '../../src/build/built-files.ts';
import { chapterFilesIn, kb, requestCount, total, weighPage, type Size } from '../lib/page-weight.ts';
import { firstViewInBrowser } from './first-view.ts';
import { runLighthouse } from './lighthouse.ts';
import { newsroom } from './newsroom.ts';
import { pdfScaling } from './pdf-scaling.ts';
import { scaling } from './scaling.ts';
import { startStaticServer } from '../../src/build/static-server.ts';
import { copySite } from './scratch-project.ts';
import { fixed, printTable } from './table.ts';
import { cleanBuild, medianBuild, type BuildFigures } from './timed-build.ts';
import { wholeExplainerPath } from '../../src/routes.ts';

const { values } = parseArgs({
  options: {
    full: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    'full-runs': { type: 'string', default: '1' },
    skip: { type: 'string', default: '' },
    keep: { type: 'boolean', default: false },
    'timeout-min': { type: 'string', default: '30' },
    newsroom: { type: 'string' },
    'pdf-chapters': { type: 'string', default: '' },
  },
});
/** A count option: a whole number of at least 1, or the bench stops here rather than measuring nothing. */
function count(name: 'runs' | 'full-runs' | 'timeout-min'): number {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number of at least 1, not "${values[name]}"`);
  return value;
}
const runs = count('runs');
const fullRuns = count('full-runs');
const timeoutSeconds = 60 * count('timeout-min');
const skip = new Set(values.skip.split(',').filter(Boolean));

const scratch = mkdtempSync(join(tmpdir(), 'footnoted-bench-'));
console.log(
  `Benchmark on Node ${process.version}, ${availableParallelism()} CPUs, ${fixed(totalmem() / 2 ** 30, 0)} GB RAM, ` +
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (timings are only comparable on a quiet machine).`,
);
console.log(`Scratch folder: ${scratch}`);

try {
  const site = copySite(join(scratch, 'site'));
  const dist = join(site, 'dist');

  // 1. Build. Always at least once: the next sections read its output.
  const builds: BuildFigures[] = [];
  for (let run = 0; run < (skip.has('build') ? 1 : runs); run++) {
    console.log(`  clean build of the site, run ${run + 1}…`);
    builds.push(await cleanBuild(site));
  }
  if (!skip.has('build')) {
    const seconds = builds.map((b) => b.seconds);
    const typical = medianBuild(builds);
    printTable(
      `Clean build of the site (${runs} run${runs > 1 ? 's' : ''})`,
      ['pages', 'median s', 'min s', 'max s', 'CPU s', 'peak MB', 'collect s', 'bundle s', 'render s', 'other s'],
      [
        [
          typical.pages,
          fixed(typical.seconds, 2),
          fixed(Math.min(...seconds), 2),
          fixed(Math.max(...seconds), 2),
          fixed(typical.cpuSeconds, 1),
          fixed(typical.peakRssMb, 0),
          fixed(typical.phases.collect, 2),
          fixed(typical.phases.bundle, 2),
          fixed(typical.phases.render, 2),
          fixed(typical.phases.other, 2),
        ],
      ],
    );
  }

  // 2. Page weights.
  const files = htmlFilesIn(dist);
  if (!skip.has('pages')) {
    const sizes = (size: Size) => `${kb(size.raw)} / ${kb(size.gzip)} / ${kb(size.brotli ?? Number.NaN)}`;
    printTable(
      'Page weight in KB (raw / gzip / brotli); JS counts inline and external scripts; requests = page + files it fetches',
      ['page', 'HTML', 'CSS', 'JS', 'requests', 'JS needed to read'],
      files.map((file) => {
        const page = weighPage(dist, file, { brotli: true });
        return [
          page.path,
          sizes(total(page, 'html')),
          sizes(total(page, 'css')),
          sizes(total(page, 'js')),
          requestCount(page),
          page.needsJs.length ? `yes: ${page.needsJs.join('; ')}` : 'none',
        ];
      }),
    );
  }

  // The first view of a chapter in a real browser, against the target of 40 KB gzip.
  const firstChapter = chapterFilesIn(dist, files)[0];
  if (!skip.has('pages') && firstChapter) {
    const path = `/${firstChapter.replace(/index\.html$/, '')}`;
    const { bytes, headers, requests, byKind } = await firstViewInBrowser(dist, path);
    const kinds = Object.entries(byKind)
      .map(([kind, size]) => `${kind} ${kb(size)}`)
      .join(', ');
    // The target is the bodies' weight, gzip (as the budgets count it). Headers are given apart: the
    // local server speaks HTTP/1.1, which repeats every header in full, where hosts' HTTP/2 and 3
    // compress a header already sent (HPACK, QPACK) to a few bytes.
    const bodies = bytes - headers;
    console.log(
      `\nFirst view of a chapter in Chromium (${path}, empty cache, gzip): ${kb(bodies)} KB of bodies in ${requests} requests ` +
        `(target: 40 KB or less${bodies > 40 * 1024 ? ': OVER' : ''}), and ${kb(headers)} KB of response headers over HTTP/1.1 ` +
        `(by kind, with headers: ${kinds}).`,
    );
  }

  // 3. Lighthouse: the home page, the first chapter page, the whole-explainer page.
  if (!skip.has('lighthouse')) {
    const chapter = chapterFilesIn(dist, files)[0];
    const explainer = chapter?.split('/')[0];
    const paths = [
      '/',
      ...(chapter ? [`/${chapter.replace(/index\.html$/, '')}`] : []),
      ...(explainer && files.includes(`${wholeExplainerPath(explainer)}index.html`) ? [`/${wholeExplainerPath(explainer)}`] : []),
    ];
    // Gzip like the hosts we deploy to, so Lighthouse weighs what readers download.
    const { server, origin } = await startStaticServer({ root: dist, compress: true });
    try {
      console.log(`  Lighthouse on ${paths.join(', ')}…`);
      const results = await runLighthouse(paths.map((path) => `${origin}${path}`));
      printTable(
        'Lighthouse 13, mobile (simulated slow 4G, 4× CPU slowdown)',
        ['page', 'performance', 'accessibility', 'best practices', 'SEO', 'LCP ms', 'CLS', 'TBT ms', 'total KB'],
        results.map((r) => [
          r.url.replace(origin, ''),
          r.performance,
          r.accessibility,
          r.bestPractices,
          r.seo,
          fixed(r.lcp, 0),
          fixed(r.cls, 3),
          fixed(r.tbt, 0),
          kb(r.totalBytes),
        ]),
      );
      for (const r of results) if (r.failing.length) console.log(`  ${r.url.replace(origin, '')} fails: ${r.failing.join(', ')}`);
    } finally {
      server.close();
    }
  }

  // 4. Scaling.
  if (!skip.has('scaling')) {
    await scaling(scratch, site, 100, runs, timeoutSeconds);
    if (values.full) await scaling(scratch, site, 1000, fullRuns, timeoutSeconds, !skip.has('pdf'));
    else console.log('\n(1,000 chapters: `npm run bench -- --full`, 40 minutes or more, most of it printing the PDF edition once.)');
  }

  // 5. A newsroom's site: many short explainers, each with its PDF edition.
  if (!skip.has('newsroom')) {
    const [explainers, chapters] = (values.newsroom ?? (values.full ? '100x8' : '10x8')).split(/[x×]/).map(Number);
    if (!Number.isInteger(explainers) || !Number.isInteger(chapters) || explainers! < 1 || chapters! < 1) {
      throw new Error(`--newsroom must be explainers×chapters, such as 100x8, not "${values.newsroom}"`);
    }
    await newsroom(scratch, site, explainers!, chapters!, runs, timeoutSeconds);
  }

  // 6. The PDF edition of one explainer at several sizes.
  const pdfSizes = values['pdf-chapters'].split(',').filter(Boolean).map(Number);
  if (pdfSizes.length > 0) await pdfScaling(scratch, site, pdfSizes, timeoutSeconds);
} finally {
  if (values.keep) console.log(`\nKept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
