import { execFile } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import {
  escapeAnnotationData,
  escapeAnnotationProperty,
  formatAnnotation,
  githubAnnotations,
  type ContentProblem,
} from '../../src/data/content-error.ts';
import { scratchDir } from './scratch-dir.ts';

/**
 * In GitHub Actions every content problem is also a `::error` workflow command, so GitHub shows it on
 * the changed line of a pull request; elsewhere the output is the readable report alone.
 */
const problem: ContentProblem = {
  file: 'content/sources/oc-media.yaml',
  line: 4,
  column: 9,
  field: 'published',
  found: '"2024-13-06"',
  expected: 'a date: 2024-06-13, 2024-06 or 2024',
  fix: 'write the date as year-month-day',
};

describe('escaping', () => {
  test('a message escapes %, CR and LF, and keeps : and ,', () => {
    expect(escapeAnnotationData('100% sure,\r\nsee: here')).toBe('100%25 sure,%0D%0Asee: here');
  });
  test('a property also escapes : and , which would end it', () => {
    expect(escapeAnnotationProperty('a,b:c%\nd')).toBe('a%2Cb%3Ac%25%0Ad');
  });
  test('% is escaped first, so an escape in the text is not read as one', () => {
    expect(escapeAnnotationData('%0A')).toBe('%250A');
  });
});

describe('formatAnnotation', () => {
  test('names the file, line, column and field, and gives found, expected and fix on separate lines', () => {
    expect(formatAnnotation(problem)).toBe(
      '::error file=content/sources/oc-media.yaml,line=4,col=9,title=Content%3A field published::' +
        'found: "2024-13-06"%0Aexpected: a date: 2024-06-13, 2024-06 or 2024%0Afix: write the date as year-month-day',
    );
  });
  test('leaves out what the problem does not know, and escapes a path with a comma', () => {
    const annotation = formatAnnotation({ file: './content/a,b.mdx', expected: 'x', fix: 'y' });
    expect(annotation).toBe('::error file=content/a%2Cb.mdx,title=Content check::expected: x%0Afix: y');
  });
  test('is one line whatever the problem holds', () => {
    expect(formatAnnotation({ ...problem, found: 'two\nlines\r\n' }).split('\n')).toHaveLength(1);
  });
});

test('annotations are printed only in GitHub Actions, and can be turned off there', () => {
  expect(githubAnnotations([problem], { GITHUB_ACTIONS: 'true' })).toBe(`${formatAnnotation(problem)}\n`);
  expect(githubAnnotations([problem], {})).toBe('');
  expect(githubAnnotations([problem], { GITHUB_ACTIONS: 'true', CONTENT_ANNOTATIONS: 'off' })).toBe('');
});

describe('npm run check:content', () => {
  const root = join(scratchDir('annotations'), 'content');
  cpSync('tests/fixtures/content', root, { recursive: true });
  cpSync('tests/fixtures/broken/citation-unknown-source/tree', root, { recursive: true });
  const run = async (env: NodeJS.ProcessEnv) => {
    const child = promisify(execFile)(process.execPath, ['scripts/check-content.ts', root], {
      env: { PATH: process.env['PATH'], ...env },
    });
    const failed = await child.then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failed?.code, 'the check fails on the broken tree').toBe(1);
    return { stdout: failed!.stdout, stderr: failed!.stderr };
  };

  test('in GitHub Actions, prints the report and an ::error line on the mistake', async () => {
    const { stdout, stderr } = await run({ GITHUB_ACTIONS: 'true' });
    expect(stderr).toContain('expected: the id of an entry in');
    const annotations = stdout.split('\n').filter((line) => line.startsWith('::error '));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(
      /^::error file=[^,]*content\/explainers\/sample\/details\.mdx,line=23,col=31,title=Content check::found: "treaty-txet"%0Aexpected: /,
    );
  }, 30_000);

  test('elsewhere, prints the report alone', async () => {
    const { stdout, stderr } = await run({});
    expect(stderr).toContain('expected: the id of an entry in');
    expect(stdout).not.toContain('::error');
  }, 30_000);
});
