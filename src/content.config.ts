import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterSchema } from './schemas/chapter.ts';
import { correctionSchema } from './schemas/correction.ts';
import { eventSchema } from './schemas/event.ts';
import { personSchema } from './schemas/person.ts';
import { sourceSchema } from './schemas/source.ts';
import { outletSchema } from './schemas/outlet.ts';
import { erratumSchema } from './schemas/erratum.ts';
import { stateSchema } from './schemas/state.ts';
import { statementSchema } from './schemas/statement.ts';
import { CONTENT_DIRS } from './data/content-dirs.ts';

/** Every collection is a folder under content/, one file per entry; the file name is the id. */
const data = (folder: string) => glob({ base: folder, pattern: '*.yaml' });

/** Typed links between entries; a wrong id is also caught earlier, with its line, by the content check. */
const references = {
  sources: reference('sources'),
  people: reference('people'),
  events: reference('events'),
  statements: reference('statements'),
  corrections: reference('corrections'),
  states: reference('states'),
  outlets: reference('outlets'),
  errata: reference('errata'),
};

export const collections = {
  explainers: defineCollection({
    loader: glob({ base: CONTENT_DIRS.explainers, pattern: '**/*.mdx' }),
    schema: chapterSchema(references),
  }),
  sources: defineCollection({ loader: data(CONTENT_DIRS.sources), schema: sourceSchema(references) }),
  outlets: defineCollection({ loader: data(CONTENT_DIRS.outlets), schema: outletSchema }),
  errata: defineCollection({ loader: data(CONTENT_DIRS.errata), schema: erratumSchema(references) }),
  people: defineCollection({ loader: data(CONTENT_DIRS.people), schema: personSchema(references) }),
  events: defineCollection({ loader: data(CONTENT_DIRS.events), schema: eventSchema(references) }),
  statements: defineCollection({ loader: data(CONTENT_DIRS.statements), schema: statementSchema(references) }),
  corrections: defineCollection({ loader: data(CONTENT_DIRS.corrections), schema: correctionSchema(references) }),
  states: defineCollection({ loader: data(CONTENT_DIRS.states), schema: stateSchema(references) }),
};
