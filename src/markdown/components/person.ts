import type { PhrasingContent } from 'mdast';
import { z } from 'astro/zod';
import { personPath } from '../../routes.ts';
import { unknownId } from '../chapter-context.ts';
import { dataComponent } from './props.ts';

/** `<Person id="person-id" />`: a person's house name, linked to their card; `short`: the surname alone. */
export const person = dataComponent({
  name: 'Person',
  props: z.strictObject({
    id: z.string().min(1, 'the id of an entry, in quotes'),
    short: z.literal(true).optional(),
  }),
  cites: false,
  expand(node, { id, short }, chapter) {
    const found = chapter.catalog.people.get(id);
    if (!found) return chapter.fail(unknownId(id, chapter.catalog.people, chapter.dirs.people, '<Person id>'), node);
    chapter.told.people.add(id);
    chapter.shows.people.add(id);
    const name = short ? (found.name.split(' ').at(-1) ?? found.name) : found.name;
    const link: PhrasingContent = {
      type: 'link',
      url: chapter.base + personPath(id),
      data: { hProperties: { className: ['person'] } },
      children: [{ type: 'text', value: name }],
    };
    return [node.type === 'mdxJsxFlowElement' ? { type: 'paragraph', children: [link] } : link];
  },
});
