/**
 * Where each collection lives, relative to the project root. Read by the content layer and by the
 * citation transform (which loads sources and statements itself, outside Astro). CONTENT_ROOT lets
 * tests and the benchmark point the whole site at another content tree.
 */
const root = (process.env['CONTENT_ROOT'] ?? './content').replace(/\/$/, '');

export const CONTENT_DIRS = {
  root,
  explainers: `${root}/explainers`,
  sources: `${root}/sources`,
  people: `${root}/people`,
  events: `${root}/events`,
  statements: `${root}/statements`,
  corrections: `${root}/corrections`,
  states: `${root}/states`,
} as const;
