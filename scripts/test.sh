#!/usr/bin/env bash
# The whole test suite, from a fresh checkout: set-up, type and content checks, unit tests, a build,
# budgets, and the browser tests against the built site and the fixture site. Ends with one line counting every test.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh --browser
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
npm run check
# The unit tests, with a summary of what they cover (npm run test:coverage lists it file by file).
npm run test:unit -- --coverage --coverage.reporter=text-summary 2>&1 | tee -a "$log"
npm run build
npm run check:built
npm run audit:prod
# The fixture site for the engine's browser tests (tests/e2e/fixture/); Playwright would build it
# too, but here its log shows.
npm run build:fixture
npm run test:e2e 2>&1 | tee -a "$log"

# Vitest prints "Tests  117 passed (117)", Playwright "144 passed (3.4m)"; colour codes stripped.
passed=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -Eo '^ *(Tests +)?[0-9]+ passed' | grep -Eo '[0-9]+' | awk '{ total += $1 } END { print total + 0 }' || true)
echo "${passed:-0} passed, 0 failed"
