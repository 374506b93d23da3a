import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import remarkSmartypants from 'remark-smartypants';
import type { Options as RemarkRehypeOptions } from 'remark-rehype';
import type { PluggableList } from 'unified';
import { strings } from '../i18n/ui.ts';
import rehypeFootnotes from './rehype-footnotes.ts';
import rehypeMarkerNowrap from './rehype-marker-nowrap.ts';
import rehypeScrollableTables from './rehype-scrollable-tables.ts';
import remarkCitations, { type RemarkCitationsOptions } from './remark-citations.ts';
import remarkContentPolicy from './content-policy.ts';

/**
 * The one place the Markdown pipeline is configured; `mdx()` inherits it.
 *
 * GFM and SmartyPants: `unified()` applies remark-gfm and remark-smartypants itself, before any plugin
 * of ours, unless told not to. We turn both off and register them here, so the order is explicit:
 * GFM parses footnotes and tables first; the citation transform reads citations as the editor typed
 * them (straight quotes delimit a passage) and adds its footnotes to the same numbering; then
 * SmartyPants curls the quotes and apostrophes of our own words. Verbatim words (quotations, evidence
 * passages, headlines) reach the tree as HTML, which SmartyPants leaves alone.
 */
export function markdownProcessor(options: RemarkCitationsOptions = {}) {
  return unified({ gfm: false, smartypants: false, ...markdownPlugins(options) });
}

/** SmartyPants on an mdast tree (the package types its transformer for any unist tree, which Astro's types refuse). */
const remarkSmartQuotes = () => (remarkSmartypants as unknown as () => (tree: Root) => void)();

/** The plugins, in order: also what the transform's unit tests run, so they test this very list. */
export function markdownPlugins(options: RemarkCitationsOptions = {}) {
  return {
    remarkPlugins: [remarkGfm, remarkContentPolicy, [remarkCitations, options], remarkSmartQuotes] satisfies PluggableList,
    rehypePlugins: [rehypeFootnotes, rehypeMarkerNowrap, rehypeScrollableTables] satisfies PluggableList,
    remarkRehype: FOOTNOTE_OPTIONS,
  };
}

/** How GFM footnotes render: a visible "Notes" heading, as in a printed book (GFM hides it by default). */
const FOOTNOTE_OPTIONS = {
  footnoteLabel: strings().notes,
  footnoteLabelProperties: { className: ['footnotes-heading'] },
  footnoteBackLabel: (referenceIndex: number, rereferenceIndex: number) => strings().backToCitation(referenceIndex + 1, rereferenceIndex),
} satisfies RemarkRehypeOptions;
