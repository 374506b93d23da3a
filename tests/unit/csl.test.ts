import { Cite } from '@citation-js/core';
import { describe, expect, it, vi } from 'vitest';
import { CITATION_STYLE_IDS, formatAhead, formatEntry, formatEntryText, formatEntryWhenReady, toCslItem } from '../../src/citations/csl.ts';
import type { Source } from '../../src/schemas/source.ts';

const source = {
  kind: 'news-report',
  title: 'Pashinyan & Lukashenko: "no <comment>"',
  publisher: 'Example Times',
  url: 'https://example.org/a?b=1&c=2',
  language: 'en',
  published: { iso: '2024-06-13', precision: 'day' },
} as unknown as Source;

describe('citation entries', () => {
  it('gives the plain text of the same entry the notes show, with its characters decoded', () => {
    const item = toCslItem('example', source);
    const html = formatEntry(item);
    const text = formatEntryText(item);
    expect(html).toContain('&#38;');
    // citeproc sets the title's quotation marks typographically; the characters it escaped come back.
    expect(text).toContain('Pashinyan & Lukashenko: ‘no <comment>');
    expect(text).toMatch(/^Example Times \(2024\) .* 13 June\./);
    expect(text).toContain('https://example.org/a?b=1&c=2');
    expect(text).not.toMatch(/<\/?(?:a|i|span)\b|&#\d+;/);
  });

  it('marks a title in another language with its lang, even when it opens with a quotation mark', () => {
    const quoted = { ...source, title: '“Брав участь”: Пашинян висловився', language: 'uk' };
    const html = formatEntry(toCslItem('quoted-foreign', quoted));
    // citeproc prints the inner quotation marks as single ones; the span still holds the whole title.
    expect(html).toMatch(/<span lang="uk">[‘“]Брав участь[’”]: Пашинян висловився<\/span>/);
  });

  it('gives a numbered style (Vancouver) as one run of text, without the list number', () => {
    const entry = formatEntry(toCslItem('numbered', source), 'vancouver');
    expect(entry).not.toMatch(/<div|^1\./);
    expect(entry).toMatch(/^Pashinyan .* Example Times \[Internet\]. 2024 Jun 13./);
  });

  it('runs citeproc once for an entry, however often and in whatever form it is asked for', () => {
    const format = vi.spyOn(Cite.prototype, 'format');
    const item = toCslItem('memo-check', { ...source, title: 'Memo check' });
    formatEntry(item);
    formatEntryText(item);
    formatEntry(item);
    expect(format).toHaveBeenCalledTimes(1);
    format.mockRestore();
  });

  it('formats entries ahead in a worker thread, exactly as the main thread would', async () => {
    const styles = CITATION_STYLE_IDS;
    const items = (prefix: string) =>
      Array.from({ length: 40 }, (_, index) => toCslItem(`${prefix}-${index}`, { ...source, title: `Ahead number ${index}` }));
    const format = vi.spyOn(Cite.prototype, 'format');
    formatAhead(items('ahead'), styles);
    const ahead = await Promise.all(items('ahead').flatMap((item) => styles.map((style) => formatEntryWhenReady(item, style))));
    expect(format).not.toHaveBeenCalled();
    // The same entries under other ids (which the formatted text does not show), formatted here.
    const here = items('here').flatMap((item) => styles.map((style) => formatEntry(item, style)));
    expect(format).toHaveBeenCalledTimes(here.length);
    format.mockRestore();
    expect(ahead).toEqual(here);
  }, 60_000);

  it('formats a few entries on the main thread: a worker would not pay for its start', async () => {
    const format = vi.spyOn(Cite.prototype, 'format');
    const item = toCslItem('few', { ...source, title: 'Few' });
    formatAhead([item], ['apa']);
    await formatEntryWhenReady(item, 'apa');
    expect(format).toHaveBeenCalledTimes(1);
    format.mockRestore();
  });
});
