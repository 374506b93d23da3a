import type { ListItem } from 'mdast';
import { z } from 'astro/zod';
import { personPath } from '../../routes.ts';
import { dataComponent } from './props.ts';

/** `<NameSpellings />`: each person's house name with the other spellings found in sources, by surname. */
export const nameSpellings = dataComponent({
  name: 'NameSpellings',
  props: z.strictObject({}),
  cites: false,
  expand(_node, _props, { catalog, base, shows }) {
    const surname = (name: string) => name.split(' ').at(-1) ?? name;
    const people = [...catalog.people]
      .filter(([, person]) => person.otherSpellings.length > 0)
      .sort(([, a], [, b]) => surname(a.name).localeCompare(surname(b.name)));
    for (const [id] of people) shows.people.add(id);
    const item = (id: string, name: string, others: string[]): ListItem => ({
      type: 'listItem',
      spread: false,
      children: [
        {
          type: 'paragraph',
          children: [
            {
              type: 'link',
              url: base + personPath(id),
              data: { hProperties: { className: ['person'] } },
              children: [{ type: 'text', value: name }],
            },
            { type: 'text', value: `: also ${others.join(', ')}` },
          ],
        },
      ],
    });
    return [
      {
        type: 'list',
        ordered: false,
        spread: false,
        data: { hProperties: { className: ['name-spellings'] } },
        children: people.map(([id, person]) => item(id, person.name, person.otherSpellings)),
      },
    ];
  },
});
