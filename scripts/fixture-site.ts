/**
 * The fixture site: the content in tests/fixtures/content built by the site's own engine into
 * dist-fixture/, for the browser tests of the engine (tests/e2e/fixture/). Those tests may assert on
 * the fixture's words (its titles, dates, people) because nobody edits them for the story; the tests
 * of the real site assert only what any correct content satisfies. Starlight tests its engine the
 * same way, against fixture sites built once.
 *
 *   node scripts/fixture-site.ts build          (npm run build:fixture)
 *   node scripts/fixture-site.ts serve <port>   (Playwright's webServer)
 *
 * A build is skipped when nothing it is made from changed since the last (a hash of the engine, the
 * fixture content and the lockfile, kept in the built folder), so running one spec stays quick.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startStaticServer } from '../src/build/static-server.ts';

export const FIXTURE_CONTENT = 'tests/fixtures/content';
export const FIXTURE_SITE_DIR = process.env['FIXTURE_SITE_DIR'] ?? 'dist-fixture';
const STAMP = join(FIXTURE_SITE_DIR, '.inputs-hash');
/** What the fixture site is made from. */
const INPUTS = ['src', 'public', FIXTURE_CONTENT, 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

function inputsHash(): string {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    const files = statSync(input).isDirectory()
      ? readdirSync(input, { recursive: true, encoding: 'utf8' })
          .map((file) => join(input, file))
          .filter((file) => statSync(file).isFile())
          .sort()
      : [input];
    for (const file of files) hash.update(`${file}\0`).update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function build(): void {
  const hash = inputsHash();
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) {
    console.log(`fixture site: ${FIXTURE_SITE_DIR}/ is up to date`);
    return;
  }
  console.log(`fixture site: building ${FIXTURE_CONTENT} into ${FIXTURE_SITE_DIR}/`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CONTENT_ROOT: FIXTURE_CONTENT,
    // The engine's PDF edition has its own tests against the real build.
    PDF_EDITION: 'off',
    // Its own build cache, so that building it does not sweep away the real site's cached artefacts.
    BUILD_CACHE_DIR: join('node_modules', '.astro', 'fixture-artefacts'),
  };
  // The published defaults, whatever the shell says: the tests read addresses from the site's root.
  delete env['SITE_URL'];
  delete env['BASE_PATH'];
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', FIXTURE_SITE_DIR], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env,
  });
  if (result.status !== 0) {
    console.error('fixture site: the build failed (see above)');
    process.exit(result.status ?? 1);
  }
  writeFileSync(STAMP, hash);
}

const [command, port] = process.argv.slice(2);
if (command === 'build') build();
else if (command === 'serve') {
  build();
  const { origin } = await startStaticServer({ root: FIXTURE_SITE_DIR, port: Number(port ?? 4422) });
  console.log(`fixture site: serving ${FIXTURE_SITE_DIR}/ on ${origin}`);
} else {
  console.error('usage: fixture-site.ts build | serve <port>');
  process.exit(2);
}
