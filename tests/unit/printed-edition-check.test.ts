import { expect, test } from 'vitest';
import { expectedEdition, problemsInPrinted } from '../../src/editions/printed-edition-check.ts';

/** The check the PDF printer runs on what it printed before it writes the file. */

const chapter = (key: string, title: string, notes: string[]) =>
  `<section data-chapter="${key}" id="chapter-${key}" class="whole-explainer-chapter"><header><h2 id="chapter-${key}-title" class="x">${title}</h2></header>` +
  `<div class="prose-explainer"><p>Text.</p><section data-footnotes class="footnotes"><ol>${notes
    .map((note, index) => `<li id="user-content-fn-${key}-${index}"><p>${note} <a href="#x" data-footnote-backref>↩</a></p></li>`)
    .join('')}</ol></section></div></section>`;
const HTML =
  '<article data-pdf-file="x/x.pdf"><header><h1>The &amp; title</h1></header>' +
  chapter('index', 'Overview &amp; more', ['<i>Paper</i> (2024) “First,” 1 May.', 'Second note.', 'Third <b>note</b>.']) +
  chapter('details', 'The details', ['Only note of the details.']) +
  '</article>';

const expected = expectedEdition(HTML, 'The & title');

test('what the page holds is read from its HTML', () => {
  expect(expected.notes).toBe(4);
  expect(expected.chapters.map((c) => c.title)).toEqual(['Overview & more', 'The details']);
  expect(expected.chapters[0]!.firstNote).toBe('Paper(2024)"First,"1May.');
});

test('a PDF that holds it passes', () => {
  const pages = [
    'The & title\nContents',
    'Overview & more\nText.\n1. Paper (2024) “First,” 1\nMay.\n2. Second note.\n3. Third note.',
    'The details\n4. Only note of the de-\ntails.',
  ];
  expect(problemsInPrinted(expected, pages)).toEqual([]);
});

test('a browser error page, a page a refresh led to, or a page cut short fails, saying what is missing', () => {
  expect(problemsInPrinted(expected, ['This site can’t be reached'])).toEqual([
    'the title "The & title" is not in the PDF',
    '1 pages for a title page and 2 chapters',
    'chapter "Overview & more" is not in the PDF',
    'a note of chapter "Overview & more" is not in the PDF ("Paper(2024)"First,"1May.…")',
    'a note of chapter "Overview & more" is not in the PDF ("Thirdnote.…")',
    'chapter "The details" is not in the PDF',
    'a note of chapter "The details" is not in the PDF ("Onlynoteofthedetails.…")',
  ]);
  const cut = ['The & title', 'Overview & more\n1. Paper (2024) “First,” 1 May.\n2. Second note.\n3. Third note.', 'The details'];
  expect(problemsInPrinted(expected, cut)).toEqual(['a note of chapter "The details" is not in the PDF ("Onlynoteofthedetails.…")']);
  expect(problemsInPrinted(expectedEdition('<p>Moved</p>', 'T'), ['T', 'x'])).toEqual([
    'the page printed has no chapters (no <section data-chapter>)',
  ]);
});
