import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { htmlFilesIn } from '../../src/build/built-files.ts';
import { kb, weighPage } from '../lib/page-weight.ts';
import { bareSite } from './scratch-project.ts';
import { generateContent } from './synthetic-content.ts';
import { fixed, printTable } from './table.ts';
import { cleanBuild, medianBuild, routeTimes, warmBuild, type BuildFigures } from './timed-build.ts';

/**
 * How build cost grows with the number of chapters: our site against a floor, on the same synthetic
 * MDX. The floor is a bare Astro site rendering each chapter's <Content /> with our own
 * markdownProcessor, so both do the same Markdown work (GFM and the citation transform, which a
 * chapter cannot be rendered without) and ours/floor measures what our layout and pages add.
 * Two more bare sites, on the same chapters pre-expanded to plain Markdown, show what the citation
 * transform itself costs (Astro's unified pipeline without it) and where Astro's default Rust
 * processor would put the floor.
 *
 * Our site and the floor are built clean (as on a fresh CI runner) and warm (Astro's cache folder
 * kept from the last build, one chapter edited, as on CI with its cache restored). Our site is built
 * without its PDF edition, which the floor has no counterpart for and whose cost grows with the
 * explainer's length rather than its page count; one more warm build prints it, timed on its own.
 */
interface Variant {
  name: string;
  project: string;
  /** Built warm too (our site and the floor; the two reference pipelines only clean). */
  warm: boolean;
}

export async function scaling(
  scratch: string,
  site: string,
  chapters: number,
  runs: number,
  timeoutSeconds: number,
  pdf = true,
): Promise<void> {
  const dir = join(scratch, `scale-${chapters}`);
  const tree = generateContent(dir, chapters);
  console.log(
    `\nGenerated ${chapters} chapters: ${Math.round(tree.words / chapters)} words and ${tree.citations / chapters} citation markers per chapter on average.`,
  );
  const variants: Variant[] = [
    { name: 'our site (no PDF edition)', project: site, warm: true },
    {
      name: 'floor: bare site, our markdownProcessor',
      project: bareSite(join(dir, 'bare-ours'), tree.citationMdx, 'ours', site),
      warm: true,
    },
    {
      name: 'bare site, unified() without citation transform*',
      project: bareSite(join(dir, 'bare-unified'), tree.plainMdx, 'unified', site),
      warm: false,
    },
    {
      name: 'bare site, Astro default (Rust) processor*',
      project: bareSite(join(dir, 'bare-default'), tree.plainMdx, 'default', site),
      warm: false,
    },
  ];
  const env = { CONTENT_ROOT: tree.contentRoot, PDF_EDITION: 'off' };
  const edited = join(
    tree.citationMdx,
    'synthetic',
    readdirSync(join(tree.citationMdx, 'synthetic')).toSorted()[Math.floor(chapters / 2)]!,
  );
  let edits = 0;
  // Run by run, every variant in turn (ours, floor, ours, floor…), so that a change in the machine's
  // speed during the minutes this takes falls on all of them alike rather than on one.
  const builds = async (how: 'clean' | 'warm', which: Variant[]) => {
    const made = new Map<Variant, BuildFigures[]>(which.map((variant) => [variant, []]));
    for (let run = 0; run < runs; run++) {
      for (const variant of which) {
        process.stdout.write(`  building ${variant.name} at ${chapters} chapters, ${how}, run ${run + 1}/${runs}… `);
        if (how === 'warm') appendFileSync(edited, `\nAn editor's change, number ${++edits}, for a warm build.\n`);
        const build = await (how === 'clean' ? cleanBuild : warmBuild)(variant.project, env, timeoutSeconds);
        // Each run's time, so that a reader of the log sees the spread behind the medians.
        process.stdout.write(
          `${fixed(build.seconds)} s (bundle ${fixed(build.phases.bundle)} s, render ${fixed(build.phases.render)} s)\n`,
        );
        made.get(variant)!.push(build);
      }
    }
    return new Map([...made].map(([variant, figures]) => [variant, medianBuild(figures)]));
  };
  const clean = await builds('clean', variants);
  // Each project's cache is its own last build's, so the warm builds too can take turns.
  const warm = await builds(
    'warm',
    variants.filter((variant) => variant.warm),
  );
  const results = variants.map((variant) => {
    // One chapter from the middle of the explainer: its HTML grows with the explainer if the layout lists every chapter.
    const dist = join(variant.project, 'dist');
    const chapterFile = htmlFilesIn(dist).find((file) => file.includes(`chapter-${String(Math.ceil(chapters / 2)).padStart(4, '0')}/`));
    const chapterHtml = chapterFile ? weighPage(dist, chapterFile).resources[0]!.size.gzip : Number.NaN;
    return { variant, build: clean.get(variant)!, warm: warm.get(variant), chapterHtml };
  });
  const floor = results[1]!;
  const ratio = (ours: BuildFigures, base: BuildFigures) => `${ours.timedOut ? '≥ ' : ''}${fixed(ours.seconds / base.seconds, 2)}×`;
  printTable(
    `Build cost at ${chapters} chapters (median of ${runs} build${runs > 1 ? 's' : ''} each; * = citations pre-expanded to plain Markdown)`,
    [
      'build',
      'pages',
      'clean s',
      'ms per chapter',
      'ours / floor',
      'CPU s',
      'warm s',
      'warm ours / floor',
      'peak MB',
      'collect s',
      'bundle s',
      'render s',
      'other s',
      'chapter HTML KB gz',
    ],
    results.map(({ variant, build, warm, chapterHtml }) => [
      variant.name,
      build.pages,
      `${build.timedOut ? '≥ ' : ''}${fixed(build.seconds)}`,
      `${build.timedOut ? '≥ ' : ''}${fixed((build.seconds * 1000) / chapters, 0)}`,
      ratio(build, floor.build),
      fixed(build.cpuSeconds),
      warm ? `${warm.timedOut ? '≥ ' : ''}${fixed(warm.seconds)}` : '–',
      warm && floor.warm ? ratio(warm, floor.warm) : '–',
      fixed(Math.max(build.peakRssMb, warm?.peakRssMb ?? 0), 0),
      fixed(build.phases.collect),
      fixed(build.phases.bundle),
      fixed(build.phases.render),
      fixed(build.phases.other),
      Number.isNaN(chapterHtml) ? '–' : kb(chapterHtml),
    ]),
  );

  whereRenderGoes(results[0]!.build, chapters, 'clean');
  if (results[0]!.warm) whereRenderGoes(results[0]!.warm, chapters, 'warm');

  // The PDF edition on its own: one more warm build of our site, printing it.
  if (!pdf) return;
  process.stdout.write(`  building our site at ${chapters} chapters with its PDF edition…\n`);
  appendFileSync(edited, `\nAn editor's change, number ${++edits}, for the PDF edition.\n`);
  const withPdf = await warmBuild(site, { CONTENT_ROOT: tree.contentRoot }, timeoutSeconds);
  const printed = /\.pdf: \d+ kB, (\d+) pages/.exec(withPdf.log)?.[1] ?? '?';
  console.log(
    withPdf.timedOut
      ? `\nPDF edition at ${chapters} chapters: not finished within ${fixed(timeoutSeconds / 60, 0)} minutes.`
      : `\nPDF edition at ${chapters} chapters: ${printed} printed pages in ${fixed(withPdf.pdfSeconds)} s ` +
          `(the whole warm build with it: ${fixed(withPdf.seconds)} s).`,
  );
}

/**
 * Our site's render phase by kind of route (every chapter page together, every social image
 * together, …), from Astro's per-file log, and what the integrations said after the build.
 */
function whereRenderGoes(build: BuildFigures, chapters: number, how: 'clean' | 'warm'): void {
  const groups = new Map<string, { files: number; seconds: number }>();
  for (const [path, seconds] of routeTimes(build.log)) {
    const group = path.replace(/chapter-\d+/g, 'chapter-*');
    const entry = groups.get(group) ?? { files: 0, seconds: 0 };
    groups.set(group, { files: entry.files + 1, seconds: entry.seconds + seconds });
  }
  const rows = [...groups].toSorted((a, b) => b[1].seconds - a[1].seconds).slice(0, 10);
  printTable(
    `Our site at ${chapters} chapters, ${how} build: the ten costliest routes (sum of Astro's per-file times)`,
    ['route', 'files', 'total s', 'ms per file', 'share of render'],
    rows.map(([group, { files, seconds }]) => [
      group,
      files,
      fixed(seconds),
      fixed((seconds * 1000) / files, 0),
      `${fixed((100 * seconds) / build.phases.render, 0)}%`,
    ]),
  );
  const after = build.log.split('\n').filter((line) => /^\s*\d\d:\d\d:\d\d \[(?!build|vite|content|types|WARN|ERROR)[^\]]+\] /.test(line));
  if (after.length > 0) console.log(`\nIntegrations said:\n${after.map((line) => `  ${line.trim()}`).join('\n')}`);
}
