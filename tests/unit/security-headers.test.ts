import { expect, test } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cspFirst, deliverContentSecurityPolicy, mergePolicies, withPolicy } from '../../src/build/content-security-policy.ts';
import { jsonForScript } from '../../src/components/json-in-html.ts';
import { scratchDir } from './scratch-dir.ts';

test('JSON for a script element cannot close it, and reads back the same', () => {
  const value = { name: '</script><script>alert(1)</script>', line: 'a\u2028b\u2029c', amp: 'R&D <!-- x -->' };
  const json = jsonForScript(value);
  expect(json).not.toMatch(/<|>|\u2028|\u2029/);
  expect(JSON.parse(json)).toEqual(value);
});

test('the meta CSP moves to just after the charset, before any script', () => {
  const html =
    '<html><head><meta charset="utf-8"><script type="application/ld+json">{}</script>' +
    '<meta http-equiv="content-security-policy" content="default-src \'self\'"></head></html>';
  const moved = cspFirst(html)!;
  expect(moved.policy).toBe("default-src 'self'");
  expect(moved.html).toBe(
    '<html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src \'self\'">' +
      '<script type="application/ld+json">{}</script></head></html>',
  );
  expect(cspFirst('<html><head><meta charset="utf-8"></head></html>')).toBeUndefined();
});

test('policies merge directive by directive, and the header keeps what a meta cannot carry', () => {
  const merged = mergePolicies(["default-src 'self'; script-src 'self' 'sha256-a'", "default-src 'self'; script-src 'self' 'sha256-b'"]);
  expect(merged).toBe("default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'");
  const headers = "/*\n  X-Frame-Options: DENY\n  Content-Security-Policy: frame-ancestors 'none'; base-uri 'self'\n";
  expect(withPolicy(headers, merged)).toBe(`/*\n  X-Frame-Options: DENY\n  Content-Security-Policy: ${merged}; frame-ancestors 'none'\n`);
});

test('a built page gets its CSP first, in place, whatever the length of its head; _headers gets the merged policy', () => {
  const dist = scratchDir('csp-dist');
  const csp = (hash: string) => `<meta http-equiv="content-security-policy" content="default-src 'self'; style-src 'self' '${hash}'">`;
  // Names and rules with characters of two to four bytes, a head longer than one block read, and a long body.
  const rules = `<style>${'@page chapter-ä { @top-left { content: "Łukashenko — “a” 🗺" } }\n'.repeat(400)}</style>`;
  const pages = {
    'index.html': `<!doctype html><html><head><meta charset="utf-8"><title>Pašinjan – “x”</title><script>1</script>${csp('sha256-a')}</head><body>${'<p>é</p>'.repeat(50_000)}</body></html>`,
    'all/index.html': `<!doctype html><html><head><meta charset="utf-8"><title>All</title>${rules}${csp('sha256-b')}</head><body><p>ü</p></body></html>`,
    'plain/index.html': '<!doctype html><html><head><meta charset="utf-8"><title>No policy</title></head><body></body></html>',
  };
  for (const [file, html] of Object.entries(pages)) {
    mkdirSync(join(dist, file, '..'), { recursive: true });
    writeFileSync(join(dist, file), html);
  }
  writeFileSync(join(dist, '_headers'), "/*\n  Content-Security-Policy: frame-ancestors 'none'\n");

  expect(deliverContentSecurityPolicy(dist)).toBe(2);
  for (const [file, html] of Object.entries(pages)) {
    expect(readFileSync(join(dist, file), 'utf8'), file).toBe(cspFirst(html)?.html ?? html);
  }
  expect(readFileSync(join(dist, 'all/index.html'), 'utf8')).toMatch(/^<!doctype html><html><head><meta charset="utf-8"><meta http-equiv/);
  expect(readFileSync(join(dist, '_headers'), 'utf8')).toContain("style-src 'self' 'sha256-b' 'sha256-a'; frame-ancestors 'none'");
});
