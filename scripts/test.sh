#!/usr/bin/env bash
# The whole test suite, from a fresh checkout: set-up, type and content checks, unit tests, a build,
# budgets, and the browser tests against the built site.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh --browser
npm run check
npm run test:unit
npm run build
npm run check:built
npm run audit:prod
npm run test:e2e
