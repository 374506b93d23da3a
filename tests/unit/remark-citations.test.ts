import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderMdx } from './render-mdx.ts';

/**
 * One folder per case under tests/fixtures/citations: `input.mdx`, and either `output.html` (what the
 * transform renders) or `error.txt` (the exact message, with file:line:column, that stops the build).
 * A case with an `options.json` passes those options to the transform (e.g. `{ "requireEvidence": true }`).
 * Run with UPDATE=1 to rewrite the expected files after an intended change, then review the diff.
 */
const FIXTURES = 'tests/fixtures/citations';
const update = process.env['UPDATE'] === '1';

describe('remark-citations fixtures', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    const dir = join(FIXTURES, name);
    const input = join(dir, 'input.mdx');
    const expectsError = existsSync(join(dir, 'error.txt'));
    const optionsFile = join(dir, 'options.json');
    const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as { requireEvidence?: boolean }) : {};

    test(name, async () => {
      if (expectsError) {
        const error = await renderMdx(input, undefined, options).then(
          () => undefined,
          (caught: unknown) => caught as { message: string; line?: number; column?: number; file?: string },
        );
        expect(error, 'the transform should have stopped the build').toBeDefined();
        // The message is a formatted ContentProblem (src/data/content-error.ts): place, field, found, expected, fix.
        expect(error!.message.startsWith(`${error!.file}:${error!.line}:${error!.column}`)).toBe(true);
        const actual = `${error!.message}\n`;
        if (update) writeFileSync(join(dir, 'error.txt'), actual);
        expect(actual).toBe(readFileSync(join(dir, 'error.txt'), 'utf8'));
      } else {
        const { html } = await renderMdx(input, undefined, options);
        const expectedFile = join(dir, 'output.html');
        if (update) writeFileSync(expectedFile, `${html}\n`);
        expect(existsSync(expectedFile), `${expectedFile} is missing: write it with UPDATE=1 and read it`).toBe(true);
        expect(`${html}\n`).toBe(readFileSync(expectedFile, 'utf8'));
      }
    });
  }
});

describe('what a chapter tells its page', () => {
  test('lists each cited source with the notes that cite it, numbered as GFM numbers them', async () => {
    const { frontmatter } = await renderMdx(join(FIXTURES, 'reused-source', 'input.mdx'));
    expect(frontmatter['citations']).toEqual([
      { source: 'article-one', notes: [{ label: 'input-article-one', number: 1 }] },
      { source: 'treaty-text', notes: [{ label: 'input-treaty-text', number: 3 }] },
    ]);
  });
});
