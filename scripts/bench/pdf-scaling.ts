import { join } from 'node:path';
import { generateContent } from './synthetic-content.ts';
import { fixed, printTable } from './table.ts';
import { cleanBuild, type BuildFigures } from './timed-build.ts';

/**
 * How printing one explainer's PDF edition grows with its length: one synthetic explainer of each
 * size (`--pdf-chapters 100,200,400`), built clean with its edition, the printing timed from the
 * build's own log line. Time per printed page should stay flat; the target is that it grows no more
 * than 1.5× from 100 to 400 chapters. Chromium's peak is its largest process's (the renderer that
 * prints), which should not grow with the number of rounds or parts printed.
 */
export async function pdfScaling(scratch: string, site: string, sizes: number[], timeoutSeconds: number): Promise<void> {
  const rows: { chapters: number; build: BuildFigures; pages: number }[] = [];
  for (const chapters of sizes) {
    const tree = generateContent(join(scratch, `pdf-${chapters}`), chapters);
    process.stdout.write(`  building our site at ${chapters} chapters with its PDF edition…\n`);
    const build = await cleanBuild(site, { CONTENT_ROOT: tree.contentRoot, PDF_EDITION: 'on' }, timeoutSeconds);
    const pages = Number(/\.pdf: \d+ kB, (\d+) pages/.exec(build.log)?.[1] ?? Number.NaN);
    rows.push({ chapters, build, pages });
  }
  const first = rows[0]!;
  const perPage = (row: (typeof rows)[number]) => (row.build.pdfSeconds * 1000) / row.pages;
  printTable(
    'The PDF edition of one explainer, by length (one clean build each; the printing from its log)',
    ['chapters', 'printed pages', 'PDF s', 'ms per printed page', `per page, against ${first.chapters} chapters`, 'Chromium peak MB'],
    rows.map((row) => [
      row.chapters,
      Number.isNaN(row.pages) ? '?' : row.pages,
      row.build.timedOut ? `not done in ${fixed(timeoutSeconds / 60, 0)} min` : fixed(row.build.pdfSeconds),
      fixed(perPage(row), 0),
      `${fixed(perPage(row) / perPage(first), 2)}×`,
      fixed(row.build.chromiumPeakMb, 0),
    ]),
  );
}
