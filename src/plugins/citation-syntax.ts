/**
 * The citation syntax of chapter MDX, read by the citation transform and by the content checks:
 * `[@id]`, `[@id, locator]`, `[@a; @b]`. CITATION finds a bracket; each `;`-separated item in it,
 * trimmed, matches CITATION_ITEM: the source id, then an optional locator after a comma.
 */
export const CITATION = /\[(@[^\]\n]*)\]/g;
export const CITATION_ITEM = /^@([a-z0-9][a-z0-9-]*)\s*(?:,\s*(\S[^]*?))?\s*$/i;
