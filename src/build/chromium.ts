import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium } from 'playwright-core';

/**
 * How the build, the tests and the benchmark start Chromium. Without these flags Chromium reaches
 * for Google's services at start-up, which a closed network refuses; --no-sandbox lets it run as
 * root in a container.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where a Chromium or Chrome installed by the system usually is, after the names on PATH. */
const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const SYSTEM_PATHS = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** The command that gets a Chromium where there is none, for error messages. */
export const CHROMIUM_INSTALL_HINT =
  'run "npx playwright install chromium" (or install Chromium or Chrome from your system\'s packages), or set CHROMIUM_PATH';

/**
 * The Chromium to drive, in the order users expect: CHROMIUM_PATH when set; Playwright's own when it
 * is installed; else a system Chromium or Chrome on PATH or at its usual place. Undefined when none.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env['CHROMIUM_PATH'];
  if (chosen) return chosen;
  const bundled = chromium.executablePath();
  if (bundled && existsSync(bundled)) return bundled;
  const onPath = (env['PATH'] ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((folder) => SYSTEM_NAMES.map((name) => join(folder, name)));
  return [...onPath, ...SYSTEM_PATHS].find((path) => existsSync(path));
}
