import { TIMELINE_PATH, PEOPLE_PATH, SOURCES_PATH, CORRECTIONS_PATH } from '../routes.ts';
import type { UiStrings } from '../i18n/ui.ts';
import type { CollectionName } from '../schemas/reference.ts';

/**
 * The site's reference pages, each listing one collection of data: the header's links, the home
 * page's cards, the 404 page's suggestions, their social cards, "Edit this page" and the link check
 * all read this list. Titles, descriptions and counts are keys of the UI strings.
 */
export const REFERENCE_PAGES = [
  { path: TIMELINE_PATH, collection: 'events', title: 'timeline', description: 'timelineDescription', count: 'countEvents' },
  { path: PEOPLE_PATH, collection: 'people', title: 'people', description: 'peopleDescription', count: 'countPeople' },
  { path: SOURCES_PATH, collection: 'sources', title: 'sources', description: 'sourcesDescription', count: 'countSources' },
  {
    path: CORRECTIONS_PATH,
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
