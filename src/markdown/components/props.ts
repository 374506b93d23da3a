import type { RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { z } from 'astro/zod';
import type { ChapterContext, Problem } from '../chapter-context.ts';

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** A component's props: a strict Zod object, so that a prop the component does not have is an error. */
export type PropsSchema = z.ZodObject<z.ZodRawShape, z.core.$strict>;

/**
 * A component that renders typed data, expanded by the citation transform into plain Markdown nodes
 * (so its words are written once, in data, and its notes are numbered with the rest).
 */
export interface DataComponent<S extends PropsSchema = PropsSchema> {
  /** The element's name in chapter MDX. */
  name: string;
  /** Its props, as an editor writes them: strings in quotes, or a flag written alone (`true`). */
  props: S;
  /** Whether it cites its sources, so that it counts as a citation for the uncited-paragraph check. */
  cites: boolean;
  /** The nodes that take the element's place. */
  expand(node: JsxElement, props: z.output<S>, chapter: ChapterContext): RootContent[];
}

/** A data component, typed by its schema; the registry holds them side by side. */
export function dataComponent<S extends PropsSchema>(definition: DataComponent<S>): DataComponent {
  return definition;
}

/** An attribute's value written in braces (`id={x}`): kept apart so that no schema takes it for a string. */
class Expression {
  readonly source: string;
  constructor(source: string) {
    this.source = source;
  }
}

/** A flag prop (`<Person short />`) rather than a string prop: its schema takes `true` and no string. */
function isFlag(schema: z.ZodType | undefined): boolean {
  return schema !== undefined && schema.safeParse(true).success && !schema.safeParse('x').success;
}

/**
 * An element's props, read from its attributes and checked against the schema: the props, or every
 * problem with them, worded for an editor (what was found, what was expected, the fix) in the
 * order they are written. The content policy reports them all; the transform stops at the first.
 */
export function readProps<S extends PropsSchema>(node: JsxElement, schema: S): { props: z.output<S> } | { problems: Problem[] } {
  const name = node.name ?? '';
  const written: Record<string, unknown> = {};
  const problems: Problem[] = [];
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      problems.push({
        found: `{${excerptOf(attribute.value)}} in <${name}>`,
        expected: 'only named attributes with plain values',
        fix: `remove the spread; write <${name} id="…" />`,
      });
    } else {
      const { value } = attribute;
      written[attribute.name] =
        value === null || value === undefined ? true : typeof value === 'string' ? value : new Expression(value.value);
    }
  }
  const result = schema.safeParse(written);
  if (result.success && problems.length === 0) return { props: result.data };
  const wrong = new Set(
    result.error?.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys : issue.path.slice(0, 1).map(String))),
  );
  for (const prop of Object.keys(written)) if (wrong.has(prop)) problems.push(propProblem(name, schema, prop, written[prop]));
  for (const issue of result.error?.issues ?? []) {
    const prop = String(issue.path[0] ?? '');
    if (issue.path.length > 0 && !(prop in written)) problems.push(propProblem(name, schema, prop, undefined, issue.message));
  }
  return { problems };
}

/** What is wrong with one prop as written (`undefined`: not written), worded as every content mistake is. */
function propProblem(name: string, schema: PropsSchema, prop: string, value: unknown, message?: string): Problem {
  const shape = schema.shape as Record<string, z.ZodType>;
  const own = shape[prop];
  if (own === undefined) {
    const props = Object.keys(shape);
    return {
      found: `${prop}= on <${name}>`,
      expected: props.length ? `only ${props.map((p) => `${p}=`).join(', ')} on <${name}>` : `no attributes on <${name}>`,
      fix: /^on/i.test(prop)
        ? 'remove the event handler: chapters cannot run script'
        : prop === 'style'
          ? 'remove style=: the site styles every element'
          : `remove ${prop}=`,
    };
  }
  if (value === undefined) return { found: `<${name}> without ${prop}=`, expected: `<${name} ${prop}="…" />`, fix: `add ${prop}="…"` };
  if (isFlag(own)) return { found: `${prop}=… on <${name}>`, expected: `${prop} written alone`, fix: `write <${name} … ${prop} />` };
  if (typeof value !== 'string') {
    return {
      found: `${prop}=${value === true ? ' with no value' : '{…}'} on <${name}>`,
      expected: `${prop}="…", a plain string in quotes`,
      fix: `write <${name} ${prop}="…" />`,
    };
  }
  // A string the schema refuses (an empty id): the schema's own message says what it wants.
  return {
    field: `<${name} ${prop}>`,
    found: value.trim() === '' ? `nothing (the ${prop} is missing)` : `"${value}"`,
    expected: message ?? own.safeParse(value).error?.issues[0]?.message ?? `a valid ${prop}`,
    fix: `write <${name} ${prop}="…" />`,
  };
}

export function excerptOf(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
