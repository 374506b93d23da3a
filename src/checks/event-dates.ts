import type { ContentProblem } from '../data/content-error.ts';
import type { ContentModel } from './model.ts';

/**
 * An event dated after today, or after the end of every explainer's period. The first is a typo
 * (2204 for 2024); the second is an event no explainer covers, which the timeline would show as
 * if the story went on: correct the date, or extend an explainer's period to include it.
 */
export function checkEventDates(model: ContentModel, today = new Date().toISOString().slice(0, 10)): ContentProblem[] {
  const periodEnds = model.data.chapters.map((chapter) => chapter.data.period.to.iso).sort();
  const lastCovered = periodEnds.at(-1);
  const problems: ContentProblem[] = [];
  for (const file of model.dataFiles.filter((f) => f.collection === 'events')) {
    const event = model.data.events.get(file.id);
    if (!event) continue;
    const at = file.locate(['date']) ?? {};
    if (event.date.iso.slice(0, today.length) > today) {
      problems.push({
        file: file.file,
        ...at,
        field: 'date',
        found: `${event.date.iso}, which is after today`,
        expected: 'the date the event happened',
        fix: 'correct the date',
      });
    } else if (lastCovered !== undefined && event.date.iso > lastCovered && !lastCovered.startsWith(event.date.iso)) {
      problems.push({
        file: file.file,
        ...at,
        field: 'date',
        found: `${event.date.iso}, after the period any explainer covers (the latest ends ${lastCovered})`,
        expected: 'events within an explainer’s period, which is what the explainers tell',
        fix: 'correct the date, or extend the `period` of the explainer that tells this event',
      });
    }
  }
  return problems;
}
