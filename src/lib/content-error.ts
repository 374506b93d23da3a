/**
 * The one shape of every mistake an editor can make in content: where it is, which field, what was
 * found, what was expected, and how to fix it. Data files, frontmatter, component props and
 * citations all report through `formatProblem`, so an editor learns one kind of message.
 */
export interface ContentProblem {
  /** Path relative to the project root, e.g. content/sources/oc-media-2023-11-15.yaml. */
  file: string;
  line?: number;
  column?: number;
  /** Dotted path of the field, e.g. `roles.0.from`. */
  field?: string;
  found?: string;
  expected: string;
  fix: string;
}

export function formatProblem(problem: ContentProblem): string {
  const place = [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(':');
  const lines = [`${place}${problem.field ? ` — field \`${problem.field}\`` : ''}`];
  if (problem.found !== undefined) lines.push(`  found:    ${problem.found}`);
  lines.push(`  expected: ${problem.expected}`);
  lines.push(`  fix:      ${problem.fix}`);
  return lines.join('\n');
}

export class ContentError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    const count = problems.length === 1 ? 'a mistake' : `${problems.length} mistakes`;
    super(`The content has ${count}:\n\n${problems.map(formatProblem).join('\n\n')}\n`);
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** A short, readable rendering of a value an editor wrote. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (typeof value === 'string') return JSON.stringify(value);
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

/** The line and column of a character offset in a text, as a problem reports them. */
export function pointAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
