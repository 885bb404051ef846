#!/usr/bin/env bash
# Installs the OpenAPI linter (@redocly/cli, pinned) into .data/tools when it is missing, and prints its path.
# Used by scripts/test.sh and by the OpenAPI document test, so that a fresh clone needs nothing but npm.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="2.77.0"
TOOLS="$ROOT/.data/tools"
BIN="$TOOLS/node_modules/.bin/redocly"

installed_version() {
  node -e "console.log(require('$TOOLS/node_modules/@redocly/cli/package.json').version)" 2>/dev/null || true
}

if [ ! -x "$BIN" ] || [ "$(installed_version)" != "$VERSION" ]; then
  command -v npm >/dev/null 2>&1 || { echo "[redocly] npm is not installed" >&2; exit 3; }
  echo "[redocly] installing @redocly/cli@$VERSION into $TOOLS" >&2
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --save-exact --loglevel=error "@redocly/cli@$VERSION" >&2
fi
echo "$BIN"
