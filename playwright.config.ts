import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './src/lib/chromium';

/**
 * Browser tests run against the built site (dist/), served by a small static server that applies
 * the same headers a static host would. Chromium: the one findChromium finds (CHROMIUM_PATH,
 * Playwright's own, then a system Chromium or Chrome).
 */
const port = Number(process.env['TEST_PORT'] ?? 4322);
/** The built site under test; `dist` unless a build was written elsewhere. */
const siteDir = process.env['SITE_DIR'] ?? 'dist';
const executablePath = findChromium();

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  ...(process.env['CI'] ? { workers: 2 } : {}),
  forbidOnly: Boolean(process.env['CI']),
  reporter: process.env['CI'] ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    ...devices['Desktop Chrome'],
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `node --import ./scripts/lib/resolve-ts.mjs scripts/serve-static.ts ${siteDir} ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
