import type { Nodes, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { relative } from 'node:path';
import { z } from 'astro/zod';
import { formatProblem, type ContentProblem } from '../data/content-error.ts';
import { DATA_COMPONENTS } from './components/index.ts';
import { excerptOf, readProps, type PropsSchema } from './components/props.ts';

/**
 * What an editor may write in a chapter: Markdown, GFM, the components below with their documented
 * props (plain strings, or flags written alone), a few inline HTML elements, and MDX comments. Nothing else: no import or
 * export, no {expressions}, no other element (so no <script>, <iframe>, <form>, <meta>, <style>),
 * no on…= handlers or style=, and only links a reader can follow safely. MDX is code; this makes
 * chapter files content again, so that nothing in content/ runs on the build machine or in a
 * reader's browser. Developers who need more add a component in src/ and list it here.
 *
 * The policy is one function: the build runs it before any other transform (remarkContentPolicy),
 * and `npm run check:content` runs it with the other checks. Every element's props are read and
 * checked by the one reader (components/props.ts), against a strict Zod object per element.
 */

/** An address's scheme (`https`, `javascript`), read as a browser reads it: without the tabs, newlines and controls it drops. */
export function schemeOf(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- the controls are what a browser removes
  return /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020\u007f]+/g, ''))?.[1]?.toLowerCase();
}

/**
 * The components chapters may use, with their props: the data components the citation transform
 * expands (components/index.ts, in its order), then the MDX components of src/components/mdx.
 */
export const COMPONENTS: Record<string, PropsSchema> = {
  ...Object.fromEntries(DATA_COMPONENTS.map((component) => [component.name, component.props])),
  MembershipChart: z.strictObject({ until: z.string(), accent: z.string().optional() }),
  LocatorMap: z.strictObject({ until: z.string(), accent: z.string().optional(), karabakh: z.string().optional() }),
};

/** Inline HTML that Markdown has no syntax for, with the attributes each may carry. */
export const HTML_ELEMENTS: Record<string, string[]> = {
  abbr: ['title'],
  br: [],
  sub: [],
  sup: [],
  span: ['lang'],
  cite: [],
};

/** The HTML elements' attributes as props: each optional, each a plain string. */
const HTML_PROPS: Record<string, PropsSchema> = Object.fromEntries(
  Object.entries(HTML_ELEMENTS).map(([name, attributes]) => [
    name,
    z.strictObject(Object.fromEntries(attributes.map((attribute) => [attribute, z.string().optional()]))),
  ]),
);

/**
 * A link or image address a reader can follow safely: relative, a fragment, or an http(s) or mailto
 * address. Browsers drop tabs, newlines and controls from addresses, so the scheme is read without them.
 */
export function isSafeAddress(url: string): boolean {
  const scheme = schemeOf(url);
  return scheme === undefined || scheme === 'http' || scheme === 'https' || scheme === 'mailto';
}

/** Records a problem at a node: what was found, what was expected, the fix. */
type Add = (node: Nodes, found: string, expected: string, fix: string) => void;

export function contentPolicyProblems(tree: Root, file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const at = (node: Nodes) => (node.position ? { line: node.position.start.line, column: node.position.start.column } : {});
  const add: Add = (node, found, expected, fix) => problems.push({ file, ...at(node), found, expected, fix });
  const visit = (node: Nodes, inHeading: boolean) => {
    checkNode(node, inHeading, add);
    if ('children' in node) for (const child of node.children) visit(child, inHeading || node.type === 'heading');
  };
  visit(tree, false);
  return problems;
}

/** What the policy refuses in one node (its children are checked on their own). */
function checkNode(node: Nodes, inHeading: boolean, add: Add): void {
  switch (node.type) {
    case 'mdxjsEsm':
      add(
        node,
        excerptOf(node.value),
        'chapter text: Markdown and the documented components, which need no import',
        'remove the import or export: chapters cannot import or define code (components are available without imports; see CONTRIBUTING.md)',
      );
      break;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      if (!isComment(node.value)) {
        add(
          node,
          `{${excerptOf(node.value)}}`,
          'text, not a {JavaScript expression} (only {/* comments */} are allowed)',
          'write the words themselves; for a fact from the data use <Quote id="…" />, <Person id="…" /> or a citation [@id, "…"]; a literal { or } is written \\{ or \\}',
        );
      }
      break;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      checkElement(node, add);
      break;
    case 'link':
    case 'image':
    case 'definition':
      if (!isSafeAddress(node.url)) {
        add(
          node,
          `the address ${JSON.stringify(node.url)}`,
          'a web address (https://…), a mailto: address, or a link within the site',
          'use a normal web address; javascript:, data: and other schemes are not allowed',
        );
      } else if (node.type === 'image' && /^\s*(?:https?:)?\/\//i.test(node.url)) {
        add(
          node,
          `an image from ${node.url}`,
          'images served by the site itself (nothing is loaded from other sites)',
          'put the image in public/ and link to it with a relative address',
        );
      }
      break;
    case 'text':
      if (inHeading && /\[@/.test(node.value)) {
        add(
          node,
          'a citation in a heading',
          'citations in the text below the heading, which its anchor and the contents list do not include',
          'move the citation into the paragraph under the heading',
        );
      }
      break;
    case 'footnoteReference':
      if (inHeading)
        add(
          node,
          'a footnote in a heading',
          'notes in the text below the heading',
          'move the note marker into the paragraph under the heading',
        );
      break;
    case 'html':
      // MDX parses HTML as JSX; plain Markdown HTML never reaches a chapter, but refuse it all the same.
      add(node, excerptOf(node.value), 'no raw HTML', 'use Markdown, or a documented component');
      break;
  }
}

function checkElement(node: MdxJsxFlowElement | MdxJsxTextElement, add: Add): void {
  const name = node.name ?? '';
  const schema = COMPONENTS[name] ?? HTML_PROPS[name];
  if (!schema) {
    add(
      node,
      name ? `<${name}>` : 'a fragment <>…</>',
      `Markdown, the components ${Object.keys(COMPONENTS).join(', ')}, or the HTML elements ${Object.keys(HTML_ELEMENTS).join(', ')}`,
      FIXES[name.toLowerCase()] ?? `remove <${name}>; if the page needs it, ask a developer to add a component`,
    );
    return;
  }
  const read = readProps(node, schema);
  if ('problems' in read) for (const { found, expected, fix } of read.problems) add(node, found ?? '', expected, fix);
}

/** The fix for elements editors reach for most often. */
const FIXES: Record<string, string> = {
  script: 'remove the script: chapters cannot run code',
  iframe: 'remove the frame: embed nothing from other sites; link to the page instead',
  form: 'remove the form',
  meta: 'remove the <meta>: a chapter cannot change the page head',
  style: 'remove the <style>: the site styles every element',
  blockquote:
    'for what someone said, add it to content/statements/ and write <Quote id="…" />; a quotation of a text is > at the start of the line',
  q: 'for what someone said, write <Quote id="…" excerpt="…" />',
  a: 'write a link as [words](address)',
  img: 'write an image as ![description](address), with the file in public/',
  section: 'use ## headings: a chapter is divided by headings',
  div: 'use Markdown paragraphs and headings',
};

function isComment(value: string): boolean {
  return /^\s*(?:\/\*[\s\S]*?\*\/\s*)+$/.test(value);
}

/** The policy as the first remark plugin of the build: a chapter outside it stops the build, with every problem. */
export default function remarkContentPolicy() {
  return (tree: Root, file: VFile) => {
    const shown = file.path ? relative(process.cwd(), file.path) : 'chapter.mdx';
    const problems = contentPolicyProblems(tree, shown);
    if (problems.length === 0) return;
    const [first] = problems;
    const message = file.message(problems.map(formatProblem).join('\n\n'), {
      place: first?.line ? { line: first.line, column: first.column ?? 1 } : undefined,
      ruleId: 'content-policy',
      source: 'content-policy',
    });
    message.fatal = true;
    throw Object.assign(message, { problem: first });
  };
}
