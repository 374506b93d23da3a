import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { htmlFilesIn } from '../build/built-files.ts';

/**
 * The Content-Security-Policy, delivered where it protects the whole page:
 *
 * - Astro writes its <meta> CSP (with the hash of every inline script and style) at the end of
 *   <head>. A meta policy covers only what comes after it, so a script earlier in <head> (the
 *   JSON-LD) would escape it. Each page's meta is moved to just after <meta charset>.
 * - The same policy, merged over every page, replaces the Content-Security-Policy line of
 *   `_headers`, so hosts that read the file (Netlify, Cloudflare Pages, the test server) send it as
 *   an HTTP header too, where frame-ancestors also applies.
 */
export const META_CSP = /<meta http-equiv="content-security-policy" content="([^"]*)">/i;
const CHARSET = /<meta charset="utf-8">/i;

export function securityHeaders(): AstroIntegration {
  return {
    name: 'security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const policies: string[] = [];
        for (const file of htmlFilesIn(root)) {
          const path = join(root, file);
          const html = readFileSync(path, 'utf8');
          const moved = cspFirst(html);
          if (moved === undefined) continue;
          policies.push(moved.policy);
          if (moved.html !== html) writeFileSync(path, moved.html);
        }
        if (policies.length === 0) return;
        const headers = join(root, '_headers');
        writeFileSync(headers, withPolicy(readFileSync(headers, 'utf8'), mergePolicies(policies)));
        logger.info(`CSP first in <head> of ${policies.length} pages, and in _headers`);
      },
    },
  };
}

/** The page with its meta CSP moved to just after <meta charset>, and the policy; undefined without one. */
export function cspFirst(html: string): { html: string; policy: string } | undefined {
  const meta = META_CSP.exec(html);
  const charset = CHARSET.exec(html);
  if (!meta || !charset) return undefined;
  const without = html.slice(0, meta.index) + html.slice(meta.index + meta[0].length);
  const at = charset.index + charset[0].length;
  return { html: without.slice(0, at) + meta[0] + without.slice(at), policy: meta[1]!.replaceAll('&#39;', "'") };
}

/** Several policies as one: each directive with every source any page needs. */
export function mergePolicies(policies: string[]): string {
  const directives = new Map<string, Set<string>>();
  for (const policy of policies) {
    for (const directive of policy.split(';')) {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (!name) continue;
      const set = directives.get(name) ?? new Set<string>();
      for (const source of sources) set.add(source);
      directives.set(name, set);
    }
  }
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * `_headers` with the site-wide block's CSP replaced by the pages' policy plus the directives a
 * <meta> cannot carry (frame-ancestors), which the file's own line keeps.
 */
export function withPolicy(headers: string, policy: string): string {
  return headers.replace(/^(\s+Content-Security-Policy:)(.*)$/m, (_, key: string, own: string) => {
    const headerOnly = own
      .split(';')
      .map((directive) => directive.trim())
      .filter((directive) => directive.startsWith('frame-ancestors') || directive.startsWith('report-'));
    return `${key} ${[policy, ...headerOnly].join('; ')}`;
  });
}
