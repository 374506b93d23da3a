import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import type { Options as RemarkRehypeOptions } from 'remark-rehype';
import type { PluggableList } from 'unified';
import { strings } from '../i18n/ui';
import rehypeFootnotes from './rehype-footnotes';
import rehypeScrollableTables from './rehype-scrollable-tables';
import remarkCitations, { type RemarkCitationsOptions } from './remark-citations';

/**
 * The one place the Markdown pipeline is configured; `mdx()` inherits it.
 *
 * GFM: `unified()` applies remark-gfm itself unless told `gfm: false`. We turn that off and register
 * our own direct dependency here, once, so the order is explicit: GFM parses footnotes and tables
 * first, then the citation transform adds its footnotes to the same numbering.
 */
export function markdownProcessor(options: RemarkCitationsOptions = {}) {
  return unified({ gfm: false, ...markdownPlugins(options) });
}

/** The plugins, in order: also what the transform's unit tests run, so they test this very list. */
export function markdownPlugins(options: RemarkCitationsOptions = {}) {
  return {
    remarkPlugins: [remarkGfm, [remarkCitations, options]] satisfies PluggableList,
    rehypePlugins: [rehypeFootnotes, rehypeScrollableTables] satisfies PluggableList,
    remarkRehype: FOOTNOTE_OPTIONS,
  };
}

/** How GFM footnotes render: a visible "Notes" heading, as in a printed book (GFM hides it by default). */
const FOOTNOTE_OPTIONS = {
  footnoteLabel: strings().notes,
  footnoteLabelProperties: { className: ['footnotes-heading'] },
  footnoteBackLabel: (referenceIndex: number, rereferenceIndex: number) => strings().backToCitation(referenceIndex + 1, rereferenceIndex),
} satisfies RemarkRehypeOptions;
