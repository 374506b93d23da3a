import type { ContentProblem } from '../data/content-error.ts';
import { citedIds, type ContentModel } from './model.ts';

/**
 * A source that nothing cites: no `[@id]` in any chapter, and no event, statement, person,
 * correction, state or chapter frontmatter pointing to it. Usually a leftover after an edit, or a
 * citation with a typo that happens to name another source.
 */
export function checkUncitedSources(model: ContentModel): ContentProblem[] {
  const cited = new Set<string>();
  for (const chapter of model.chapters) {
    for (const id of citedIds(chapter.text)) cited.add(id);
    for (const id of chapter.basedOn) cited.add(id);
  }
  const { data } = model;
  const references = [
    ...[...data.statements.values()].map((statement) => statement.source),
    ...[...data.events.values()].flatMap((event) => event.sources),
    ...[...data.people.values()].flatMap((person) => person.sources),
    ...[...data.corrections.values()].flatMap((correction) => [correction.article, ...correction.evidence]),
    ...[...data.states.values()].flatMap((state) => state.changes.flatMap((change) => change.sources)),
  ];
  for (const reference of references) cited.add(reference.id);

  return model.dataFiles
    .filter((file) => file.collection === 'sources' && data.sources.has(file.id) && !cited.has(file.id))
    .map((file) => ({
      file: file.file,
      line: 1,
      column: 1,
      found: `a source that nothing cites: no [@${file.id}] in a chapter, and no data entry lists "${file.id}"`,
      expected: 'every source to support something on the site',
      fix: `cite it as [@${file.id}] where it supports a statement, list it in an entry's sources, or delete the file`,
    }));
}
