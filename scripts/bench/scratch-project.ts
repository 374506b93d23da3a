import { cpSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Throwaway Astro projects in a temporary folder, so the benchmark never touches the checkout's
 * dist/, .astro/ or build caches while other people build and test in it.
 *
 * node_modules is a real folder of symlinks to the checkout's packages, not one symlink: Astro and
 * Vite keep their caches in node_modules/.astro and node_modules/.vite, and those must be private to
 * each scratch project for a clean build to be clean (and for builds not to disturb each other).
 */
const REPO = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');

function linkNodeModules(project: string): void {
  const target = join(project, 'node_modules');
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(join(REPO, 'node_modules'))) {
    if (name.startsWith('.') && name !== '.bin') continue; // .astro, .vite, .package-lock.json: caches and npm state
    symlinkSync(join(REPO, 'node_modules', name), join(target, name));
  }
}

/** A snapshot of our site: the same src/, public/, content/ and config, as they are now. */
export function copySite(project: string): string {
  mkdirSync(project, { recursive: true });
  for (const entry of ['src', 'public', 'content', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    cpSync(join(REPO, entry), join(project, entry), { recursive: true });
  }
  linkNodeModules(project);
  return project;
}

/**
 * The pipelines a bare site can render MDX with:
 * - `ours`: our markdownProcessor (GFM + the citation transform), on MDX in our citation syntax. The
 *   floor: the same Markdown work as our site, so ours/floor is the cost of our layout and pages.
 *   It has our content check too, which reads and validates the data the transform needs once per
 *   build, as in our site; without it the transform would re-check the files for every chapter.
 * - `unified`: Astro's remark pipeline without our plugins, on the pre-expanded plain MDX; the
 *   difference from `ours` is what the citation transform costs.
 * - `default`: Astro's default processor (Rust), on the plain MDX; it runs no remark plugins.
 */
export type Pipeline = 'ours' | 'unified' | 'default';

/**
 * A bare Astro site: one page per MDX file that renders nothing but <Content />, no layout, no CSS,
 * through the same content collection (glob loader) our site uses, so the content layer is in both.
 * `site` is the snapshot made by copySite, whose markdownProcessor the `ours` pipeline imports.
 */
export function bareSite(project: string, mdxDir: string, pipeline: Pipeline, site: string): string {
  mkdirSync(join(project, 'src', 'pages'), { recursive: true });
  const processor = {
    ours: {
      imports:
        `import { markdownProcessor } from ${JSON.stringify(pathToFileURL(join(site, 'src/markdown/processor.ts')).href)};\n` +
        `import { contentCheck } from ${JSON.stringify(pathToFileURL(join(site, 'src/integrations/content-check.ts')).href)};`,
      option: "markdown: { processor: markdownProcessor({ base: '/' }) },",
      // The transform reads the data files; the content check lets it read them once per build, not once per chapter.
      integrations: 'contentCheck(), mdx()',
    },
    unified: {
      imports: "import { unified } from '@astrojs/markdown-remark';",
      option: 'markdown: { processor: unified() },',
      integrations: 'mdx()',
    },
    default: { imports: '', option: '', integrations: 'mdx()' },
  }[pipeline];
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: `bare-${pipeline}`, private: true, type: 'module' }));
  writeFileSync(
    join(project, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\n${processor.imports}\n\n` +
      `export default defineConfig({ integrations: [${processor.integrations}], ${processor.option} });\n`,
  );
  writeFileSync(
    join(project, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\n\n` +
      `export const collections = { chapters: defineCollection({ loader: glob({ base: ${JSON.stringify(mdxDir)}, pattern: '**/*.mdx' }) }) };\n`,
  );
  writeFileSync(
    join(project, 'src', 'pages', '[...id].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\n\n` +
      `export async function getStaticPaths() {\n  return (await getCollection('chapters')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));\n}\n` +
      `const { Content } = await render(Astro.props.entry);\n---\n<Content />\n`,
  );
  linkNodeModules(project);
  return project;
}
