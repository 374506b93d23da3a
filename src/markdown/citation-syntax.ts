/**
 * The citation syntax of chapter MDX, read by the citation transform and by the content checks:
 *
 *   [@id]                                      a source
 *   [@id, locator]                             with a locator (page, paragraph, section)
 *   [@id, "passage"]                           with the source's own words that support the sentence
 *   [@id, locator, "passage"]                  both
 *   [@id, "оригинал" translated "original"]    a passage in another language, with our translation
 *   [@a, "…"; @b, "…"]                         several sources (or passages) at one place
 *
 * CITATION finds a bracket (it may wrap over lines); parseCitation reads the items in it. A passage
 * is delimited by straight double quotes, so it may hold commas and semicolons but no straight
 * double quote (write “ ” inside it) and no closing square bracket.
 */
export const CITATION = /\[(@[^\]]*)\]/g;

export { PASSAGE_MAX_WORDS, wordCount } from '../schemas/cited-source.ts';

export interface CitationItem {
  id: string;
  locator?: string;
  /** The source's own words, verbatim, white space folded. */
  passage?: string;
  /** Our English translation of a passage in another language. */
  translation?: string;
}

/** A citation that does not parse: what is wrong (when more than the citation itself says), what was expected, the fix. */
export type ParsedCitation = { items: CitationItem[] } | { error?: string; expected: string; fix: string };

const ITEM = /^@([a-z0-9][a-z0-9-]*)\s*(?:,\s*([^]*?))?\s*$/i;
const REST = /^(?:([^]*?)\s*,\s*)?"([^"]*)"(?:\s+translated\s+"([^"]*)")?$/;

export const CITATION_EXPECTED =
  'a citation written [@source-id], [@source-id, locator], [@source-id, "passage"] or [@one, "…"; @two, "…"], ids of a–z, 0–9 and hyphens';

/** Reads what is inside `[…]` (without the brackets). */
export function parseCitation(inner: string): ParsedCitation {
  const parts = splitOutsideQuotes(inner);
  if (parts === undefined) {
    return {
      error: 'a passage whose closing " is missing',
      expected: CITATION_EXPECTED,
      fix: 'close the passage with a straight double quote "',
    };
  }
  const items: CitationItem[] = [];
  for (const part of parts) {
    const match = ITEM.exec(part.trim());
    if (!match?.[1]) {
      return { expected: CITATION_EXPECTED, fix: "write the id as the source's file name, without spaces, after an @" };
    }
    const item: CitationItem = { id: match[1] };
    const rest = match[2]?.trim();
    if (rest) {
      const quoted = REST.exec(rest);
      if (quoted) {
        if (quoted[1]) item.locator = fold(quoted[1]);
        item.passage = fold(quoted[2] ?? '');
        if (quoted[3] !== undefined) item.translation = fold(quoted[3]);
      } else if (rest.includes('"') && /,\s*"/.test(rest)) {
        return {
          expected: 'a passage in straight double quotes at the end of the citation, optionally followed by translated "…"',
          fix: 'write [@id, "passage"] or [@id, locator, "passage"]; inside a passage use “ ” instead of "',
        };
      } else {
        item.locator = fold(rest);
      }
    }
    if (item.passage === '') {
      return {
        error: 'an empty passage ""',
        expected: 'the words of the source that support the sentence',
        fix: 'copy the supporting words between the quotes, or remove the empty quotes',
      };
    }
    items.push(item);
  }
  return { items };
}

/** The ids a citation names, or none when it does not parse (the transform reports that). */
export function citedIdsIn(inner: string): string[] {
  const parsed = parseCitation(inner);
  return 'items' in parsed ? parsed.items.map((item) => item.id) : [];
}

function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Splits at `;` outside "…"; undefined when a quote is left open. */
function splitOutsideQuotes(text: string): string[] | undefined {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (char === ';' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (quoted) return undefined;
  parts.push(current);
  return parts;
}

/**
 * The text with every citation blanked out (spaces of the same length, so offsets still point into
 * the file): for checks of our own words, since a passage quotes the source verbatim.
 */
export function withoutCitations(text: string): string {
  return text.replace(CITATION, (citation) => citation.replace(/[^\n]/g, ' '));
}
