import { expect, test } from 'vitest';
import { cspFirst, mergePolicies, withPolicy } from '../../src/build/content-security-policy.ts';
import { jsonForScript } from '../../src/components/json-in-html.ts';

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
