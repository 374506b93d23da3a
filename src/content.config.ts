import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterSchema } from './schemas/chapter';
import { correctionSchema } from './schemas/correction';
import { eventSchema } from './schemas/event';
import { personSchema } from './schemas/person';
import { sourceSchema } from './schemas/source';
import { outletSchema } from './schemas/outlet';
import { erratumSchema } from './schemas/erratum';
import { stateSchema } from './schemas/state';
import { statementSchema } from './schemas/statement';
import { CONTENT_DIRS } from './lib/content-dirs';

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
