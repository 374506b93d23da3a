import type { DefaultTreeAdapterTypes } from 'parse5';

/** An element, a text node or any node of HTML as parse5 reads it (the one HTML parser of the build). */
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
