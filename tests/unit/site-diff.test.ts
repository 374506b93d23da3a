import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import {
  diffSentences,
  diffSites,
  escapeMarkdown,
  readSite,
  sentencesOf,
  summaryMarkdown,
  type SiteDiff,
} from '../../scripts/lib/site-diff.ts';
import { scratchDir } from './scratch-dir.ts';

/**
 * `npm run diff:site`: what readers will see differently between two builds, from two tiny built
 * sites in tests/fixtures/site-diff (see its README for what head/ changes).
 */
const BASE = 'tests/fixtures/site-diff/base';
const HEAD = 'tests/fixtures/site-diff/head';
const diff = diffSites(readSite(BASE), readSite(HEAD));
const part = diff.pagesChanged.find((page) => page.path === '/story/part/')!;

describe('reading a built page', () => {
  const page = readSite(BASE).get('/story/part/')!;
  test('takes the main content as sentences: no navigation, scripts, hidden text, note markers, notes or source list', () => {
    expect(page.title).toBe('The part');
    expect(page.sentences).toEqual([
      'The part',
      'Covers 1992',
      'Updated 13 June 2024',
      'What happened',
      'The treaty was signed in 1992.',
      'It entered into force a year later.',
      'Six states signed it.',
      'Nobody objected.',
      'We will decide when the time comes.',
      'Jane Doe, 12 June 2024',
      'Costs rose by 5 * 2 <percent>.',
    ]);
  });
  test('reads the notes’ sources and evidence passages, and the quotations', () => {
    expect(page.cited).toEqual(['treaty-text', 'article-one']);
    expect(page.evidence).toEqual(['treaty-text: “signed at Tashkent on 15 May 1992”', 'article-one: “entered into force in 1994”']);
    expect(page.quotes).toEqual(['We will decide when the time comes.']);
  });
  test('leaves out the 404 page and the one-page editions', () => {
    expect([...readSite(HEAD).keys()]).toEqual(['/new/', '/sources/', '/story/part/']);
  });
});

describe('comparing two sites', () => {
  test('finds pages added, removed, changed', () => {
    expect(diff.pagesAdded.map((page) => page.path)).toEqual(['/new/']);
    expect(diff.pagesRemoved.map((page) => page.path)).toEqual(['/gone/']);
    expect(diff.pagesChanged.map((page) => page.path)).toEqual(['/sources/', '/story/part/']);
  });
  test('finds each sentence added, removed and changed, in reading order', () => {
    expect(
      part.sentences.map((change) =>
        change.kind === 'changed' ? `changed: ${change.from} → ${change.to}` : `${change.kind}: ${change.text}`,
      ),
    ).toEqual([
      'changed: The treaty was signed in 1992. → The treaty was signed in Tashkent in 1992.',
      'changed: It entered into force a year later. → It entered into force two years later.',
      'removed: Nobody objected.',
      'added: Later, a seventh state joined the alliance in an entirely separate ceremony.',
      'changed: We will decide when the time comes. → We will decide when the right time comes.',
      'added: Editor’s note: Example News dates the treaty to 1993.',
      'added: It was signed in 1992.',
      'added: All corrections',
    ]);
  });
  test('finds citations, evidence passages, quotations and editor’s notes added and removed', () => {
    expect(part).toMatchObject({
      citedAdded: ['state-wire'],
      citedRemoved: [],
      evidenceAdded: ['article-one: “entered into force in 1994, two years on”', 'state-wire: “a seventh state joined”'],
      evidenceRemoved: ['article-one: “entered into force in 1994”'],
      quotesAdded: ['We will decide when the right time comes.'],
      quotesRemoved: ['We will decide when the time comes.'],
      notesAdded: ['wrong-year'],
      notesRemoved: [],
    });
  });
  test('finds sources added and changed, and corrections added, across the site', () => {
    expect(diff.sourcesAdded.map(([id]) => id)).toEqual(['state-wire']);
    expect(diff.sourcesRemoved).toEqual([]);
    expect(diff.sourcesChanged).toEqual([
      { id: 'article-one', from: 'Example News (2024) “Sample news article.”', to: 'Example News (2024) “Sample news article, revised.”' },
    ]);
    expect(diff.correctionsAdded.map(([id]) => id)).toEqual(['wrong-year']);
  });
  test('a site compared with itself has no change', () => {
    const same = diffSites(readSite(HEAD), readSite(HEAD));
    expect(same).toMatchObject({ pagesAdded: [], pagesRemoved: [], pagesChanged: [], unchanged: 3, sourcesChanged: [] });
    expect(summaryMarkdown(same)).toContain('No page reads differently (3 pages compared).');
  });
});

describe('sentences', () => {
  test('are split where a reader would, not at every full stop', () => {
    expect(sentencesOf('It rose by 1.5 per cent. Then it fell! Did it? Yes.')).toEqual([
      'It rose by 1.5 per cent.',
      'Then it fell!',
      'Did it?',
      'Yes.',
    ]);
  });
  test('an unlike replacement is a removal and an addition, not a change', () => {
    expect(diffSentences(['The sky is blue.'], ['Armies moved north overnight.']).map((change) => change.kind)).toEqual([
      'removed',
      'added',
    ]);
  });
  test('a sentence moved within the page is removed in one place and added in the other', () => {
    const kinds = diffSentences(['A.', 'B.', 'C.'], ['B.', 'C.', 'A.']).map((change) => `${change.kind}`);
    expect(kinds.toSorted()).toEqual(['added', 'removed']);
  });
});

describe('the Markdown summary', () => {
  const markdown = summaryMarkdown(diff, {
    previewUrl: 'https://github.com/o/r/actions/runs/1#artifacts',
    previewName: 'site-7',
    serveCommand: 'serve it',
  });
  test('shows each change readably: words struck and inserted, pages, sources, corrections, the preview', () => {
    expect(markdown).toContain('## What readers will see differently');
    expect(markdown).toContain('2 pages changed, 1 added, 1 removed; 0 unchanged.');
    expect(markdown).toContain('- changed: It entered into force <del>a year</del><ins>two years</ins> later.');
    expect(markdown).toContain('- removed: <del>Nobody objected.</del>');
    expect(markdown).toContain('### New page: A new page (`/new/`)');
    expect(markdown).toContain('### Removed page: A page that goes (`/gone/`)');
    expect(markdown).toContain('- now cites `state-wire`');
    expect(markdown).toContain('- removed: article-one: “entered into force in 1994”');
    expect(markdown).toContain('- changed `article-one`: Example News (2024) “Sample news article<ins>, revised</ins>.”');
    expect(markdown).toContain('- added `wrong-year`: Editor’s note: Example News dates the treaty to 1993.');
    expect(markdown).toContain('- The built site, artifact **site-7**: https://github.com/o/r/actions/runs/1#artifacts');
    expect(markdown).toContain('  serve it\n');
  });
  test('escapes what the text holds, so a reader’s words never become markup', () => {
    expect(escapeMarkdown('5 * 2 <b>_x_</b> [a](b) | # ~~s~~ & `c`')).toBe(
      '5 \\* 2 &lt;b&gt;\\_x\\_&lt;/b&gt; \\[a\\](b) \\| \\# \\~\\~s\\~\\~ &amp; \\`c\\`',
    );
    const changed: SiteDiff = {
      ...diffSites(new Map(), new Map()),
      pagesChanged: [{ ...part, sentences: [{ kind: 'added', text: '<script>alert(1)</script> *bold*' }] }],
    };
    expect(summaryMarkdown(changed)).toContain('- added: <ins>&lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\*</ins>');
  });
  test('is cut, with a note, when longer than the summary can hold', () => {
    const cut = summaryMarkdown(diff, { maxLength: 600 });
    expect(cut.length).toBeLessThanOrEqual(600);
    expect(cut).toContain('the summary is cut here');
  });
});

describe('npm run diff:site', () => {
  const run = (args: string[], env: NodeJS.ProcessEnv) =>
    promisify(execFile)(process.execPath, ['scripts/diff-site.ts', ...args], {
      env: { PATH: process.env['PATH'], ...env },
    });

  test('in GitHub Actions, writes the summary to stdout and to the job summary, with the preview and a command to serve it', async () => {
    const summary = join(scratchDir('site-diff'), 'summary.md');
    writeFileSync(summary, '');
    const env = {
      GITHUB_ACTIONS: 'true',
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'owner/repo',
      GITHUB_RUN_ID: '42',
      PREVIEW_ARTIFACT: 'site-7',
    };
    const { stdout } = await run([BASE, HEAD], env);
    expect(stdout).toContain('- changed: It entered into force <del>a year</del><ins>two years</ins> later.');
    expect(readFileSync(summary, 'utf8')).toBe(`${stdout}\n`);
    expect(stdout).toContain('https://github.com/owner/repo/actions/runs/42#artifacts');
    expect(stdout).toContain('gh run download 42 -R owner/repo -n site-7 -D site-7 && python3 -m http.server 4321 -b 127.0.0.1 -d site-7');
  }, 30_000);

  test('locally, prints the summary with a command that serves the head build', async () => {
    const { stdout } = await run([BASE, HEAD], {});
    expect(stdout).toContain(`scripts/serve-static.ts ${HEAD} 4321`);
  }, 30_000);

  test('says so when the base was not built, and does not fail', async () => {
    const { stdout } = await run(['tests/fixtures/site-diff/missing', HEAD], {});
    expect(stdout).toContain('was not built');
  }, 30_000);
});
