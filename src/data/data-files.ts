import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { type Document, isMap, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import type { z } from 'astro/zod';
import { describeValue, type ContentProblem } from './content-error.ts';

/**
 * Reads one YAML data file and validates it against a schema, reporting each problem with its
 * line and column. This is the project's one YAML reader (YAML 1.2 core schema): the catalog reads
 * every file with it, and Astro's content layer stores what the catalog read (yaml-loader.ts). Astro's
 * own reader (js-yaml, with YAML 1.1's timestamps) turns `2023-13-15` into a valid date a month later,
 * hiding the mistake.
 */
export function readDataFile<S extends z.ZodType>(file: string, schema: S): { id: string; data?: z.output<S>; problems: ContentProblem[] } {
  return { id: basename(file, '.yaml'), ...validateYaml(withoutBom(readFileSync(file, 'utf8')), file, schema) };
}

/** A file's text without the byte-order mark some editors put first (it would hide the frontmatter). */
export function withoutBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** An MDX file's frontmatter: the whole block, and the YAML between its two `---` lines. */
export const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/**
 * Validates an MDX file's frontmatter the same way, with line numbers counted in the MDX file.
 * The content layer keeps these values for the chapters' entries (chapterLoader in yaml-loader.ts).
 */
export function readFrontmatter<S extends z.ZodType>(file: string, schema: S): { data?: z.output<S>; problems: ContentProblem[] } {
  const match = FRONTMATTER.exec(withoutBom(readFileSync(file, 'utf8')));
  if (!match) {
    return {
      problems: [
        {
          file: relative(process.cwd(), file),
          line: 1,
          column: 1,
          expected: 'frontmatter between two --- lines at the top of the file',
          fix: 'start the file with the chapter’s frontmatter (see CONTRIBUTING.md)',
        },
      ],
    };
  }
  return validateYaml(match[1] ?? '', file, schema, 1);
}

function validateYaml<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  lineOffset = 0,
): { data?: z.output<S>; problems: ContentProblem[] } {
  const shown = relative(process.cwd(), file);
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const linePos = (offset: number) => {
    const at = lineCounter.linePos(offset);
    return { line: at.line + lineOffset, col: at.col };
  };
  if (document.errors.length > 0) {
    return {
      // The first YAML error explains the rest; later ones are usually its echoes.
      problems: document.errors.slice(0, 1).map((error) => {
        const at = linePos(error.pos[0]);
        return {
          file: shown,
          line: at.line,
          column: at.col,
          expected: 'valid YAML',
          found: error.message.split('\n')[0] ?? error.message,
          fix: 'check indentation, and put values containing ": " or starting with a quote mark in quotes',
        };
      }),
    };
  }
  // Data files need no anchors or aliases, and an alias of aliases can make a small file expand
  // without bound ("billion laughs"): refuse them with their place.
  let alias: number | undefined;
  visit(document, {
    Alias(_, node) {
      alias ??= node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  if (alias !== undefined) {
    const at = linePos(alias);
    return {
      problems: [
        {
          file: shown,
          line: at.line,
          column: at.col,
          found: 'a YAML alias (*name)',
          expected: 'each value written out in full',
          fix: 'replace the alias with the value it stands for, and remove the &anchor',
        },
      ],
    };
  }
  const raw: unknown = document.toJS();
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { data: parsed.data, problems: [] };

  const problems = parsed.error.issues.map((issue): ContentProblem => {
    // An unknown key is reported on the object; point at the key itself.
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    const offset = issue.code === 'unrecognized_keys' ? keyOffset(document, path) : valueOffset(document, path);
    const at = offset === undefined ? undefined : linePos(offset);
    const field = path.join('.');
    return {
      file: shown,
      ...(at ? { line: at.line, column: at.col } : {}),
      ...(field ? { field } : {}),
      ...describeIssue(issue, valueAt(raw, issue.path)),
    };
  });
  return { problems };
}

type Ranged = { range?: [number, number, number] | null };

/** Where the value at `path` starts, or its parent when the value is missing. */
function valueOffset(document: Document, path: PropertyKey[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = (depth === 0 ? document.contents : document.getIn(path.slice(0, depth) as (string | number)[], true)) as Ranged | null;
    if (node?.range) return node.range[0];
  }
  return undefined;
}

/** Where the key at the end of `path` is written. */
function keyOffset(document: Document, path: PropertyKey[]): number | undefined {
  const parent = path.length > 1 ? document.getIn(path.slice(0, -1) as (string | number)[], true) : document.contents;
  const key = path.at(-1);
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
    if (isScalar(pair?.key) && pair.key.range) return pair.key.range[0];
  }
  return valueOffset(document, path.slice(0, -1));
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((current, key) => (current as Record<PropertyKey, unknown> | undefined)?.[key], value);
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): Pick<ContentProblem, 'found' | 'expected' | 'fix'> {
  if (issue.code === 'unrecognized_keys') {
    return {
      found: `a field the schema does not know: ${issue.keys.join(', ')}`,
      expected: 'only the fields documented in CONTRIBUTING.md for this kind of entry',
      fix: `remove ${issue.keys.join(', ')} or correct its spelling`,
    };
  }
  // Zod's own wording for a wrong type ("Invalid input: expected string, received number") names
  // JavaScript types; say what to write instead.
  const expected = issue.code === 'invalid_type' ? (TYPE_NAMES[issue.expected] ?? issue.expected) : issue.message.replace(/^expected /, '');
  if (value === undefined) {
    return {
      found: describeValue(value),
      expected: `${expected} (the field is required)`,
      fix: `add the field \`${issue.path.join('.')}\``,
    };
  }
  const fix = issue.code === 'invalid_type' && issue.expected === 'string' ? 'put the value in quotes' : 'correct the value as expected';
  return { found: describeValue(value), expected, fix };
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list, written [a, b] or as lines starting "- "',
  object: 'a group of indented fields',
};

/** Every `.yaml` file in a folder, in a stable order. A missing folder is an empty collection. */
export function yamlFilesIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}
