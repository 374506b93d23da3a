// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * ESLint for the TypeScript, JavaScript and Astro files. Formatting is Prettier's job (see
 * .prettierrc.json), so no stylistic rules here. Content (content/) is checked by `npm run
 * check:content`, not by ESLint.
 */
/**
 * Which folders of src/ each folder may import (architecture: README's "Layout"). Every dependency
 * points one way: schemas know nothing of ours; data reads and validates content; markdown turns it
 * into notes; checks run over both; citations, editions, social and map build on data; build is
 * plumbing that knows only addresses; integrations are thin hooks; components, layouts and pages
 * compose. An import outside the list fails `npm run check` with the rule's message.
 */
const SHARED = ['routes.ts', 'site.config.ts', 'i18n'];
/** @type {Record<string, string[]>} */
const MAY_IMPORT = {
  schemas: [],
  build: ['routes.ts'],
  i18n: ['site.config.ts'],
  data: ['schemas', 'build', ...SHARED],
  map: ['data', 'schemas', ...SHARED],
  citations: ['data', 'schemas', 'build', ...SHARED],
  markdown: ['data', 'schemas', 'citations', ...SHARED],
  checks: ['markdown', 'data', 'schemas', 'citations', ...SHARED],
  accountability: ['data', 'schemas', ...SHARED],
  editions: ['data', 'schemas', 'citations', 'markdown', 'build', ...SHARED],
  social: ['data', 'schemas', 'citations', 'map', 'build', ...SHARED],
  integrations: ['editions', 'social', 'citations', 'checks', 'markdown', 'data', 'schemas', 'build', ...SHARED],
  // Runs in the reader's browser: only what is small and safe to ship (the report form's link builder).
  client: ['accountability', ...SHARED],
};
const FOLDERS = [
  ...new Set([...Object.keys(MAY_IMPORT), 'routes.ts', 'site.config.ts', 'components', 'layouts', 'pages', 'integrations', 'styles']),
];
const escape = (/** @type {string} */ name) => name.replace(/[.]/g, '\\.');
/** @type {import('eslint').Linter.Config[]} */
const boundaries = Object.entries(MAY_IMPORT).map(([folder, allowed]) => {
  const forbidden = FOLDERS.filter((other) => other !== folder && !allowed.includes(other));
  /** @type {import('eslint').Linter.Config} */
  const config = {
    files: [`src/${folder}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(${forbidden.map(escape).join('|')})(/|$)`,
              message: `src/${folder}/ may import only ${allowed.length ? allowed.join(', ') : 'nothing of ours'} (see "Layout" in README.md).`,
            },
          ],
        },
      ],
    },
  };
  return config;
});
// Nothing in src/ imports the build's Astro hooks but the config itself.
boundaries.push({
  files: ['src/components/**', 'src/layouts/**', 'src/pages/**'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { regex: '^(\\.\\./)+integrations/', message: 'Integrations are Astro build hooks: astro.config.mjs alone imports them.' },
        ],
      },
    ],
  },
});

/** The folder rules on their own, for tests/unit/boundaries.test.ts. */
export { boundaries };

export default defineConfig(
  {
    ignores: ['dist/', 'dist-fixture/', '.astro/', '.tools/', 'node_modules/', 'test-results/', 'playwright-report/', 'tests/fixtures/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` marks a parameter that must be there but is not used.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      eqeqeq: ['error', 'smart'],
      // `try { … } catch {}` is how we say "storage may be unavailable, and that is fine".
      'no-empty': ['error', { allowEmptyCatch: true }],
      'no-console': 'off',
    },
  },
  {
    // Command-line tools strip terminal colour codes (\x1b[…m) from what they read.
    files: ['scripts/**'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // Type-aware rules for TypeScript (floating promises in build hooks, unsafe any, awaited non-promises).
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    // Test doubles are async to match what they stand in for; expect.any() and friends are typed any.
    files: ['tests/**'],
    rules: { '@typescript-eslint/require-await': 'off', '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  ...boundaries,
  {
    // One function, one job: a function longer than a screen is doing several (the limit: about 80 lines).
    files: ['src/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  {
    // Code that runs in the reader's browser.
    files: ['src/client/**/*.ts', 'src/**/*.astro'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
