import { readFileSync } from 'node:fs';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { contentDirs } from '../../src/data/content-dirs.ts';
import { markdownPlugins } from '../../src/markdown/processor.ts';

/** The data every transform fixture cites: the small content tree the e2e fixture site also uses. */
export const FIXTURE_DIRS = contentDirs('tests/fixtures/content');

/**
 * Runs the site's plugins (markdownPlugins: GFM, citations, footnotes, tables) on an MDX file and
 * renders HTML the way the MDX compiler does (raw HTML from the citation formatter is parsed by
 * rehype-raw). Evidence passages are optional unless `requireEvidence` is set, as the site sets it.
 */
export async function renderMdx(
  path: string,
  value = readFileSync(path, 'utf8'),
  options: { requireEvidence?: boolean; dirs?: typeof FIXTURE_DIRS } = {},
) {
  const file = new VFile({ path, value, data: { astro: { frontmatter: {} } } });
  const plugins = markdownPlugins({ dirs: options.dirs ?? FIXTURE_DIRS, requireEvidence: options.requireEvidence ?? false });
  const html = await unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(plugins.remarkPlugins)
    .use(remarkRehype, { ...plugins.remarkRehype, allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(plugins.rehypePlugins)
    .use(rehypeStringify)
    .process(file);
  return { html: String(html), frontmatter: (file.data as { astro: { frontmatter: Record<string, unknown> } }).astro.frontmatter };
}
