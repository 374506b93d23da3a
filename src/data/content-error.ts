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
    annotateDuringBuild(problems);
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

/*
 * GitHub Actions annotations. A workflow command printed at the start of a line
 * (`::error file=…,line=…,col=…,title=…::message`) makes GitHub show the problem on that line of the
 * pull request's diff, so an editor sees the mistake where they made it. Outside GitHub Actions
 * nothing changes: the readable report above is the only output.
 */

/** Escapes a workflow command's message, as @actions/core does: %, CR and LF. */
export function escapeAnnotationData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a workflow command's property value: the message's escapes, plus `:` and `,` that end a property. */
export function escapeAnnotationProperty(text: string): string {
  return escapeAnnotationData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** One problem as a GitHub `::error` workflow command (one line). */
export function formatAnnotation(problem: ContentProblem): string {
  const properties: [string, string | number | undefined][] = [
    // GitHub matches the path against the repository's files: forward slashes, no leading ./
    ['file', problem.file.replaceAll('\\', '/').replace(/^\.\//, '')],
    ['line', problem.line],
    ['col', problem.column],
    ['title', problem.field ? `Content: field ${problem.field}` : 'Content check'],
  ];
  const message = [
    ...(problem.found !== undefined ? [`found: ${problem.found}`] : []),
    `expected: ${problem.expected}`,
    `fix: ${problem.fix}`,
  ].join('\n');
  const props = properties
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeAnnotationProperty(String(value))}`)
    .join(',');
  return `::error ${props}::${escapeAnnotationData(message)}`;
}

/** True when running as a GitHub Actions step (the runner sets GITHUB_ACTIONS=true). */
export function inGitHubActions(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['GITHUB_ACTIONS'] === 'true' && env['CONTENT_ANNOTATIONS'] !== 'off';
}

/** The annotations for `problems` in GitHub Actions, one per line; an empty string anywhere else. */
export function githubAnnotations(problems: readonly ContentProblem[], env: NodeJS.ProcessEnv = process.env): string {
  return inGitHubActions(env) ? problems.map((problem) => `${formatAnnotation(problem)}\n`).join('') : '';
}

/*
 * During `astro build` the mistakes are thrown from deep inside Astro (the data loader, the Markdown
 * transform) and printed by Astro, not at the start of a line. The content-check integration turns
 * annotating on for the build; each thrower then prints its problems' annotations once. The state
 * lives on globalThis because Astro may load this module more than once (config and page bundles).
 */
const BUILD_ANNOTATIONS = Symbol.for('footnoted.buildAnnotations');
type AnnotationState = { printed: Set<string> };
const globals = globalThis as { [BUILD_ANNOTATIONS]?: AnnotationState };

/** Called by the content-check integration when `astro build` starts. */
export function enableBuildAnnotations(): void {
  globals[BUILD_ANNOTATIONS] ??= { printed: new Set() };
}

/** Prints the problems' annotations if the build turned them on and we are in GitHub Actions; each once. */
export function annotateDuringBuild(problems: readonly ContentProblem[]): void {
  const state = globals[BUILD_ANNOTATIONS];
  if (!state || !inGitHubActions()) return;
  for (const problem of problems) {
    const line = formatAnnotation(problem);
    if (state.printed.has(line)) continue;
    state.printed.add(line);
    process.stdout.write(`${line}\n`);
  }
}
