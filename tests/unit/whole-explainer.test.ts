import { describe, expect, it } from 'vitest';
import { joinChapters } from '../../src/editions/whole-explainer.ts';

/** A chapter as the Markdown pipeline renders it: prose with markers, then GFM's notes section. */
function chapter(key: string, notes: string[], extra = ''): string {
  const markers = notes
    .map(
      (label, index) =>
        `<sup><a href="#user-content-fn-${key}-${label}" id="user-content-fnref-${key}-${label}" data-footnote-ref aria-describedby="${key}-footnote-label">${index + 1}</a></sup>`,
    )
    .join('');
  const items = notes
    .map(
      (label, index) =>
        `<li id="user-content-fn-${key}-${label}"><p>Note ${label}. <a href="#user-content-fnref-${key}-${label}" data-footnote-backref aria-label="Back to citation ${index + 1}" class="data-footnote-backref">↩</a></p></li>`,
    )
    .join('');
  return `<section data-chapter="${key}"><header><h2 id="chapter-${key}-title">${key}</h2></header><div class="prose-explainer">
<h2 id="background">Background</h2><p>Text${markers}</p>${extra}
<section data-footnotes class="footnotes"><h2 class="footnotes-heading" id="${key}-footnote-label">Notes</h2><ol>${items}</ol></section></div></section>`;
}

const paths = { index: '/x/', one: '/x/one/', two: '/x/two/' };

describe('joinChapters', () => {
  it('numbers notes continuously: markers, lists and back-links agree', () => {
    const { html, chapters, notes } = joinChapters(
      chapter('index', ['a', 'b']) + chapter('one', ['c', 'd', 'e']) + chapter('two', ['f']),
      paths,
    );
    expect(notes).toBe(6);
    expect(chapters).toEqual([
      { chapter: 'index', offset: 0, count: 2 },
      { chapter: 'one', offset: 2, count: 3 },
      { chapter: 'two', offset: 5, count: 1 },
    ]);
    expect([...html.matchAll(/data-footnote-ref[^>]*>(\d+)</g)].map((m) => m[1])).toEqual(['1', '2', '3', '4', '5', '6']);
    expect([...html.matchAll(/<ol start="(\d+)"/g)].map((m) => m[1])).toEqual(['1', '3', '6']);
    expect([...html.matchAll(/aria-label="Back to citation (\d+)"/g)].map((m) => m[1])).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('numbers from each chapter’s report, and stops where a rendered chapter holds another count of notes', () => {
    const page = chapter('index', ['a', 'b']) + chapter('one', ['c']);
    expect(joinChapters(page, paths, { noteCounts: { index: 2, one: 1 } }).chapters.map(({ offset }) => offset)).toEqual([0, 2]);
    expect(() => joinChapters(page, paths, { noteCounts: { index: 3, one: 1 } })).toThrow(
      /chapter "index" renders 2 notes where its report numbers 3/,
    );
  });

  it('moves headings in the text one level down and gives their ids the chapter key', () => {
    const { html } = joinChapters(chapter('one', ['c'], '<p><a href="#background">up</a></p>') + chapter('two', ['f']), paths);
    expect(html).toContain('<h3 id="one-background">');
    expect(html).toContain('<h3 id="two-background">');
    expect(html).toContain('href="#one-background"');
    // The chapter title (outside the text) keeps its level; the notes heading keeps its prefixed id.
    expect(html).toContain('<h2 id="chapter-one-title">');
    expect(html).toContain('<h3 class="footnotes-heading" id="one-footnote-label">');
    expect(html).toContain('aria-describedby="one-footnote-label"');
  });

  it('turns links between chapters into links within the page and keeps other links working', () => {
    const links =
      '<p><a href="./one/">one</a> <a href="./two/#background">two</a> <a href="../elsewhere/">x</a> <a href="/people/#x">p</a> <a href="https://example.org/">e</a></p>';
    const { html } = joinChapters(chapter('index', ['a'], links) + chapter('one', ['b']) + chapter('two', ['c']), paths);
    expect(html).toContain('href="#chapter-one"');
    expect(html).toContain('href="#two-background"');
    expect(html).toContain('href="/people/#x"');
    expect(html).toContain('href="/elsewhere/"');
    expect(html).toContain('href="https://example.org/"');
  });

  it('with the people page given, sends names to the edition’s own list of people and numbers each mention', () => {
    const names = '<p><a href="/people/#ana" class="person">Ana</a> and <a href="/people/#bo" class="person">Bo</a></p>';
    const again = '<p><a class="person" href="/people/#ana">Ana</a>, <a href="/people/#ana">not a name</a></p>';
    const { html, mentions } = joinChapters(chapter('index', ['a'], names) + chapter('one', ['b'], again), paths, {
      peoplePath: '/people/',
    });
    expect(mentions).toEqual(
      new Map([
        ['ana', ['mention-ana-1', 'mention-ana-2']],
        ['bo', ['mention-bo-1']],
      ]),
    );
    expect(html).toContain('<a href="#edition-person-ana" class="person" id="mention-ana-1">Ana</a>');
    expect(html).toContain('<a class="person" href="#edition-person-ana" id="mention-ana-2">Ana</a>');
    expect(html).toContain('<a href="/people/#ana">not a name</a>');
    // Without it, names keep their links to the people page.
    expect(joinChapters(chapter('index', ['a'], names), paths).html).toContain('href="/people/#ana"');
  });

  it('mends a link that the parser copied to repair bad nesting once, not twice', () => {
    const { html } = joinChapters(
      chapter('index', ['a'], '<p><a href="./one/">a link</p><p>across paragraphs</a></p>') + chapter('one', ['b']),
      paths,
    );
    expect(html).toContain('<a href="#chapter-one">a link</p>');
    expect(html.split('href="#chapter-one"')).toHaveLength(2);
  });

  it('changes only what it must, and finds it whatever the attribute order, quoting or spacing', () => {
    const section = `<section class="whole-explainer-chapter"  data-chapter="one"><div class='prose-explainer'>
<H2 class=lead id='background' >Background</H2><p title="a &amp; b"><a href="../elsewhere/?a=1&amp;b=2">Text</a><sup><a aria-describedby='one-footnote-label' data-footnote-ref href=#user-content-fn-one-c id="user-content-fnref-one-c">1</a></sup></p>
<section class="footnotes" data-footnotes><h2 id="one-footnote-label">Notes</h2><ol class="notes" ><li id="user-content-fn-one-c">Note. <a aria-label='Back to citation 1' data-footnote-backref href="#user-content-fnref-one-c">↩</a></li></ol></section></div></section>`;
    const { html } = joinChapters(chapter('index', ['a', 'b']) + section, paths);
    const one = html.slice(html.indexOf('<section class="whole-explainer-chapter"'));
    expect(one).toBe(
      section
        .replace("<H2 class=lead id='background' >Background</H2>", '<h3 class=lead id="one-background" >Background</h3>')
        .replace('id="user-content-fnref-one-c">1</a>', 'id="user-content-fnref-one-c">3</a>')
        .replace('<h2 id="one-footnote-label">Notes</h2>', '<h3 id="one-footnote-label">Notes</h3>')
        .replace('<ol class="notes" >', '<ol class="notes"  start="3">')
        .replace("aria-label='Back to citation 1'", 'aria-label="Back to citation 3"')
        .replace('href="../elsewhere/?a=1&amp;b=2"', 'href="/x/elsewhere/?a=1&amp;b=2"'),
    );
  });

  it('leaves a page without chapters alone', () => {
    expect(joinChapters('<p>1</p>', paths)).toEqual({
      html: '<p>1</p>',
      chapters: [],
      notes: 0,
      firstNotes: new Map(),
      mentions: new Map(),
    });
  });

  it('cites each source in full once: a later note gives its short form and the number of the first', () => {
    const note = (source: string, rest = '') =>
      `<span class="citation" data-source="${source}"><i>Paper</i> (2024) “Full title,” 1 May. Available at: <a href="https://x.example/${source}">https://x.example/${source}</a>.</span> <span class="outlet-label">(State-run)</span>${rest}`;
    const withNotes = (key: string, notes: string[]) => {
      const html = chapter(
        key,
        notes.map((_, index) => `n${index}`),
      );
      return notes.reduce((text, body, index) => text.replace(`Note n${index}. `, `${body} `), html);
    };
    const { html, firstNotes } = joinChapters(
      withNotes('index', [note('a'), note('b', ' <q class="evidence">words</q>')]) +
        withNotes('one', [note('a', ' (p. 2) <q class="evidence">other words</q>'), note('c')]),
      paths,
      { shortCitations: { a: '<i>Paper</i>, “A”', b: '<i>Paper</i>, “B”' } },
    );
    expect([...firstNotes]).toEqual([
      ['a', { id: 'user-content-fn-index-n0', number: 1 }],
      ['b', { id: 'user-content-fn-index-n1', number: 2 }],
      ['c', { id: 'user-content-fn-one-n1', number: 4 }],
    ]);
    // Note 3 cites "a" again: short form, a link to note 1, its own locator and passage, no second label.
    const third = /<li id="user-content-fn-one-n0">([\s\S]*?)<\/li>/.exec(html)![1]!;
    expect(third).toContain(
      '<span class="citation citation-short" data-source="a"><i>Paper</i>, “A” (<a href="#user-content-fn-index-n0" class="first-citation">n. 1</a>)</span>',
    );
    expect(third).toContain('(p. 2) <q class="evidence">other words</q>');
    expect(third).not.toContain('https://x.example/a');
    // The outlet's label stays: state media are labelled wherever they are cited.
    expect(third).toContain('<span class="outlet-label">(State-run)</span>');
    // First citations stay whole.
    expect(html.match(/https:\/\/x\.example\/a"/g)).toHaveLength(1);
    expect(html).toContain('href="https://x.example/c"');
  });
});
