import { getCollection, type CollectionEntry, type CollectionKey } from 'astro:content';
import type { CollectionName } from '../schemas/reference.ts';
import { loadDataCollections } from './catalog.ts';

/**
 * A data collection's entries, as Astro's content layer stores them. A collection with no entries
 * yet (a new site has no corrections) reads as empty without Astro's warning that it "does not exist
 * or is empty. Please check your content config file for errors", which would send an editor reading
 * the build log looking for a mistake that is not there. Whether it is empty is the catalog's one
 * reading of the data (catalog.ts), which the content layer stores.
 */
export async function entriesOf<C extends CollectionName & CollectionKey>(collection: C): Promise<CollectionEntry<C>[]> {
  return loadDataCollections()[collection].size === 0 ? [] : getCollection(collection);
}
