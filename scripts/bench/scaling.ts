import { join } from 'node:path';
import { htmlFiles, kb, weighPage } from '../lib/page-weight.ts';
import { bareSite } from './scratch-project.ts';
import { generateContent } from './synthetic-content.ts';
import { fixed, median, printTable } from './table.ts';
import { cleanBuild, routeTimes, type BuildFigures } from './timed-build.ts';

/**
 * How build cost grows with the number of chapters: our site against a floor, on the same synthetic
 * MDX. The floor is a bare Astro site rendering each chapter's <Content /> with our own
 * markdownProcessor, so both do the same Markdown work (GFM and the citation transform, which a
 * chapter cannot be rendered without) and ours/floor measures what our layout and pages add.
 * Two more bare sites, on the same chapters pre-expanded to plain Markdown, show what the citation
 * transform itself costs (Astro's unified pipeline without it) and where Astro's default Rust
 * processor would put the floor.
 */
interface Variant {
  name: string;
  project: string;
}

export async function scaling(scratch: string, site: string, chapters: number, runs: number, timeoutSeconds: number): Promise<void> {
  const dir = join(scratch, `scale-${chapters}`);
  const tree = generateContent(dir, chapters);
  console.log(
    `\nGenerated ${chapters} chapters: ${Math.round(tree.words / chapters)} words and ${tree.citations / chapters} citation markers per chapter on average.`,
  );
  const variants: Variant[] = [
    { name: 'our site', project: site },
    {
      name: 'floor: bare site, our markdownProcessor',
      project: bareSite(join(dir, 'bare-ours'), tree.citationMdx, 'ours', site),
    },
    {
      name: 'bare site, unified() without citation transform*',
      project: bareSite(join(dir, 'bare-unified'), tree.plainMdx, 'unified', site),
    },
    {
      name: 'bare site, Astro default (Rust) processor*',
      project: bareSite(join(dir, 'bare-default'), tree.plainMdx, 'default', site),
    },
  ];
  const env = { CONTENT_ROOT: tree.contentRoot };
  const results: { variant: Variant; build: BuildFigures; chapterHtml: number }[] = [];
  for (const variant of variants) {
    const builds: BuildFigures[] = [];
    for (let run = 0; run < runs; run++) {
      process.stdout.write(`  building ${variant.name} at ${chapters} chapters, run ${run + 1}/${runs}…\n`);
      builds.push(await cleanBuild(variant.project, env, timeoutSeconds));
    }
    const middle = median(builds.map((b) => b.seconds));
    const build = builds.find((b) => b.seconds === middle) ?? builds.toSorted((a, b) => a.seconds - b.seconds)[Math.floor(runs / 2)]!;
    build.peakRssMb = Math.max(...builds.map((b) => b.peakRssMb));
    // One chapter from the middle of the explainer: its HTML grows with the explainer if the layout lists every chapter.
    const dist = join(variant.project, 'dist');
    const chapterFile = htmlFiles(dist).find((file) => file.includes(`chapter-${String(Math.ceil(chapters / 2)).padStart(4, '0')}/`));
    const chapterHtml = chapterFile ? weighPage(dist, chapterFile).resources[0]!.size.gzip : Number.NaN;
    results.push({ variant, build: { ...build, seconds: middle }, chapterHtml });
  }
  const floor = results[1]!.build;
  printTable(
    `Build cost at ${chapters} chapters (median of ${runs} clean build${runs > 1 ? 's' : ''}; * = citations pre-expanded to plain Markdown)`,
    [
      'build',
      'pages',
      'total s',
      'ms per chapter',
      'ours / floor',
      'peak MB',
      'collect s',
      'bundle s',
      'render s',
      'other s',
      'chapter HTML KB gz',
    ],
    results.map(({ variant, build, chapterHtml }) => [
      variant.name,
      build.pages,
      `${build.timedOut ? '≥ ' : ''}${fixed(build.seconds)}`,
      `${build.timedOut ? '≥ ' : ''}${fixed((build.seconds * 1000) / chapters, 0)}`,
      `${build.timedOut ? '≥ ' : ''}${fixed(build.seconds / floor.seconds, 2)}×`,
      fixed(build.peakRssMb, 0),
      fixed(build.phases.collect),
      fixed(build.phases.bundle),
      fixed(build.phases.render),
      fixed(build.phases.other),
      Number.isNaN(chapterHtml) ? '–' : kb(chapterHtml),
    ]),
  );

  whereRenderGoes(results[0]!.build, chapters);
}

/**
 * Our site's render phase by kind of route (every chapter page together, every social image
 * together, …), from Astro's per-file log, and what the integrations said after the build.
 */
function whereRenderGoes(build: BuildFigures, chapters: number): void {
  const groups = new Map<string, { files: number; seconds: number }>();
  for (const [path, seconds] of routeTimes(build.log)) {
    const group = path.replace(/chapter-\d+/g, 'chapter-*');
    const entry = groups.get(group) ?? { files: 0, seconds: 0 };
    groups.set(group, { files: entry.files + 1, seconds: entry.seconds + seconds });
  }
  const rows = [...groups].toSorted((a, b) => b[1].seconds - a[1].seconds).slice(0, 10);
  printTable(
    `Our site at ${chapters} chapters: the ten costliest routes (sum of Astro's per-file times)`,
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
