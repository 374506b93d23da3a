#!/usr/bin/env bash
# Builds the site and serves it on http://127.0.0.1:4321 (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh --browser   # the build prints each explainer's PDF edition with Chromium
npm run build
exec npx astro preview --host 127.0.0.1 --port "${PORT:-4321}"
