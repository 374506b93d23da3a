import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/data/content-error.ts';
import { readDataFile } from '../../src/data/data-files.ts';
import { isCalendarDate, partialDate } from '../../src/schemas/partial-date.ts';
import { z } from 'astro/zod';
import type { References } from '../../src/schemas/reference.ts';
import { sourceSchema as sourceSchemaWith } from '../../src/schemas/source.ts';
import { scratchDir } from './scratch-dir.ts';

function writeYaml(text: string): string {
  const file = join(scratchDir('data'), 'a-source.yaml');
  writeFileSync(file, text);
  return file;
}

const VALID_SOURCE = `title: A title
publisher: A publisher
outlet: an-outlet
url: https://example.org/a
published: 2024-06-13
accessed: 2026-12-06
language: en
kind: news-report
`;

/** The source schema as the content check builds it, with a reference that accepts any outlet id. */
const sourceSchema = sourceSchemaWith({
  outlets: z.string().transform((id) => ({ collection: 'outlets' as const, id })),
} as unknown as References);

describe('partial dates', () => {
  test.each([
    ['2024-06-13', { iso: '2024-06-13', precision: 'day' }],
    ['2023-03', { iso: '2023-03', precision: 'month' }],
    ['1993', { iso: '1993', precision: 'year' }],
  ])('%s keeps its precision', (input, expected) => {
    expect(partialDate.parse(input)).toEqual(expected);
  });

  test('a YAML 1.1 Date is read back as its day', () => {
    expect(partialDate.parse(new Date(Date.UTC(2024, 5, 13)))).toEqual({ iso: '2024-06-13', precision: 'day' });
  });

  test.each(['2023-13-15', '2024-02-30', '2024-6-13', '13 June 2024', '2024-00'])('%s is refused', (input) => {
    expect(isCalendarDate(input)).toBe(false);
    expect(partialDate.safeParse(input).success).toBe(false);
  });
});

describe('data files report file, line, column, field and a fix', () => {
  test('a valid source parses', () => {
    const result = readDataFile(writeYaml(VALID_SOURCE), sourceSchema);
    expect(result.problems).toEqual([]);
    expect(result.data?.published).toEqual({ iso: '2024-06-13', precision: 'day' });
  });

  test('an impossible date that YAML 1.1 would silently move to another month', () => {
    const file = writeYaml(VALID_SOURCE.replace('2024-06-13', '2023-13-15'));
    const [problem] = readDataFile(file, sourceSchema).problems;
    expect(formatProblem(problem!)).toBe(
      [
        `${relative(process.cwd(), file)}:5:12 — field \`published\``,
        '  found:    "2023-13-15"',
        '  expected: "2023-13-15" is not a date written YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known (e.g. 2024-06-13)',
        '  fix:      correct the value as expected',
      ].join('\n'),
    );
  });

  test('a missing field names the field to add', () => {
    const [problem] = readDataFile(writeYaml(VALID_SOURCE.replace('kind: news-report\n', '')), sourceSchema).problems;
    expect(problem).toMatchObject({ field: 'kind', found: 'nothing (the field is missing)', fix: 'add the field `kind`' });
  });

  test('an unknown field points at the key', () => {
    const [problem] = readDataFile(writeYaml(`${VALID_SOURCE}autor: Someone\n`), sourceSchema).problems;
    expect(problem).toMatchObject({ line: 9, column: 1, field: 'autor', fix: 'remove autor or correct its spelling' });
  });

  test('a URL without its scheme', () => {
    const [problem] = readDataFile(writeYaml(VALID_SOURCE.replace('https://example.org/a', 'example.org/a')), sourceSchema).problems;
    expect(problem).toMatchObject({
      line: 4,
      field: 'url',
      expected: 'the full address of the page, starting http:// or https://, with no spaces or quotes',
    });
  });

  test.each([
    ['a space', 'https://example.org/a page'],
    ['a quote', 'https://example.org/a"onmouseover="x'],
    ['an angle bracket', 'https://example.org/<script>'],
    ['another scheme', 'javascript:alert(1)'],
    ['a data address', 'data:text/html,hello'],
  ])('a URL with %s is refused', (_, url) => {
    const [problem] = readDataFile(writeYaml(VALID_SOURCE.replace('https://example.org/a', JSON.stringify(url))), sourceSchema).problems;
    expect(problem).toMatchObject({ field: 'url' });
  });

  test('a title in brackets, and a news report without its date, are refused', () => {
    const bracketed = readDataFile(writeYaml(VALID_SOURCE.replace('title: A title', 'title: "[A description]"')), sourceSchema).problems;
    expect(bracketed[0]).toMatchObject({ field: 'title' });
    const undated = readDataFile(writeYaml(VALID_SOURCE.replace('published: 2024-06-13\n', '')), sourceSchema).problems;
    expect(undated[0]).toMatchObject({ field: 'published' });
    const reference = readDataFile(
      writeYaml(VALID_SOURCE.replace('published: 2024-06-13\n', '').replace('news-report', 'reference')),
      sourceSchema,
    );
    expect(reference.problems).toEqual([]);
  });

  test('broken YAML', () => {
    const [problem] = readDataFile(writeYaml('title: A title\n  publisher: indented by mistake\n'), sourceSchema).problems;
    expect(problem).toMatchObject({ line: 1, column: 8, expected: 'valid YAML' });
  });
});

test('a byte-order mark before the YAML or the frontmatter is read past', () => {
  const result = readDataFile(writeYaml(`\uFEFF${VALID_SOURCE}`), sourceSchema);
  expect(result.problems).toEqual([]);
});

test.each(['title: A <b>bold</b> title', 'publisher: <i>Italic</i> News', 'author: ["Jane <sup>Doe</sup>"]'])(
  'markup in a source field is refused: %s',
  (line) => {
    const [field] = line.split(':');
    const text = VALID_SOURCE.replace(new RegExp(`^${field}: .*$`, 'm'), '') + `${line}\n`;
    const [problem] = readDataFile(writeYaml(text), sourceSchema).problems;
    expect(problem).toMatchObject({ field: expect.stringMatching(new RegExp(`^${field}`)) });
  },
);
