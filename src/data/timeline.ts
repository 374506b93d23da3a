import type { CollectionEntry } from 'astro:content';
import { entriesOf } from './collections.ts';

export type TimelineEvent = CollectionEntry<'events'>;

/** Every event in date order (ISO prefixes sort as strings; a month sorts before its days). */
export async function getTimeline(): Promise<TimelineEvent[]> {
  return (await entriesOf('events')).toSorted((a, b) => a.data.date.iso.localeCompare(b.data.date.iso) || a.id.localeCompare(b.id));
}
