import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import rehypeMarkerNowrap from '../../src/markdown/rehype-marker-nowrap.ts';

const marker = (n: number) => `<sup><a href="#fn-${n}" data-footnote-ref="">${n}</a></sup>`;
const run = (html: string) => {
  const tree = fromHtml(html, { fragment: true });
  rehypeMarkerNowrap()(tree);
  return toHtml(tree);
};

describe('rehype-marker-nowrap', () => {
  it('joins a run of markers to the word before and the punctuation after', () => {
    expect(run(`<p>On the same day${marker(1)}${marker(2)}. Then more.</p>`)).toBe(
      `<p>On the same <span class="fn-anchor">day${marker(1)}${marker(2)}.</span> Then more.</p>`,
    );
  });

  it('takes the full stop before a marker with its word', () => {
    expect(run(`<p>It was signed.${marker(3)}</p>`)).toBe(`<p>It was <span class="fn-anchor">signed.${marker(3)}</span></p>`);
  });

  it('leaves an element before the run alone, and text after it that is not punctuation', () => {
    expect(run(`<p>A <q>quote</q>${marker(4)} and more</p>`)).toBe(
      `<p>A <q>quote</q><span class="fn-anchor">${marker(4)}</span> and more</p>`,
    );
  });

  it('does not touch paragraphs without markers', () => {
    expect(run('<p>Plain text.</p>')).toBe('<p>Plain text.</p>');
  });
});
