import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Some tests start worker threads or Node itself; on a loaded two-core machine that takes seconds.
    testTimeout: 60_000,
    // The unit tests keep their build cache apart from the project's (src/lib/build-cache.ts); it is
    // content-addressed, so one folder serves every run.
    env: { BUILD_CACHE_DIR: join(tmpdir(), 'footnoted-unit-build-cache') },
  },
});
