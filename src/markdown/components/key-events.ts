import type { PhrasingContent, TableCell, TableRow } from 'mdast';
import { z } from 'astro/zod';
import { formatDateRange } from '../../data/dates.ts';
import { strings } from '../../i18n/ui.ts';
import { unknownId, type ChapterContext } from '../chapter-context.ts';
import { citedItem } from '../notes.ts';
import { dataComponent, type JsxElement } from './props.ts';

/**
 * `<KeyEvents ids="a, b" />`: a key-facts table of events (date, what happened), each cited. The
 * table restates events the chapter need not tell, so its citations do not count as told.
 */
export const keyEvents = dataComponent({
  name: 'KeyEvents',
  props: z.strictObject({
    ids: z.string().transform((ids) =>
      ids
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  }),
  cites: true,
  expand(node, { ids }, chapter) {
    if (ids.length === 0) {
      chapter.fail(
        {
          field: '<KeyEvents ids>',
          found: 'no ids',
          expected: `ids="first-event, second-event", naming files in ${chapter.dirs.events}/`,
          fix: 'list the events, in the order the table shows them',
        },
        node,
      );
    }
    const header: TableRow = { type: 'tableRow', children: [cell(strings().keyEventWhen), cell(strings().keyEventWhat)] };
    const rows = chapter.untold(() => ids.map((id) => row(id, node, chapter)));
    return [{ type: 'table', align: [null, null], data: { hProperties: { className: ['key-events'] } }, children: [header, ...rows] }];
  },
});

function cell(content: string | PhrasingContent[]): TableCell {
  return { type: 'tableCell', children: typeof content === 'string' ? [{ type: 'text', value: content }] : content };
}

function row(id: string, node: JsxElement, chapter: ChapterContext): TableRow {
  const event = chapter.catalog.events.get(id);
  if (!event) return chapter.fail(unknownId(id, chapter.catalog.events, chapter.dirs.events), node);
  chapter.shows.events.add(id);
  return {
    type: 'tableRow',
    children: [
      cell(formatDateRange(event.date, event.until)),
      cell([
        { type: 'strong', children: [{ type: 'text', value: event.title }] },
        { type: 'text', value: `. ${event.summary}` },
        ...event.sources.map((source) => chapter.cite(citedItem(source), node)),
      ]),
    ],
  };
}
