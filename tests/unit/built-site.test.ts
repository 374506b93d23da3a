import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkHeaders, checkLinks, checkSecurity, checkSitemap, readPage, scanTags } from '../../scripts/lib/built-site.ts';
import { htmlFilesIn } from '../../src/build/built-files.ts';
import { scratchDir } from './scratch-dir.ts';

/** The rules of `npm run check:built`, each shown failing on a tiny built site. */
const options = { base: '/', siteUrl: 'https://example.org' };
const THEME = "try { document.documentElement.dataset.theme = 'dark'; } catch {}";
const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const CSP = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' ${hash(THEME)}; style-src 'self';">`;

function site(files: Record<string, string>): string {
  const dist = scratchDir('dist');
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), text);
  }
  return dist;
}

const page = (body: string, head = CSP) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}<script>${THEME}</script></head><body>${body}</body></html>`;
const VALID = {
  'index.html': page(
    '<a href="/people/#jane">Jane</a> <a href="people/">People</a> <a href="https://news.example.com/a?b=1&amp;c=2">News</a>',
  ),
  'people/index.html': page('<h1 id="jane">Jane</h1><a href="../">Home</a><a href="#jane">Top</a><img src="/face.svg" alt="">'),
  'face.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'sitemap-0.xml': '<urlset><url><loc>https://example.org/</loc></url><url><loc>https://example.org/people/</loc></url></urlset>',
  _headers: [
    '/*',
    '  Strict-Transport-Security: max-age=63072000',
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Permissions-Policy: camera=()',
    `  Content-Security-Policy: default-src 'self'; script-src 'self' ${hash(THEME)}; frame-ancestors 'none'`,
  ].join('\n'),
};

async function run(files: Record<string, string>) {
  const dist = site(files);
  const pages = htmlFilesIn(dist).map((file) => readPage(dist, file, options.base));
  const strip = (problems: string[]) => problems.map((problem) => problem.replace(/^\S*?dist-\w+\//, ''));
  return {
    links: strip([...checkLinks(dist, pages, options), ...checkSitemap(dist, pages, options)]),
    security: strip([...checkSecurity(pages, options), ...(await checkHeaders(dist))]),
  };
}

test('a valid little site passes every rule', async () => {
  expect(await run(VALID)).toEqual({ links: [], security: [] });
});

test('tags and attributes are read as written, entities decoded, script text kept whole', () => {
  const [script, link] = scanTags('<script>if (a < b) x("<a href=no>")</script><a href="/x?a=1&amp;b=2" data-x>y</a>');
  expect(script?.content).toBe('if (a < b) x("<a href=no>")');
  expect(link?.attributes.get('href')).toBe('/x?a=1&b=2');
  expect(link?.attributes.has('data-x')).toBe(true);
});

describe('links', () => {
  test.each([
    ['a missing page', '<a href="/nowhere/">x</a>', 'no page /nowhere/ in the built site'],
    ['a missing fragment on another page', '<a href="/people/#john">x</a>', 'no element with id "john" on /people/'],
    ['a missing fragment on the same page', '<a href="#fn-1">1</a>', 'no element with id "fn-1" on /'],
    ['a page without its closing slash', '<a href="/people">x</a>', 'a page address without its closing slash'],
    ['a missing asset', '<img src="/missing.png" alt="">', 'no file /missing.png in the built site'],
    ['an empty fragment', '<a href="#">x</a>', 'an empty fragment'],
    ['an empty fragment on another page', '<a href="/people/#">x</a>', 'an empty fragment'],
    ['an external address without a domain', '<a href="https://localhost/x">x</a>', 'not a public domain'],
    ['a malformed external address', '<a href="http://exa mple.org/">x</a>', 'not a well-formed URL'],
    ['a javascript: URL', '<a href="javascript:alert(1)">x</a>', 'a javascript: URL'],
  ])('%s', async (_, body, message) => {
    const { links } = await run({ ...VALID, 'index.html': page(body) });
    expect(links).toHaveLength(1);
    expect(links[0]).toContain(message);
  });

  test('a sitemap entry that is not a page', async () => {
    const { links } = await run({ ...VALID, 'sitemap-0.xml': '<urlset><url><loc>https://example.org/gone/</loc></url></urlset>' });
    expect(links).toEqual(['sitemap-0.xml: https://example.org/gone/ is not a page of the built site']);
  });
});

describe('security', () => {
  test.each([
    ['no policy', page('', ''), 'no Content-Security-Policy with script-src'],
    [
      'unsafe-inline scripts',
      page('', `<meta http-equiv="content-security-policy" content="script-src 'self' 'unsafe-inline' ${hash(THEME)}">`),
      "script-src allows 'unsafe-inline'",
    ],
    [
      'an inline script the policy does not allow',
      page('<script>alert(1)</script>'),
      'an inline script whose hash is not in the Content-Security-Policy',
    ],
    ['an inline event handler', page('<button onclick="go()">Go</button>'), 'an inline event handler onclick='],
    ['a style attribute', page('<p style="color:red">x</p>'), 'a style= attribute'],
    [
      'a script from another origin',
      page('<script src="https://cdn.example.net/x.js"></script>'),
      'loads https://cdn.example.net/x.js from another origin',
    ],
    [
      'a new tab that can reach back',
      page('<a href="https://news.example.com/" target="_blank">x</a>'),
      'target="_blank" without rel="noopener noreferrer"',
    ],
  ])('%s', async (_, html, message) => {
    const { security } = await run({ ...VALID, 'index.html': html });
    expect(security).toHaveLength(1);
    expect(security[0]).toContain(message);
  });

  test('JSON-LD is data, not a script the policy must allow', async () => {
    expect(
      (await run({ ...VALID, 'index.html': page('<script type="application/ld+json">{"@type":"Article"}</script>') })).security,
    ).toEqual([]);
  });

  test('a policy after a script does not cover it', async () => {
    const late = `<!doctype html><html lang="en"><head><meta charset="utf-8"><script>${THEME}</script>${CSP}</head><body></body></html>`;
    const { security } = await run({ ...VALID, 'index.html': late });
    expect(security).toEqual([expect.stringContaining('<script> before the Content-Security-Policy')]);
  });

  test.each([
    ['closes its element early', '{"name":"</script><script>alert(1)</script>"}'],
    ['opens a comment', '{"name":"<!--"}'],
  ])('JSON-LD whose text %s', async (_, json) => {
    const { security } = await run({ ...VALID, 'index.html': page(`<script type="application/ld+json">${json}</script>`) });
    expect(security.join('\n')).toMatch(/can end it early|not valid JSON/);
  });

  test('a header policy that is only frame-ancestors', async () => {
    const { security } = await run({
      ...VALID,
      _headers: VALID._headers.replace(/Content-Security-Policy: .*/, "Content-Security-Policy: frame-ancestors 'none'"),
    });
    expect(security).toEqual([expect.stringContaining('Content-Security-Policy')]);
  });

  test('a missing security header', async () => {
    const { security } = await run({ ...VALID, _headers: VALID._headers.replace('  X-Content-Type-Options: nosniff\n', '') });
    expect(security).toEqual(['_headers: "/*" does not set X-Content-Type-Options']);
  });

  test('security headers set for some pages only', async () => {
    const { security } = await run({ ...VALID, _headers: VALID._headers.replace('/*', '/people/*') });
    expect(security).toEqual(['_headers: no "/*" block, so no page gets the security headers']);
  });
});
