#!/usr/bin/env bash
# Installs the Debian packages the test suite needs (none yet beyond what Python brings;
# poppler-utils lets tests render PDFs to PNG). Quiet when everything is present.
set -euo pipefail
need=()
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
# PostgreSQL server mode: scripts/pg-test-server.sh runs a throwaway server for the tests.
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || command -v initdb >/dev/null 2>&1 \
  || need+=(postgresql)
# The browser tests (tests/web/test_browser.py) drive Debian's Chromium with Playwright.
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "Missing Debian packages: ${need[*]} (install them with sudo apt-get install)" >&2
    exit 1
  fi
fi
