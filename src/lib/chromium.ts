import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

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

/** CHROMIUM_PATH when set (e.g. Debian's /usr/bin/chromium, found by scripts/setup.sh), else Playwright's own. */
export function chromiumExecutable(): string {
  return process.env['CHROMIUM_PATH'] || chromium.executablePath();
}

export function hasChromium(): boolean {
  return existsSync(chromiumExecutable());
}
