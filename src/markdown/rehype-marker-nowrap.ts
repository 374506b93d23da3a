import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Punctuation that may follow a marker and must stay on its line: full stop, comma, closing quotes and brackets, dashes. */
const TRAILING_PUNCTUATION = /^[.,;:!?)\]’”»…—–]+/u;

const isMarker = (node: ElementContent | undefined): node is Element =>
  node?.type === 'element' &&
  node.tagName === 'sup' &&
  node.children.some((child) => child.type === 'element' && 'dataFootnoteRef' in child.properties);

/**
 * Footnote markers never start a line. A browser may break between two markers ("…day[4]" / "[5].")
 * and after a full stop before one ("signed.[4]"), so each run of markers is wrapped, with the word
 * before it and the punctuation after it, in one `span.fn-anchor` that does not wrap (global.css).
 * Text, not CSS alone, because the break opportunities are in the text: it holds in print and in
 * the PDF edition as well. Only a text node's last word is taken; an element before the run (a name,
 * a quotation) ends in a letter or a closing quote, after which no browser breaks before "[".
 */
export default function rehypeMarkerNowrap() {
  return (tree: Root) => {
    visit(tree, 'element', (parent) => {
      if (parent.tagName === 'span' && parent.properties['className']?.toString() === 'fn-anchor') return 'skip';
      if (!parent.children.some(isMarker)) return undefined;
      const children: ElementContent[] = [];
      const source = parent.children;
      for (let index = 0; index < source.length; index++) {
        const node = source[index]!;
        if (!isMarker(node)) {
          children.push(node);
          continue;
        }
        const run: ElementContent[] = [];
        // The last word of the text before the run, unless a space separates them.
        const before = children.at(-1);
        if (before?.type === 'text') {
          const word = /\S+$/u.exec(before.value)?.[0];
          if (word) {
            before.value = before.value.slice(0, -word.length);
            if (before.value === '') children.pop();
            run.push({ type: 'text', value: word });
          }
        }
        while (isMarker(source[index])) run.push(source[index++]!);
        const after = source[index];
        if (after?.type === 'text') {
          const punctuation = TRAILING_PUNCTUATION.exec(after.value)?.[0];
          if (punctuation) {
            run.push({ type: 'text', value: punctuation });
            after.value = after.value.slice(punctuation.length);
          }
        }
        index--; // the loop's increment moves on to the node after the run
        children.push({ type: 'element', tagName: 'span', properties: { className: ['fn-anchor'] }, children: run });
      }
      parent.children = children.filter((child) => child.type !== 'text' || child.value !== '');
      return undefined;
    });
  };
}
