// @ts-check
// The rules `npm run check:built` validates every built page against (scripts/check-built.ts).
import { defineConfig } from 'html-validate';

export default defineConfig({
  extends: ['html-validate:recommended'],
  rules: {
    // Advice for search results, not validity: chapter titles carry the explainer's title too.
    'long-title': 'off',
    // HTML allows ids that start with a digit; event ids are dates (#2024-06-13-belarus-boycott).
    'valid-id': ['error', { relaxed: true }],
    // A scrolling table sits in <div role="region" aria-label tabindex="0">, the pattern that lets
    // keyboard users scroll it; a <section> would add a landmark for every table.
    'prefer-native-element': ['error', { exclude: ['region'] }],
  },
});
