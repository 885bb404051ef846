#!/usr/bin/env bash
# Boots PostgreSQL, runs every test of the solution and ends with one summary line:
#   tests: N passed, N failed, N skipped
# Exits non-zero when anything failed. Extra arguments go to `dotnet test` (e.g. --filter).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/lib/postgres.sh

# Debian packages the tests start themselves: headless Chromium (rendering checks), redis-server (shared limits).
apt_ready=""
need() { # need <command> <package>
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "[$2] not found; installing with apt-get" >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  [ -n "$apt_ready" ] || { $sudo apt-get update -qq >/dev/null || true; apt_ready=1; }
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$2" >/dev/null \
    || echo "[$2] installation failed: the tests that need it will fail" >&2
}
need chromium chromium
need redis-server redis-server
# Custom-domain verification is tested against a real DNS server (dnsmasq) answering TXT records on loopback.
[ -x /usr/sbin/dnsmasq ] || need dnsmasq dnsmasq-base

# The OpenAPI test lints the served document with @redocly/cli (npm), installed into .data/tools.
if ! command -v npm >/dev/null 2>&1; then
  echo "[npm] not found; installing nodejs and npm with apt-get" >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >/dev/null || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nodejs npm >/dev/null \
    || echo "[npm] installation failed: the OpenAPI lint test will be skipped" >&2
fi
if command -v npm >/dev/null 2>&1; then
  scripts/install-redocly.sh >/dev/null || echo "[redocly] installation failed: the OpenAPI lint test will fail" >&2
fi

# The mailbox reply and the email outbox tests use a real SMTP server started by the test (Debian's python3-aiosmtpd).
if ! /usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1; then
  echo "[aiosmtpd] not found; installing python3-aiosmtpd with apt-get" >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >/dev/null || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-aiosmtpd >/dev/null \
    || echo "[aiosmtpd] installation failed: the SMTP reply test will fail" >&2
fi

# The S3 adapter is tested against s3rver (npm), installed project-locally under .data/tools.
S3RVER="$ROOT/.data/tools/node_modules/s3rver/bin/s3rver.js"
if [ ! -f "$S3RVER" ]; then
  need npm npm
  echo "[s3rver] not found; installing s3rver@3.7.1 under .data/tools" >&2
  mkdir -p "$ROOT/.data/tools"
  npm install --prefix "$ROOT/.data/tools" --no-audit --no-fund --silent s3rver@3.7.1 >/dev/null \
    || echo "[s3rver] installation failed: the S3 storage tests will fail" >&2
fi
export IAGENIFY_S3RVER="$S3RVER"

pg_start
trap pg_stop EXIT
export IAGENIFY_TEST_PG="$PG_CONN"

results="$ROOT/.data/test-results"
rm -rf "$results"
status=0
dotnet test IaGenify.sln --logger "trx" --results-directory "$results" "$@" || status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  attr() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(attr passed)))
  failed=$((failed + $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted)))
  skipped=$((skipped + $(attr notExecuted)))
done
[ "$failed" -gt 0 ] && status=1
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
