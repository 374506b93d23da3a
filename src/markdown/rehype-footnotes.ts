import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { chapterPrefix } from './chapter-prefix.ts';

const GFM_LABEL_ID = 'footnote-label';

/**
 * Finishing touches on GFM's footnote HTML:
 * - GFM gives every page's footnote heading the same id, `footnote-label`, and points each marker's
 *   aria-describedby at it. Prefix it per chapter, like the note ids, so chapters can share a page.
 * - Markers and the notes section are left out of the search index, so excerpts read as prose.
 */
export default function rehypeFootnotes() {
  return (tree: Root, file: VFile) => {
    const id = `${chapterPrefix(file)}-${GFM_LABEL_ID}`;
    visit(tree, 'element', (node) => {
      if (node.properties['id'] === GFM_LABEL_ID) node.properties['id'] = id;
      const describedBy = node.properties['ariaDescribedBy'];
      if (Array.isArray(describedBy) && describedBy.includes(GFM_LABEL_ID)) node.properties['ariaDescribedBy'] = [id];
      const isMarker =
        node.tagName === 'sup' && node.children.some((child) => child.type === 'element' && 'dataFootnoteRef' in child.properties);
      if (isMarker || 'dataFootnotes' in node.properties) node.properties['dataPagefindIgnore'] = '';
    });
  };
}
