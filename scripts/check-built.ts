/**
 * The gates on the built site that need no browser. Run after `astro build`:
 *
 *   npm run check:built [-- --dist dir]
 *
 * - valid HTML: html-validate (rules in .htmlvalidate.mjs) reports no error on any page;
 * - links: every internal link, asset and fragment resolves in dist/, footnotes included; every
 *   external URL is well formed (no network requests); every sitemap entry is a page;
 * - security: each page's Content-Security-Policy has no 'unsafe-inline' for scripts and allows
 *   each inline script and style by hash; no inline handlers, style attributes or resources from
 *   another origin; target="_blank" only with rel="noopener noreferrer"; dist/_headers sets HSTS,
 *   nosniff, Referrer-Policy, Permissions-Policy and frame-ancestors.
 *
 * Browser gates (axe, keyboard, no JavaScript, forced colours, zoom, requests leaving the origin)
 * are in tests/e2e; budgets in scripts/check-budgets.ts.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import htmlRules from '../.htmlvalidate.mjs';
import { SITE } from '../src/site.config.ts';
import { htmlFilesIn } from '../src/build/built-files.ts';
import { checkHeaders, checkLinks, checkSecurity, checkSitemap, readPage } from './lib/built-site.ts';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' } } });
const dist = resolve(values.dist);
if (!existsSync(dist)) {
  console.error(`check:built: ${dist} does not exist. Build the site first (npm run build).`);
  process.exit(2);
}
const options = { base: SITE.base.replace(/\/?$/, '/'), siteUrl: SITE.url };
const files = htmlFilesIn(dist);
const pages = files.map((file) => readPage(dist, file, options.base));

// The project's rules, wherever dist/ is (a loader that searches from each file would find none
// for a build outside the repository, and check nothing).
const validator = new HtmlValidate(new StaticConfigLoader(htmlRules));
const invalid: string[] = [];
for (const page of pages) {
  const report = await validator.validateString(page.html, join(dist, page.file));
  for (const result of report.results) {
    for (const message of result.messages)
      invalid.push(`${page.shown}:${message.line}:${message.column}  ${message.ruleId}: ${message.message}`);
  }
}

const gates: [string, string[]][] = [
  ['Valid HTML (html-validate)', invalid],
  ['Links and fragments', [...checkLinks(dist, pages, options), ...checkSitemap(dist, pages, options)]],
  ['Security (CSP, headers, origins)', [...checkSecurity(pages, options), ...(await checkHeaders(dist))]],
];
let failed = 0;
for (const [name, problems] of gates) {
  if (problems.length === 0) {
    console.log(`✓ ${name}: ${pages.length} pages`);
    continue;
  }
  failed += problems.length;
  console.error(`✗ ${name}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  for (const problem of problems) console.error(`  ${problem}`);
}
if (failed > 0) process.exitCode = 1;
