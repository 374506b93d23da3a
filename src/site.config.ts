/**
 * Settings that belong to the publication rather than to one explainer. Set once, read everywhere.
 * SITE_URL and BASE_PATH may be overridden at build time (e.g. for a GitHub Pages project site).
 */
export const SITE = {
  /** The publisher's name: the site's name, the author and publisher in citations and JSON-LD, the feed's title. */
  name: 'Footnoted',
  tagline: 'Explainers in which every fact is traceable to its source',
  url: process.env['SITE_URL'] ?? 'https://footnoted-explainers.github.io',
  base: process.env['BASE_PATH'] ?? '/',
  /** The public repository: "Edit this page", "Page history" and "Report an error" (its issue form) all point here. */
  repository: 'https://github.com/footnoted-explainers/csto-explainer',
  branch: 'main',
  locale: 'en-GB',
  lang: 'en',
  /**
   * Every citation in chapter prose must carry the source's own words that support it
   * ([@id, "passage"]); a citation without one fails the build with the fix.
   */
  requireEvidence: true,
  /**
   * What a newsroom that publishes the site fills in. Each stays empty until it is filled, and while
   * it is empty no page mentions it: we do not invent an address, a person or a funder.
   */
  newsroom: {
    /** An address for readers without a GitHub account to report an error; "Report an error" offers it once set. */
    correctionsEmail: '' as string,
    /** The publisher's postal address, shown on "How we work" and in the JSON-LD once set. */
    address: '' as string,
  },
} as const;
