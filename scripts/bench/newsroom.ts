import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlFilesIn } from '../../src/build/built-files.ts';
import { chapterFilesIn, firstViewBytes, kb, weighPage } from '../lib/page-weight.ts';
import { bareSite } from './scratch-project.ts';
import { generateContent } from './synthetic-content.ts';
import { fixed, printTable } from './table.ts';
import { cleanBuild, medianBuild, warmBuild, type BuildFigures } from './timed-build.ts';

/**
 * A newsroom's site rather than one long explainer: `explainers` explainers of `chapters` chapters
 * each (10 × 8 for a quick run, 100 × 8 with --full), every one with its PDF edition, against the
 * same floor as scaling.ts (a bare Astro site rendering every chapter's <Content /> through our
 * markdownProcessor). Our site is built clean with every PDF edition, then warm after one chapter of
 * one explainer is edited, as an editor's pull request would: only that explainer's edition should be
 * printed again. The two take turns, run by run, as in scaling.ts.
 */
export async function newsroom(
  scratch: string,
  site: string,
  explainers: number,
  chapters: number,
  runs: number,
  timeoutSeconds: number,
): Promise<void> {
  const dir = join(scratch, `newsroom-${explainers}x${chapters}`);
  const tree = generateContent(dir, chapters, 1, explainers);
  console.log(
    `\nGenerated a newsroom's site: ${explainers} explainers of ${chapters} chapters, ` +
      `${Math.round(tree.words / (explainers * chapters))} words per chapter on average.`,
  );
  const floor = bareSite(join(dir, 'bare-ours'), tree.citationMdx, 'ours', site);
  const middle = String(Math.ceil(explainers / 2)).padStart(3, '0');
  const edited = join(tree.citationMdx, `synthetic-${middle}`, `chapter-${String(Math.floor(chapters / 2)).padStart(4, '0')}.mdx`);
  let edits = 0;
  const variants = [
    { name: 'our site, with every PDF edition', project: site, env: { CONTENT_ROOT: tree.contentRoot, PDF_EDITION: 'on' } },
    { name: 'floor: bare site, our markdownProcessor', project: floor, env: { CONTENT_ROOT: tree.contentRoot } },
  ];
  const builds = async (how: 'clean' | 'warm') => {
    const made = variants.map(() => [] as BuildFigures[]);
    for (let run = 0; run < runs; run++) {
      for (const [index, variant] of variants.entries()) {
        process.stdout.write(`  building ${variant.name}, ${explainers} × ${chapters}, ${how}, run ${run + 1}/${runs}…\n`);
        if (how === 'warm') appendFileSync(edited, `\nAn editor's change, number ${++edits}, for a warm build.\n`);
        made[index]!.push(await (how === 'clean' ? cleanBuild : warmBuild)(variant.project, variant.env, timeoutSeconds));
      }
    }
    return made.map(medianBuild);
  };
  const clean = await builds('clean');
  const warm = await builds('warm');

  const pdfFigures = (build: BuildFigures) => {
    const printed = [...build.log.matchAll(/\.pdf: \d+ kB, (\d+) pages, printed/g)].map((match) => Number(match[1]));
    return { editions: printed.length, pages: printed.reduce((sum, pages) => sum + pages, 0) };
  };
  const lower = (build: BuildFigures) => (build.timedOut ? '≥ ' : '');
  printTable(
    `A newsroom's site, ${explainers} explainers × ${chapters} chapters (median of ${runs} build${runs > 1 ? 's' : ''} each)`,
    [
      'build',
      'pages',
      'clean s',
      'ms per page',
      'ours / floor',
      'without PDF: ours / floor',
      'CPU s',
      'warm s',
      'warm ours / floor',
      'warm without PDF',
      'peak MB',
    ],
    variants.map((variant, index) => {
      const [c, w, fc, fw] = [clean[index]!, warm[index]!, clean[1]!, warm[1]!];
      return [
        variant.name,
        c.pages,
        `${lower(c)}${fixed(c.seconds)}`,
        `${lower(c)}${fixed((c.seconds * 1000) / c.pages, 0)}`,
        `${lower(c)}${fixed(c.seconds / fc.seconds, 2)}×`,
        `${fixed((c.seconds - c.pdfSeconds) / fc.seconds, 2)}×`,
        fixed(c.cpuSeconds),
        `${lower(w)}${fixed(w.seconds)}`,
        `${lower(w)}${fixed(w.seconds / fw.seconds, 2)}×`,
        `${fixed((w.seconds - w.pdfSeconds) / fw.seconds, 2)}×`,
        fixed(Math.max(c.peakRssMb, w.peakRssMb), 0),
      ];
    }),
  );
  const [ours, oursWarm] = [clean[0]!, warm[0]!];
  const printedClean = pdfFigures(ours);
  const printedWarm = pdfFigures(oursWarm);
  printTable(
    `Their PDF editions (${explainers} editions; printed side by side, one per core; "without PDF" above subtracts this time)`,
    ['build', 'editions printed', 'printed pages', 'PDF s', 'ms per printed page'],
    [
      ['clean', printedClean.editions, printedClean.pages, fixed(ours.pdfSeconds), fixed((ours.pdfSeconds * 1000) / printedClean.pages, 0)],
      [
        'warm, one chapter edited',
        printedWarm.editions,
        printedWarm.pages,
        fixed(oursWarm.pdfSeconds),
        printedWarm.pages ? fixed((oursWarm.pdfSeconds * 1000) / printedWarm.pages, 0) : '–',
      ],
    ],
  );
  // The first view of a chapter, as the budgets count it (static analysis of the HTML).
  const dist = join(site, 'dist');
  const chapter = chapterFilesIn(dist, htmlFilesIn(dist))[0];
  if (chapter) {
    const page = weighPage(dist, chapter);
    console.log(
      `\nFirst view of a chapter (${page.path}), counted as the budgets do: ${kb(firstViewBytes(page))} KB gzip ` +
        `(html ${kb(firstViewBytes(page, 'html'))}, css ${kb(firstViewBytes(page, 'css'))}, js ${kb(firstViewBytes(page, 'js'))}).`,
    );
  }
}
