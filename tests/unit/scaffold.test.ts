import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runContentChecks } from '../../src/checks/index.ts';
import { contentDirs } from '../../src/data/content-dirs.ts';
import { scratchDir } from './scratch-dir.ts';

/** `npm run new` writes files that are valid as written, and refuses what would be a mistake. */
const root = scratchDir('scaffold');
cpSync('tests/fixtures/content', root, { recursive: true });

function scaffold(...args: string[]): string {
  return execFileSync(process.execPath, ['scripts/new.ts', ...args], {
    env: { ...process.env, CONTENT_ROOT: root },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

test('every kind of starting file is valid, and a tree built from them passes the checks', async () => {
  scaffold('explainer', 'new-story');
  scaffold('chapter', 'new-story', 'second-part');
  scaffold('outlet', 'my-outlet');
  scaffold('source', 'my-source', 'my-outlet');
  scaffold('person', 'john-roe', 'my-source');
  scaffold('event', '2024-01-01-thing', 'my-source');
  scaffold('statement', 'roe-said', 'john-roe', 'my-source');
  scaffold('correction', 'r1-thing', 'my-source', 'article-one');
  expect(readFileSync(join(root, 'explainers/new-story/second-part.mdx'), 'utf8')).toContain('order: 1');
  // What is left is the to-do that `npm run new` prints: the new chapters have no text yet.
  const problems = await runContentChecks(contentDirs(root));
  expect(problems.map((problem) => [problem.file.split('/').slice(-2).join('/'), problem.found])).toEqual([
    ['new-story/index.mdx', 'a chapter with no text after its frontmatter'],
    ['new-story/second-part.mdx', 'a chapter with no text after its frontmatter'],
  ]);
}, 120_000);

test.each([
  [['person', 'jane-roe'], /give the source id/],
  [['source', 'Bad_Id', 'example-news'], /not a usable source id/],
  [['source', 'article-one', 'example-news'], /already exists/],
  [['source', 'my-other-source', 'no-such-outlet'], /there is no .*no-such-outlet\.yaml/],
  [['chapter', 'no-such-explainer', 'part'], /there is no explainer/],
  [['person', 'jane-roe', 'no-such-source'], /there is no .*no-such-source\.yaml/],
])(
  'npm run new -- %s is refused',
  (args, message) => {
    expect(() => scaffold(...args)).toThrow(message);
  },
  // Each case starts Node and reads the content tree: seconds on a busy machine.
  60_000,
);
