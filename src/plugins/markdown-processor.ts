import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import remarkCitations, { type RemarkCitationsOptions } from './remark-citations';

/**
 * The one place the Markdown pipeline is configured; `mdx()` inherits it.
 *
 * GFM: `unified()` applies remark-gfm itself unless told `gfm: false`. We turn that off and register
 * our own direct dependency here, once, so the order is explicit: GFM parses footnotes and tables
 * first, then the citation transform adds its footnotes to the same numbering.
 */
export function markdownProcessor(options: RemarkCitationsOptions = {}) {
  return unified({
    gfm: false,
    remarkPlugins: [remarkGfm, [remarkCitations, options]],
    remarkRehype: {
      footnoteLabel: 'Notes',
      footnoteBackLabel: (referenceIndex, rereferenceIndex) =>
        `Back to citation ${referenceIndex + 1}${rereferenceIndex > 1 ? `, use ${rereferenceIndex}` : ''}`,
    },
  });
}
