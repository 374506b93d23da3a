import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { strings } from '../i18n/ui.ts';

/**
 * Wraps each table in a focusable region that scrolls sideways on its own, so a wide table never
 * makes a phone's whole page scroll and keyboard users can still scroll it.
 */
export default function rehypeScrollableTables() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: strings().table },
        children: [node],
      };
      parent.children[index] = wrapper;
      return [SKIP, index + 1];
    });
  };
}
