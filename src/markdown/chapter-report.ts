import type { Root } from 'mdast';
import { decodeHTML } from 'entities';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { DataCollections } from '../data/catalog.ts';
import type { ChapterReport, ChapterTells, PageCitation } from '../data/chapter-report.ts';
import { evidenceKey, type ChapterContext } from './chapter-context.ts';
import { noteData, noteNumbers } from './notes.ts';

/**
 * Adds the transform's notes at the end of the chapter and writes its report into the page's
 * frontmatter. The words are counted first: the notes are not part of them.
 */
export function reportChapter(tree: Root, file: VFile, chapter: ChapterContext): ChapterReport {
  const words = proseWords(tree);
  tree.children.push(...chapter.notes.values());
  const numbers = noteNumbers(tree);
  const cited = new Map<string, PageCitation['notes']>();
  for (const [label, definition] of chapter.notes) {
    const { sourceId, passage } = noteData(definition);
    const number = numbers.get(label.toUpperCase());
    if (sourceId && number) cited.set(sourceId, [...(cited.get(sourceId) ?? []), { label, number, ...(passage ? { passage } : {}) }]);
  }
  const report: ChapterReport = {
    citations: [...cited].map(([source, notes]) => ({ source, notes })),
    corrections: chapter.notedCorrections,
    noteCount: numbers.size,
    words,
    tells: tellsReport(chapter.catalog, chapter.told),
    shows: {
      statements: [...chapter.shows.statements],
      people: [...chapter.shows.people],
      events: [...chapter.shows.events],
    },
  };
  const astro = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
  if (astro?.frontmatter) Object.assign(astro.frontmatter, report);
  return report;
}

function tellsReport(catalog: DataCollections, told: ChapterContext['told']): ChapterTells {
  const events: ChapterTells['events'] = {};
  for (const [id, event] of catalog.events) {
    const sources = new Set(event.sources.filter((source) => told.sources.has(source.id)).map((source) => source.id)).size;
    if (sources === 0) continue;
    const passage = event.sources.some(
      (source) => source.passage !== undefined && told.passages.has(evidenceKey(source.id, source.passage)),
    );
    events[id] = { passage, sources };
  }
  return { people: [...told.people], events };
}

/** Words in the text a reader reads: prose, quotations, editor's notes and tables, without notes or their markers. */
function proseWords(tree: Root): number {
  let text = '';
  visit(tree, (node) => {
    if (node.type === 'footnoteDefinition' || node.type === 'footnoteReference') return SKIP;
    if (node.type === 'text' || node.type === 'inlineCode') text += ` ${node.value} `;
    else if (node.type === 'html') text += ` ${decodeHTML(node.value.replace(/<[^>]*>/g, ' '))} `;
    return undefined;
  });
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
