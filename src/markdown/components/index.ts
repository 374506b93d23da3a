import { editorsNote } from './editors-note.ts';
import { keyEvents } from './key-events.ts';
import { nameSpellings } from './name-spellings.ts';
import type { DataComponent } from './props.ts';
import { person } from './person.ts';
import { quote } from './quote.ts';

/**
 * The components that render typed data, each in its own module with its props and its expansion.
 * The one list of them: the citation transform expands these (and no other element), the content
 * policy takes their props from here, the uncited-paragraph check counts those that cite as
 * citations, and the MDX component map must not hold any of them (a unit test asserts it). To add
 * one, write its module beside these and add it here.
 */
export const DATA_COMPONENTS: readonly DataComponent[] = [quote, editorsNote, person, keyEvents, nameSpellings];

const BY_NAME = new Map(DATA_COMPONENTS.map((component) => [component.name, component]));

/** The data component an element names, if it names one. */
export function dataComponentNamed(name: string | null | undefined): DataComponent | undefined {
  return name ? BY_NAME.get(name) : undefined;
}

/** The names of the data components that cite their sources: a paragraph holding one is cited. */
export const CITING_COMPONENTS: readonly string[] = DATA_COMPONENTS.filter((component) => component.cites).map(
  (component) => component.name,
);

export type { DataComponent } from './props.ts';
