// Lets Node run the site's TypeScript modules directly (node --import ./scripts/lib/resolve-ts.mjs …).
// Node strips types itself, but src/ imports siblings without an extension ('../lib/nearest'), as
// Vite and Astro allow; this hook retries such a relative import with `.ts` and `/index.ts`.
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      const relative = specifier.startsWith('./') || specifier.startsWith('../');
      if (!relative || /\.[cm]?[jt]s$/.test(specifier)) throw error;
      for (const suffix of ['.ts', '/index.ts']) {
        try {
          return nextResolve(`${specifier}${suffix}`, context);
        } catch {
          // try the next form
        }
      }
      throw error;
    }
  },
});
