import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { errataByChapter, erratumPageKey, newestFirst, type ErratumEntry } from '../../src/accountability/errata.ts';
import { feedDate, feedItems } from '../../src/accountability/feed.ts';
import { changesTo, chapterFiles } from '../../src/accountability/page-history.ts';
import { parseGitLog, readGitHistory, GIT_LOG_FORMAT } from '../../src/data/git-history.ts';
import { publisherJsonLd } from '../../src/accountability/publisher.ts';
import { CORRECTION_FORM, issueFormUrl, mailtoUrl, PASSAGE_MAX_CHARS, passageForReport } from '../../src/accountability/report-form.ts';
import { CHECK_IDS } from '../../src/checks/index.ts';
import { ContentError } from '../../src/data/content-error.ts';
import { groupExplainers, type ChapterLike } from '../../src/data/explainer-structure.ts';
import { toPartialDate } from '../../src/schemas/partial-date.ts';
import { scratchDir } from './scratch-dir.ts';
import { historyPath, historyPathOfFile, HOW_WE_WORK_PATH, inSitemap, POLICY_SECTIONS } from '../../src/routes.ts';

const day = toPartialDate;

function chapter(explainer: string, slug: string, order: number, extra: Partial<ChapterLike['data']> = {}): ChapterLike {
  return {
    id: `${explainer}/${slug}`,
    filePath: `content/explainers/${explainer}/${slug}.mdx`,
    data: {
      explainer,
      order,
      title: `${slug} title`,
      dek: `${slug} dek`,
      updated: day('2024-06-13'),
      period: { from: day('1992'), to: day('2024-06-13') },
      ...extra,
    },
  };
}

function erratum(id: string, page: string, date: string): ErratumEntry {
  return { id, data: { date: day(date), page, said: 'It said A.', says: 'It says B.', why: 'A was wrong.', sources: [] } };
}

describe('"How we work"', () => {
  const page = readFileSync('src/pages/how-we-work.astro', 'utf8');
  const cited = [...page.matchAll(/<CheckRef\s+id="([^"]+)"/g)].map((match) => match[1]!);

  test('names checks by their ids, and every id is a check in the registry with a file of that name', () => {
    expect(cited.length).toBeGreaterThanOrEqual(5);
    for (const id of cited) {
      expect(CHECK_IDS, id).toContain(id);
      expect(existsSync(`src/checks/${id}.ts`), id).toBe(true);
    }
  });

  test('names a check only through <CheckRef>, which the build also resolves', () => {
    // A check id written as plain text would escape both this test and the build's own resolution.
    const text = page.replace(/<CheckRef\s+id="[^"]+"\s*\/>/g, '').replace(/^---[\s\S]*?---/, '');
    for (const id of CHECK_IDS.filter((id) => id.includes('-'))) expect(text, id).not.toContain(id);
  });

  test('has a section for each policy the publisher JSON-LD points at', () => {
    for (const section of Object.keys(POLICY_SECTIONS)) expect(page).toContain(`id={POLICY_SECTIONS.${section}}`);
    const publisher = publisherJsonLd();
    for (const key of [
      'publishingPrinciples',
      'correctionsPolicy',
      'verificationFactCheckingPolicy',
      'actionableFeedbackPolicy',
    ] as const) {
      expect(publisher[key], key).toContain(`/${HOW_WE_WORK_PATH}`);
    }
    expect(publisher.correctionsPolicy).toMatch(new RegExp(`#${POLICY_SECTIONS.corrections}$`));
  });
});

describe('our own corrections', () => {
  const chapters = [chapter('story', 'index', 0), chapter('story', 'background', 1)];

  test('are keyed by <explainer>/<chapter file name>, index for the overview', () => {
    expect(chapters.map(erratumPageKey)).toEqual(['story/index', 'story/background']);
  });

  test('go to their chapter, newest first', () => {
    const byChapter = errataByChapter(
      chapters,
      [
        erratum('a', 'story/background', '2024-01-02'),
        erratum('b', 'story/background', '2024-03-01'),
        erratum('c', 'story/index', '2024-02-01'),
      ],
      'content/errata',
    );
    expect(byChapter.get('story/background')?.errata.map(({ id }) => id)).toEqual(['b', 'a']);
    expect(byChapter.get('story/index')?.errata.map(({ id }) => id)).toEqual(['c']);
  });

  test('one that names no chapter stops the build, with the file, the field and the pages there are', () => {
    expect(() => errataByChapter(chapters, [erratum('lost', 'story/backgruond', '2024-01-01')], 'content/errata')).toThrow(ContentError);
    try {
      errataByChapter(chapters, [erratum('lost', 'story/backgruond', '2024-01-01')], 'content/errata');
    } catch (error) {
      const [problem] = (error as ContentError).problems;
      expect(problem).toMatchObject({ file: 'content/errata/lost.yaml', field: 'page', found: '"story/backgruond"' });
      expect(problem?.expected).toContain('story/background');
    }
  });

  test('on one day keep file order', () => {
    expect(newestFirst([erratum('b', 'x/y', '2024-01-01'), erratum('a', 'x/y', '2024-01-01')]).map(({ id }) => id)).toEqual(['a', 'b']);
  });
});

describe('the feed', () => {
  test('lists new explainers, changes of substance and our corrections, newest first, each at its own address', () => {
    const explainers = groupExplainers([
      chapter('story', 'index', 0, { published: day('2024-06-01'), updated: day('2024-06-13') }),
      chapter('story', 'background', 1, { published: day('2024-06-13'), updated: day('2024-06-13') }),
      chapter('story', 'later', 2),
    ]);
    const items = feedItems(explainers, [
      erratum('fix', 'story/background', '2024-07-01'),
      erratum('nowhere', 'other/index', '2024-08-01'),
    ]);
    expect(items.map(({ kind, path }) => `${kind} ${path}`)).toEqual([
      'corrected story/background/#erratum-fix',
      'updated story/#updated-2024-06-13',
      // Published and changed on the same day is one item.
      'published story/background/',
      'updated story/later/#updated-2024-06-13',
      'published story/',
    ]);
    expect(new Set(items.map(({ path }) => path)).size).toBe(items.length);
    expect(items.at(-1)?.title).toBe('New explainer: index title');
    expect(items[2]?.title).toBe('New chapter: background title (index title)');
    expect(items[0]?.description).toContain('It said A.');
    expect(items[0]?.description).toContain('It says B.');
  });

  test('dates a month or a year from its first day', () => {
    expect(feedDate(day('2024-06')).toISOString()).toBe('2024-06-01T00:00:00.000Z');
    expect(feedDate(day('2024')).toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(feedDate(day('2024-06-13')).toISOString()).toBe('2024-06-13T00:00:00.000Z');
  });
});

describe('page history', () => {
  test('reads each commit’s day, its Reader-note trailers and its files', () => {
    const log = [
      '\u0000' +
        'a'.repeat(40) +
        '\u001f2024-07-02\u001fCorrected the date of the summit.\n\ncontent/explainers/story/background.mdx\ncontent/sources/x.yaml\n',
      '\u0000' + 'b'.repeat(40) + '\u001f2024-07-01\u001f\n\ncontent/explainers/story/index.mdx\n',
      '\u0000' + 'c'.repeat(40) + '\u001f2024-06-30\u001fFirst line.\u001eSecond line.\n\nsrc/pages/index.astro\n',
      '\u0000' + 'd'.repeat(40) + '\u001f2024-06-29\u001f\n', // a merge: no files of its own
    ].join('');
    const changes = parseGitLog(log);
    expect(changes.map(({ date, readerNote, files }) => [date, readerNote, files.length])).toEqual([
      ['2024-07-02', 'Corrected the date of the summit.', 2],
      ['2024-07-01', undefined, 1],
      ['2024-06-30', 'First line. Second line.', 1],
      ['2024-06-29', undefined, 0],
    ]);
    expect(changesTo(changes, ['content/sources/x.yaml', 'content/explainers/story/index.mdx']).map(({ date }) => date)).toEqual([
      '2024-07-02',
      '2024-07-01',
    ]);
  });

  test('takes the chapter file and the data files of what it shows', () => {
    const dirs = { sources: 's', corrections: 'c', errata: 'e', statements: 'st', people: 'p', events: 'ev' };
    const shows = { statements: ['doe-remark'], people: ['doe'], events: ['one', 'two'] };
    expect(chapterFiles({ file: 'ch.mdx', shows, sources: ['a', 'a'], corrections: ['r1'], errata: ['fix'] }, dirs)).toEqual([
      'ch.mdx',
      's/a.yaml',
      'c/r1.yaml',
      'e/fix.yaml',
      'st/doe-remark.yaml',
      'p/doe.yaml',
      'ev/one.yaml',
      'ev/two.yaml',
    ]);
  });

  test('comes from git, with the Reader-note trailer; none without git history or in a shallow clone', async () => {
    const noGit = scratchDir('history-none');
    expect(await readGitHistory(noGit)).toBeUndefined();

    const repo = scratchDir('history-repo');
    const git = (cwd: string, ...args: string[]) =>
      execFileSync('git', args, {
        cwd,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@example.org',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@example.org',
        },
      });
    git(repo, 'init', '-q');
    mkdirSync(join(repo, 'content'));
    writeFileSync(join(repo, 'content/a.mdx'), 'one');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'First');
    writeFileSync(join(repo, 'content/a.mdx'), 'two');
    git(repo, 'commit', '-q', '-am', 'Fix the date\n\nLonger text for editors.\n\nReader-note: Corrected the date of the summit.');
    const history = await readGitHistory(repo);
    expect(history?.map(({ readerNote, files }) => [readerNote, files])).toEqual([
      ['Corrected the date of the summit.', ['content/a.mdx']],
      [undefined, ['content/a.mdx']],
    ]);
    expect(GIT_LOG_FORMAT).toContain('Reader-note');

    const shallow = scratchDir('history-shallow');
    git(shallow, 'clone', '-q', '--depth', '1', `file://${repo}`, 'copy');
    expect(await readGitHistory(join(shallow, 'copy'))).toBeUndefined();
  });

  test('has an address per chapter, which the footer finds from the chapter’s file', () => {
    expect(historyPath(chapter('story', 'index', 0))).toBe('history/story/');
    expect(historyPath(chapter('story', 'background', 1))).toBe('history/story/background/');
    expect(historyPathOfFile('content/explainers/story/index.mdx', 'content/explainers')).toBe('history/story/');
    expect(historyPathOfFile('content/explainers/story/background.mdx', 'content/explainers')).toBe('history/story/background/');
    expect(historyPathOfFile('content/sources/', 'content/explainers')).toBeUndefined();
    expect(historyPathOfFile('src/pages/index.astro', 'content/explainers')).toBeUndefined();
  });
});

describe('"Report an error"', () => {
  const page = { url: 'https://example.org/story/background/', title: 'Background' };

  test('opens the repository’s correction form with the page, and the passage when there is one', () => {
    const url = new URL(issueFormUrl('https://github.com/owner/repo', page, '  the   words\nselected '));
    expect(url.origin + url.pathname).toBe('https://github.com/owner/repo/issues/new');
    expect(url.searchParams.get('template')).toBe('correction.yml');
    expect(url.searchParams.get('page')).toBe(page.url);
    expect(url.searchParams.get('passage')).toBe('the words selected');
    expect(new URL(issueFormUrl('https://github.com/owner/repo', page)).searchParams.has('passage')).toBe(false);
  });

  test('names fields that the issue form has, and the form asks for page, passage, what is wrong and evidence', () => {
    const form = parse(readFileSync(`.github/ISSUE_TEMPLATE/${CORRECTION_FORM.template}`, 'utf8')) as { body: { id?: string }[] };
    const ids = form.body.map(({ id }) => id).filter(Boolean);
    expect(ids).toEqual(Object.values(CORRECTION_FORM.fields));
  });

  test('cuts a long passage at a word', () => {
    const long = 'word '.repeat(400);
    const cut = passageForReport(long);
    expect(cut.length).toBeLessThanOrEqual(PASSAGE_MAX_CHARS + 2);
    expect(cut.endsWith(' …')).toBe(true);
    expect(cut).not.toMatch(/wor …$/);
  });

  test('by e-mail: subject and body encoded for mail clients', () => {
    const mail = mailtoUrl('corrections@example.org', page, 'the words');
    expect(mail.startsWith('mailto:corrections@example.org?subject=Correction%3A%20Background&body=')).toBe(true);
    expect(decodeURIComponent(mail.split('body=')[1]!)).toContain('Passage: the words');
    expect(mail).not.toContain('+');
  });
});

describe('the sitemap', () => {
  test('leaves out page histories, and only them', () => {
    expect(inSitemap('https://example.org/history/story/background/')).toBe(false);
    expect(inSitemap('https://example.org/history/story/')).toBe(false);
    expect(inSitemap('https://example.org/story/history/')).toBe(true);
    expect(inSitemap('https://example.org/how-we-work/')).toBe(true);
  });
});
