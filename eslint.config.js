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
  {
    // Code that runs in the reader's browser.
    files: ['src/client/**/*.ts', 'src/**/*.astro'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
