import type { ContentProblem } from '../data/content-error.ts';
import type { ContentModel } from './model.ts';

/**
 * A statement or event without a source that can attest it. The schemas already refuse one with no
 * source at all; this check catches the quieter mistake of pointing at the wrong one: a source
 * published before the words were said, or before an event that it is the only source for and
 * that no source published on or after the day reports.
 *
 * Events may rightly cite earlier sources for what was announced in advance (a deadline set by a
 * decree), so an event is only reported when it is a past-tense happening with every source older
 * than the event and none of them undated, and its summary does not say it was planned or set.
 */
export function checkUnsourcedEntries(model: ContentModel): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const published = ({ id }: { id: string }) => model.data.sources.get(id)?.published?.iso;

  for (const file of model.dataFiles) {
    if (file.collection === 'statements') {
      const statement = model.data.statements.get(file.id);
      const sourceDate = statement && published(statement.source);
      if (!statement || !sourceDate || !before(sourceDate, statement.date.iso)) continue;
      problems.push({
        file: file.file,
        ...file.locate(['source']),
        field: 'source',
        found: `"${statement.source.id}", published ${sourceDate}, before the statement's date ${statement.date.iso}`,
        expected: 'a source published on or after the day the words were said',
        fix: 'correct the statement’s date, or cite the article that reported the words',
      });
    }
    if (file.collection === 'events') {
      const event = model.data.events.get(file.id);
      if (!event || /\b(?:plan|planned|set|scheduled|due|deadline|expected)\b/i.test(`${event.title} ${event.summary}`)) continue;
      const dates = event.sources.map(published);
      if (dates.some((date) => date === undefined || !before(date, event.date.iso))) continue;
      problems.push({
        file: file.file,
        ...file.locate(['sources']),
        field: 'sources',
        found: `only sources published before the event's date ${event.date.iso}: ${event.sources.map(({ id }, i) => `${id} (${dates[i]})`).join(', ')}`,
        expected: 'at least one source published on or after the day of the event',
        fix: 'correct the event’s date, or add the report of the event to its sources',
      });
    }
  }
  return problems;
}

/** True when `a` is certainly earlier than `b`, comparing only the precision both dates have. */
function before(a: string, b: string): boolean {
  const length = Math.min(a.length, b.length);
  return a.slice(0, length) < b.slice(0, length);
}
