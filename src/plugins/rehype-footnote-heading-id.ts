import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { chapterPrefix } from './chapter-prefix';

const GFM_LABEL_ID = 'footnote-label';

/**
 * GFM gives every page's footnote heading the same id, `footnote-label`, and points each marker's
 * aria-describedby at it. Prefix it per chapter, like the note ids, so chapters can share a page.
 */
export default function rehypeFootnoteHeadingId() {
  return (tree: Root, file: VFile) => {
    const id = `${chapterPrefix(file)}-${GFM_LABEL_ID}`;
    visit(tree, 'element', (node) => {
      if (node.properties['id'] === GFM_LABEL_ID) node.properties['id'] = id;
      const describedBy = node.properties['ariaDescribedBy'];
      if (Array.isArray(describedBy) && describedBy.includes(GFM_LABEL_ID)) node.properties['ariaDescribedBy'] = [id];
    });
  };
}
