import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Some tests start worker threads or Node itself; on a loaded two-core machine that takes seconds.
    testTimeout: 60_000,
    // Each test file has a build cache of its own, apart from the project's (src/build/build-cache.ts).
    setupFiles: ['tests/unit/setup-build-cache.ts'],
    // npm run test:coverage: what the unit tests exercise of src/ and scripts/ (the browser tests cover
    // the pages and the browser code; they are not measured here).
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts', 'scripts/**/*.ts'],
      reporter: ['text-summary', 'text'],
      reportsDirectory: 'test-results/coverage',
    },
  },
});
