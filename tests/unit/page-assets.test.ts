import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { filesLoadedBy } from '../../src/editions/page-assets.ts';

const root = mkdtempSync(join(tmpdir(), 'page-assets-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};

describe('the files a built page loads (the PDF edition keys its cache on them)', () => {
  write('_astro/page.css', "@import url('extra.css'); @font-face { src: url(/_astro/face.woff2) format('woff2'); }");
  write('_astro/extra.css', '.x { background: url("../img/dot.svg"); }');
  write('_astro/face.woff2', 'font');
  write('_astro/other.css', '.unused {}');
  write('img/dot.svg', '<svg/>');
  write('img/photo.png', 'png');

  const html = `<!doctype html><html><head>
    <link rel="canonical" href="https://example.org/x/all/">
    <link rel="stylesheet" href="/_astro/page.css">
    <link rel="icon" href="/favicon.svg">
    <link rel="alternate" href="/feed.xml">
    <script type="module" src="/_astro/tools.js"></script>
    <style>.y { background: url('/img/inline.png') }</style>
    </head><body><img src="../../img/photo.png" alt=""><a href="/elsewhere/">x</a>
    <img src="https://other.example/remote.png" alt=""></body></html>`;

  test('follows stylesheets into their imports and url()s, and leaves out what a print does not load', () => {
    expect(filesLoadedBy(root, html, '/x/all/')).toEqual([
      '_astro/extra.css',
      '_astro/face.woff2',
      '_astro/page.css',
      'favicon.svg',
      'img/dot.svg',
      'img/inline.png',
      'img/photo.png',
    ]);
  });

  test('a stylesheet the page does not load is not among them', () => {
    expect(filesLoadedBy(root, html, '/x/all/')).not.toContain('_astro/other.css');
  });

  test('a reference cannot lead outside the built site', () => {
    expect(filesLoadedBy(root, '<link rel="stylesheet" href="/../../etc/passwd">', '/')).toEqual(['etc/passwd']);
    expect(filesLoadedBy(root, '<img src="../../../../outside.png">', '/a/')).toEqual(['outside.png']);
  });
});
