import type { DefaultTreeAdapterTypes } from 'parse5';

/** An element, a text node or any node of HTML as parse5 reads it (the build's HTML parser; plain-html.ts builds the same nodes, faster, for plain HTML). */
export type Element = DefaultTreeAdapterTypes.Element;
export type TextNode = DefaultTreeAdapterTypes.TextNode;
export type ChildNode = DefaultTreeAdapterTypes.ChildNode;

export function isElement(node: ChildNode): node is Element {
  return 'tagName' in node;
}

export function isText(node: ChildNode): node is TextNode {
  return node.nodeName === '#text';
}

/** An attribute's value as the parser decoded it, or undefined when the element has none. */
export function attribute(node: Element, name: string): string | undefined {
  return node.attrs.find((attr) => attr.name === name)?.value;
}

export function hasAttribute(node: Element, name: string): boolean {
  return node.attrs.some((attr) => attr.name === name);
}

/** The first element, in document order, that `matches`; undefined when none does. */
export function findElement(node: { childNodes?: ChildNode[] }, matches: (element: Element) => boolean): Element | undefined {
  for (const child of node.childNodes ?? []) {
    if (!isElement(child)) continue;
    if (matches(child)) return child;
    const found = findElement('content' in child ? child.content : child, matches);
    if (found) return found;
  }
  return undefined;
}
