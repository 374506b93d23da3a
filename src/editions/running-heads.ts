/**
 * The print rules that give each chapter of the whole-explainer page its own running head: the
 * chapter's section is a named page (`page: part-2`), and that page's top-right margin box names the
 * chapter. Chromium prints named pages and margin boxes, but not `string-set`, which would take the
 * head from the heading itself; so the rules are written per chapter, from its label and short title.
 * A chapter starts on a new page as a result (a change of named page is a page break).
 */

/** A string as a CSS string literal, safe inside a <style> element: `"`, `\`, `<`, `>` and line breaks escaped. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r\f]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}

export function runningHeads(chapters: { key: string; head: string }[]): string {
  return chapters
    .map(
      ({ key, head }, index) =>
        `@media print { [data-chapter=${cssString(key)}] { page: part-${index}; } }\n` +
        `@page part-${index} { @top-right { content: ${cssString(head)}; } }`,
    )
    .join('\n');
}
