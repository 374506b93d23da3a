import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests run against the built site (dist/), served by a small static server that applies
 * the same headers a static host would. Chromium: Playwright's own where installed; otherwise the
 * one scripts/setup.sh found (CHROMIUM_PATH, e.g. Debian's /usr/bin/chromium).
 */
const port = Number(process.env['TEST_PORT'] ?? 4322);
/** The built site under test; `dist` unless a build was written elsewhere. */
const siteDir = process.env['SITE_DIR'] ?? 'dist';
const executablePath = process.env['CHROMIUM_PATH'];

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
      // Without these, Chromium reaches for Google's services at start-up, which a closed network refuses.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node scripts/serve-static.mjs ${siteDir} ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
