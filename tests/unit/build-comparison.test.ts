import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareBuildDirs, firstDifference, withoutHashes } from '../../scripts/lib/build-comparison.ts';
import { scratchDir } from './scratch-dir.ts';

function site(files: Record<string, string>): string {
  const root = scratchDir('build-comparison');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const pdfText = async (bytes: Uint8Array) => {
  // A stand-in PDF: "pages|text|date"; the date is what two printings of one page differ in.
  const [pages, text] = Buffer.from(bytes).toString().split('|');
  return { pages: Number(pages), text: text ?? '' };
};

describe('compareBuildDirs', () => {
  it('sees two builds that differ only in asset hashes, CSP hashes and PDF dates as the same', async () => {
    const a = site({
      'index.html': `<link href="/_astro/Base.IiNJ-rDU.css"><script>import("/_astro/x.Ab12Cd34.js")</script>`,
      _headers: `/*\n  Content-Security-Policy: script-src 'sha256-AAAA+/='`,
      '_astro/Base.IiNJ-rDU.css': 'body{}',
      'e/e.pdf': '3|text|2026-01-01',
    });
    const b = site({
      'index.html': `<link href="/_astro/Base.Zz9_y-Q1.css"><script>import("/_astro/x.Qq12Cd99.js")</script>`,
      _headers: `/*\n  Content-Security-Policy: script-src 'sha256-BBBB+/='`,
      '_astro/Base.Zz9_y-Q1.css': 'body{}',
      'e/e.pdf': '3|text|2026-12-06',
    });
    expect(await compareBuildDirs(a, b, pdfText)).toEqual([]);
  });

  it('reports a changed page, a changed asset, a PDF with other text, and files in one build only', async () => {
    const a = site({ 'index.html': '<p>one</p>', '_astro/a.IiNJ-rDU.css': 'a{}', 'p.pdf': '2|old|x', 'gone.html': '' });
    const b = site({ 'index.html': '<p>two</p>', '_astro/a.Zz9_y-Q1.css': 'b{}', 'p.pdf': '2|new|x', 'new.html': '' });
    const differences = await compareBuildDirs(a, b, pdfText);
    expect(differences.map((d) => d.file)).toEqual(['_astro/a.IiNJ-rDU.css', 'gone.html', 'index.html', 'new.html', 'p.pdf']);
    expect(differences.find((d) => d.file === 'index.html')?.detail).toContain('"<p>one</p>" → "<p>two</p>"');
  });

  it('leaves names that only look hashed alone', () => {
    expect(withoutHashes('social/armenia/index.png /_astro/font.BLN19cOa.woff2')).toBe('social/armenia/index.png /_astro/font.#.woff2');
    expect(firstDifference('a\nb', 'a\nc')).toContain('line 2');
  });
});
