import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // The unit tests keep their build cache apart from the project's (src/lib/build-cache.ts); it is
    // content-addressed, so one folder serves every run.
    env: { BUILD_CACHE_DIR: join(tmpdir(), 'footnoted-unit-build-cache') },
  },
});
