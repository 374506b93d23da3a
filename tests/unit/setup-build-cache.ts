/**
 * Each unit-test file gets a build cache of its own, new for every run, removed after it (see
 * src/build/build-cache.ts): a test's results never depend on what another file, or an earlier run,
 * left in a shared folder. Runs before the test file's own imports, which read BUILD_CACHE_DIR.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const folder = mkdtempSync(join(tmpdir(), 'footnoted-unit-build-cache-'));
process.env['BUILD_CACHE_DIR'] = folder;
afterAll(() => rmSync(folder, { recursive: true, force: true }));
