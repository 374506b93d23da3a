/**
 * Settings that belong to the publication rather than to one explainer. Set once, read everywhere.
 * SITE_URL and BASE_PATH may be overridden at build time (e.g. for a GitHub Pages project site).
 */
export const SITE = {
  name: 'Footnoted',
  tagline: 'Explainers in which every fact is traceable to its source',
  url: process.env['SITE_URL'] ?? 'https://footnoted-explainers.github.io',
  base: process.env['BASE_PATH'] ?? '/',
  repository: 'https://github.com/footnoted-explainers/csto-explainer',
  branch: 'main',
  locale: 'en-GB',
  lang: 'en',
  /**
   * Every citation in chapter prose must carry the source's own words that support it
   * ([@id, "passage"]); a citation without one fails the build with the fix.
   */
  requireEvidence: true,
} as const;
