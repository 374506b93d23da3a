import { readFileSync } from 'node:fs';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { contentDirs } from '../../src/lib/content-dirs';
import { FOOTNOTE_OPTIONS } from '../../src/plugins/markdown-processor';
import rehypeFootnotes from '../../src/plugins/rehype-footnotes';
import rehypeScrollableTables from '../../src/plugins/rehype-scrollable-tables';
import remarkCitations from '../../src/plugins/remark-citations';

/** The data every transform fixture cites: the small content tree the e2e fixture site also uses. */
export const FIXTURE_DIRS = contentDirs('tests/fixtures/content');

/**
 * Runs the site's plugins (GFM, citations, footnote heading ids) on an MDX file and renders HTML the
 * way the MDX compiler does (raw HTML from the citation formatter is parsed by rehype-raw).
 */
export async function renderMdx(path: string, value = readFileSync(path, 'utf8')) {
  const file = new VFile({ path, value, data: { astro: { frontmatter: {} } } });
  const html = await unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(remarkCitations, { dirs: FIXTURE_DIRS })
    .use(remarkRehype, { ...FOOTNOTE_OPTIONS, allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeFootnotes)
    .use(rehypeScrollableTables)
    .use(rehypeStringify)
    .process(file);
  return { html: String(html), frontmatter: (file.data as { astro: { frontmatter: Record<string, unknown> } }).astro.frontmatter };
}
