import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CHECKS, runContentChecks } from '../../src/checks/index.ts';
import { loadContentModel } from '../../src/checks/model.ts';
import { contentDirs } from '../../src/data/content-dirs.ts';
import { formatProblem } from '../../src/data/content-error.ts';
import { scratchDir } from './scratch-dir.ts';

/**
 * One folder per mistake under tests/fixtures/broken: `mistake.txt` says what it is, `tree/` holds
 * the files that differ from the valid tree in tests/fixtures/content, and `expected.txt` is the
 * exact report `npm run check` prints for it (paths shown from the content root, as `content/…`).
 * Every case must report at least one problem: no mistake may pass silently.
 * Run with UPDATE=1 to rewrite `expected.txt` after an intended change, then review the diff.
 */
const BROKEN = 'tests/fixtures/broken';
const VALID = 'tests/fixtures/content';
const update = process.env['UPDATE'] === '1';
const scratch = scratchDir('broken-content');

async function report(root: string): Promise<{ count: number; text: string }> {
  const problems = await runContentChecks(contentDirs(root));
  const text = problems.map(formatProblem).join('\n\n');
  // Show paths as an editor would see them in the real tree: content/sources/…
  const shown = text.replaceAll(`${relative(process.cwd(), root)}/`, 'content/').replaceAll(`${root}/`, 'content/');
  return { count: problems.length, text: `${shown}\n` };
}

test('the valid tree has no problems', async () => {
  expect((await report(VALID)).count).toBe(0);
});

const cases = readdirSync(BROKEN, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** The checks that found a problem in some fixture: every check must have a mistake that shows it works. */
const fired = new Set<string>();

describe('each broken fixture reports its mistake exactly', () => {
  for (const name of cases) {
    test(`${name}: ${readFileSync(join(BROKEN, name, 'mistake.txt'), 'utf8').trim()}`, async () => {
      const root = join(scratch, name);
      cpSync(VALID, root, { recursive: true });
      cpSync(join(BROKEN, name, 'tree'), root, { recursive: true });
      const { count, text } = await report(root);
      expect(count, 'the mistake passed silently').toBeGreaterThan(0);
      const model = loadContentModel(contentDirs(root));
      for (const [id, check] of Object.entries(CHECKS)) if ((await check(model)).length > 0) fired.add(id);
      const expectedFile = join(BROKEN, name, 'expected.txt');
      if (update) writeFileSync(expectedFile, text);
      expect(existsSync(expectedFile), `${expectedFile} is missing: write it with UPDATE=1 and read it`).toBe(true);
      expect(text).toBe(readFileSync(expectedFile, 'utf8'));
    });
  }
});

test('every content check finds the mistake of at least one fixture', () => {
  expect(Object.keys(CHECKS).filter((id) => !fired.has(id))).toEqual([]);
});
