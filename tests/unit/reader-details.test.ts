import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { validBibtexMonths, formatBibtex } from '../../src/citations/csl.ts';
import { contentDirs } from '../../src/data/content-dirs.ts';
import { readDataCollections } from '../../src/data/catalog.ts';
import type { ChapterTells } from '../../src/data/chapter-report.ts';
import type { Root } from 'mdast';
import remarkSmartypants from 'remark-smartypants';
import { smartQuotes } from '../../src/schemas/our-words.ts';
import { renderMdx } from './render-mdx.ts';
import { scratchDir } from './scratch-dir.ts';

/** A scratch copy of the fixture tree with extra files written into it. */
function fixtureWith(files: Record<string, string>) {
  const root = scratchDir('content');
  cpSync('tests/fixtures/content', root, { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
  return contentDirs(root);
}

describe('our own words in data are curled as prose is', () => {
  test('straight quotes and apostrophes become curly, as SmartyPants curls chapter prose', () => {
    expect(smartQuotes(`Armenia's "freeze" -- they don't say...`)).toBe('Armenia’s “freeze” — they don’t say…');
    // Already curled text is left as it is.
    expect(smartQuotes('Armenia’s “freeze”')).toBe('Armenia’s “freeze”');
  });

  test('text with nothing to curl is returned as it is, without the plugin, as the plugin would return it', () => {
    const curledByThePlugin = (text: string) => {
      const value = { type: 'text' as const, value: text };
      (remarkSmartypants as unknown as () => (tree: Root) => void)()({
        type: 'root',
        children: [{ type: 'paragraph', children: [value] }],
      });
      return value.value;
    };
    for (const text of [
      'The U.S. and the E.U. met on 1.5 days.',
      'Minsk - Yerevan, 2023–2024',
      'A dash - alone, and dots . one by one .',
      'Spaced dots . . . and close ones...',
      'Double -- and triple --- hyphens',
      "Back`ticks`` and ``quotes''",
    ]) {
      expect(smartQuotes(text)).toBe(curledByThePlugin(text));
    }
  });

  test('a summary and a title we wrote are curled; a passage, its translation, a headline and a name stay byte for byte', () => {
    const passage = `the minister's "answer" wasn't given`;
    const translated = `"we don't know," she said`;
    const headline = `Minister's "answer": 'we don't know'`;
    const dirs = fixtureWith({
      'events/quoted.yaml': [
        'date: 2024-06-13',
        `title: The minister's "answer"`,
        `summary: She didn't answer; the paper called it "a non-answer".`,
        'sources:',
        '  - source: article-one',
        `    passage: '${passage.replace(/'/g, "''")}'`,
        '  - source: state-wire-report',
        `    passage: 'Договор вступил в силу через год'`,
        `    translated: '${translated.replace(/'/g, "''")}'`,
        '',
      ].join('\n'),
      'sources/quoted-headline.yaml': readFileSync('tests/fixtures/content/sources/article-one.yaml', 'utf8').replace(
        'title: Sample news article',
        `title: '${headline.replace(/'/g, "''")}'`,
      ),
      'people/o-neill.yaml': `name: Mary O'Neill\nsummary: The minister's deputy.\nroles:\n  - title: Deputy "acting" minister\nsources: [article-one]\n`,
    });
    const { data, problems } = readDataCollections(dirs);
    expect(problems).toEqual([]);
    const event = data.events.get('quoted')!;
    expect(event.title).toBe('The minister’s “answer”');
    expect(event.summary).toBe('She didn’t answer; the paper called it “a non-answer”.');
    expect(event.sources[0]!.passage).toBe(passage);
    expect(event.sources[1]!.translation).toBe(translated);
    expect(data.sources.get('quoted-headline')!.title).toBe(headline);
    const person = data.people.get('o-neill')!;
    expect(person.name).toBe("Mary O'Neill");
    expect(person.summary).toBe('The minister’s deputy.');
    expect(person.roles[0]!.title).toBe('Deputy “acting” minister');
  });

  test('every kind of entry curls the fields in our words, and the fixture tree still reads', () => {
    const { data, problems } = readDataCollections(contentDirs('tests/fixtures/content'));
    expect(problems).toEqual([]);
    expect(data.events.get('treaty-signed')!.summary).toContain('“collective security”; they don’t');
    expect(data.errata.get('2024-07-01-details-treaty-place')!.why).toContain('treaty’s own text');
    // A statement's words are a quotation: never touched.
    const statement = data.statements.get('doe-cut')!;
    expect(statement.text).toBe('we will see what happens');
    expect(statement.cut).toBe('both');
  });
});

describe('a quotation cut from longer words', () => {
  test('shows an ellipsis at each cut, outside the words themselves; an excerpt in a sentence shows none', async () => {
    const { html } = await renderMdx('tests/fixtures/citations/quote-cut/input.mdx');
    expect(html).toContain('<p><span class="quote-cut">…</span>we will see what happens<span class="quote-cut">…</span></p>');
    expect(html).toContain(
      '<q cite="https://news.example.org/article-one" class="quote"><span class="quote-cut">…</span>we will see what happens',
    );
    expect(html).toContain('<q cite="https://news.example.org/article-one" class="quote">what happens</q>');
  });

  test('a cut after a full stop is a spaced ellipsis', async () => {
    const dirs = fixtureWith({
      'statements/doe-remark.yaml': readFileSync('tests/fixtures/content/statements/doe-remark.yaml', 'utf8') + 'cut: end\n',
    });
    const { html } = await renderMdx('tests/fixtures/citations/block-quote/input.mdx', undefined, { dirs });
    expect(html).toContain('<p>We will decide when the time comes. <span class="quote-cut">…</span></p>');
  });
});

describe('what a chapter tells, and how long it takes to read', () => {
  test('the people it names, the events whose evidence it cites, and the words of its text without the notes', async () => {
    const details = 'tests/fixtures/content/explainers/sample/details.mdx';
    const body = readFileSync(details, 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
    const { frontmatter, html } = await renderMdx(details, body);
    const tells = frontmatter['tells'] as ChapterTells;
    expect(tells.people).toEqual(['jane-doe']);
    // "The treaty was signed in 1992" cites the event's own passage.
    expect(tells.events['treaty-signed']).toEqual({ passage: true, sources: 1 });
    // Counted: the text and the quotation and the editor's note a reader reads; not the notes' sources and passages.
    const words = frontmatter['words'] as number;
    const prose = html.slice(0, html.indexOf('<section data-footnotes'));
    const visible = prose
      .replace(/<sup[\s\S]*?<\/sup>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .split(/\s+/)
      .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
    expect(words).toBe(visible);
    expect(words).toBeLessThan(
      html
        .replace(/<[^>]+>/g, ' ')
        .split(/\s+/)
        .filter(Boolean).length,
    );
  });

  test('a key-facts table restates events without telling them', async () => {
    const { frontmatter } = await renderMdx('tests/fixtures/citations/key-events/input.mdx');
    const tells = frontmatter['tells'] as ChapterTells;
    expect(tells.events['treaty-signed']).toBeUndefined();
  });
});

describe('BibTeX', () => {
  test('a month is BibTeX’s own macro and the day its own field', () => {
    expect(validBibtexMonths('@misc{a,\n\tyear = {2026},\n\tmonth = {dec 6},\n\ttitle = {T},\n}')).toBe(
      '@misc{a,\n\tyear = {2026},\n\tmonth = dec,\n\tday = {6},\n\ttitle = {T},\n}',
    );
    expect(validBibtexMonths('\tmonth = {mar},')).toBe('\tmonth = mar,');
  });

  test('the page citation BibTeX has no braced month', () => {
    const bib = formatBibtex([
      { id: 'x', type: 'webpage', title: 'A page', URL: 'https://example.org/', issued: { 'date-parts': [[2024, 6, 13]] } },
    ]);
    expect(bib).toMatch(/^\s*month = jun,$/m);
    expect(bib).not.toMatch(/month = \{/);
  });
});
