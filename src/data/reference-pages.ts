import type { UiStrings } from '../i18n/ui.ts';
import type { CollectionName } from '../schemas/reference.ts';

/**
 * The site's reference pages, each listing one collection of data: the header's links, the home
 * page's cards, the 404 page's suggestions, their social cards, "Edit this page" and the link check
 * all read this list. Titles, descriptions and counts are keys of the UI strings.
 */
export const REFERENCE_PAGES = [
  { path: 'timeline/', collection: 'events', title: 'timeline', description: 'timelineDescription', count: 'countEvents' },
  { path: 'people/', collection: 'people', title: 'people', description: 'peopleDescription', count: 'countPeople' },
  { path: 'sources/', collection: 'sources', title: 'sources', description: 'sourcesDescription', count: 'countSources' },
  {
    path: 'corrections/',
    collection: 'corrections',
    title: 'corrections',
    description: 'correctionsDescription',
    count: 'countCorrections',
  },
] as const satisfies readonly {
  path: string;
  collection: CollectionName;
  title: keyof UiStrings;
  description: keyof UiStrings;
  count: keyof UiStrings;
}[];
