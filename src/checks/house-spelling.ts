import { withoutCitations } from '../markdown/citation-syntax.ts';
import type { ContentProblem } from '../data/content-error.ts';
import type { Person } from '../data/catalog.ts';
import { pointAt, sourceOf, walk, type ContentModel, type DataFile } from './model.ts';

/**
 * A person named with a spelling other than the house one. Each person's `otherSpellings` are the
 * forms found in sources; our own text uses `name`. Besides each other spelling in full, its
 * surname on its own is looked for when it differs from ours ("Pashinian" for "Pashinyan").
 *
 * Not checked: what we quote (statements' `text`) and the titles of sources, which are verbatim; and
 * a data field that is about spelling (it uses the word "spell", "spelled", "spelling"). A chapter
 * that lists other spellings does so with <NameSpellings />, from the people data, so chapter text
 * itself never needs them.
 */
export function checkHouseSpelling(model: ContentModel): ContentProblem[] {
  const variants = variantsOf(model.data.people);
  if (variants.length === 0) return [];
  return [...inChapters(model, variants), ...inData(model, variants)];
}

interface Variant {
  text: string;
  pattern: RegExp;
  personId: string;
  house: string;
}

function variantsOf(people: Map<string, Person>): Variant[] {
  const variants: Variant[] = [];
  for (const [personId, person] of people) {
    const houseSurname = person.name.split(/\s+/).at(-1);
    const forms = new Set(person.otherSpellings);
    for (const spelling of person.otherSpellings) {
      const surname = spelling.split(/\s+/).at(-1);
      if (surname && surname !== houseSurname && surname.length >= 4) forms.add(surname);
    }
    for (const text of forms) {
      if (text === person.name || person.name.includes(text)) continue;
      const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
      variants.push({ text, pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'), personId, house: person.name });
    }
  }
  // Longest first, so that "Alyaksandr Lukashenka" is reported once, not also as "Lukashenka".
  return variants.sort((a, b) => b.text.length - a.text.length);
}

const ABOUT_SPELLING = /\bspell(?:s|ed|ing|t)?\b/i;

function find(text: string, variants: Variant[]): { variant: Variant; index: number }[] {
  const found: { variant: Variant; index: number; end: number }[] = [];
  for (const variant of variants) {
    for (const match of text.matchAll(variant.pattern)) {
      const index = match.index;
      const end = index + match[0].length;
      if (!found.some((f) => index < f.end && end > f.index)) found.push({ variant, index, end });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

function problem(file: string, at: { line?: number; column?: number }, variant: Variant, field?: string): ContentProblem {
  return {
    file,
    ...at,
    ...(field ? { field } : {}),
    found: `"${variant.text}", a spelling found in sources`,
    expected: `the house spelling "${variant.house}" (content/people/${variant.personId}.yaml)`,
    // A surname on its own is replaced by ours on its own; a full name by the full house name.
    fix: `write "${variant.text.includes(' ') ? variant.house : variant.house.split(/\s+/).at(-1)}", or <Person id="${variant.personId}" />`,
  };
}

function inChapters(model: ContentModel, variants: Variant[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const chapter of model.chapters) {
    const blocks = [...walk(chapter.tree)].filter(({ node }) => ['paragraph', 'heading', 'tableCell'].includes(node.type));
    for (const { node } of blocks) {
      for (const { node: text } of walk(node)) {
        if (text.type !== 'text' || !text.position) continue;
        // Evidence passages in citations quote their source verbatim, with its spelling.
        for (const { variant, index } of find(withoutCitations(sourceOf(chapter.text, text)), variants)) {
          problems.push(problem(chapter.file, pointAt(chapter.text, text.position.start.offset! + index), variant));
        }
      }
    }
  }
  return problems;
}

/** The fields we write in our own words; quoted words and source titles are left as published. */
const OWN_WORDS: Partial<Record<DataFile['collection'], (entry: never) => [string, (string | number)[]][]>> = {
  events: (event: { title: string; summary: string }) => [
    [event.title, ['title']],
    [event.summary, ['summary']],
  ],
  corrections: (correction: { articleSays: string; fact: string }) => [
    [correction.articleSays, ['articleSays']],
    [correction.fact, ['fact']],
  ],
  statements: (statement: { occasion: string }) => [[statement.occasion, ['occasion']]],
  people: (person: { summary: string; roles: { title: string }[] }) => [
    [person.summary, ['summary']],
    ...person.roles.map((role, i): [string, (string | number)[]] => [role.title, ['roles', i, 'title']]),
  ],
  states: (state: { changes: { note?: string }[] }) =>
    state.changes.flatMap((change, i): [string, (string | number)[]][] => (change.note ? [[change.note, ['changes', i, 'note']]] : [])),
  sources: (source: { note?: string }) => (source.note ? [[source.note, ['note']]] : []),
};

function inData(model: ContentModel, variants: Variant[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const file of model.dataFiles) {
    const fields = OWN_WORDS[file.collection];
    const entry = model.data[file.collection].get(file.id);
    if (!fields || entry === undefined) continue;
    for (const [text, path] of fields(entry as never)) {
      if (ABOUT_SPELLING.test(text)) continue;
      const [first] = find(text, variants);
      if (first) problems.push(problem(file.file, file.locate(path) ?? {}, first.variant, path.join('.')));
    }
  }
  return problems;
}
