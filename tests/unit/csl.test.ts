import { Cite } from '@citation-js/core';
import { describe, expect, it, vi } from 'vitest';
import { formatEntry, formatEntryText, toCslItem } from '../../src/citations/csl';
import type { Source } from '../../src/schemas/source';

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

  it('gives a numbered style (Vancouver) as one run of text, without the list number', () => {
    const entry = formatEntry(toCslItem('numbered', source), 'vancouver');
    expect(entry).not.toMatch(/<div|^1\./);
    expect(entry).toMatch(/^Pashinyan .* Example Times \[Internet\]. 2024 Jun 13./);
  });

  it('runs citeproc once for an entry, however often and in whatever form it is asked for', () => {
    const format = vi.spyOn(Cite.prototype, 'format');
    const item = toCslItem(`memo-check-${Date.now()}`, { ...source, title: `Memo check ${Date.now()}` } as Source);
    formatEntry(item);
    formatEntryText(item);
    formatEntry(item);
    expect(format).toHaveBeenCalledTimes(1);
    format.mockRestore();
  });
});
