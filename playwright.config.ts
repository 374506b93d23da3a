import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './src/build/chromium.ts';

/**
 * Browser tests in two projects, each against a built site served by a small static server that
 * applies the same headers a static host would:
 *
 * - `site`: the real site (dist/, built by `npm run build`). Its tests assert only what any correct
 *   content satisfies (axe, notes, links, quotations, evidence), so editing the story never breaks them.
 * - `fixture`: the engine's behaviour on the fixture site, tests/fixtures/content built into
 *   dist-fixture/ (tests/e2e/fixture/). Its server builds it first when its inputs changed
 *   (scripts/fixture-site.ts), so `npx playwright test` stays one command.
 *
 * Chromium: the one findChromium finds (CHROMIUM_PATH, Playwright's own, then a system Chromium or Chrome).
 */
const port = Number(process.env['TEST_PORT'] ?? 4322);
/** Far enough from TEST_PORT that helpers' ports (4401, 4402, …) do not collide. */
const fixturePort = Number(process.env['FIXTURE_PORT'] ?? port + 100);
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
    ...devices['Desktop Chrome'],
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: 'site', testIgnore: 'fixture/**', use: { baseURL: `http://127.0.0.1:${port}` } },
    { name: 'fixture', testDir: 'tests/e2e/fixture', use: { baseURL: `http://127.0.0.1:${fixturePort}` } },
  ],
  webServer: [
    {
      command: `node scripts/serve-static.ts ${siteDir} ${port}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node scripts/fixture-site.ts serve ${fixturePort}`,
      url: `http://127.0.0.1:${fixturePort}/`,
      reuseExistingServer: false,
      // Room for a build of the fixture site on a busy machine.
      timeout: 240_000,
    },
  ],
});
