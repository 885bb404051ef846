#!/usr/bin/env bash
# Boots PostgreSQL like test.sh and runs the load program in tests/Benchmarks (Release).
#   scripts/bench.sh [credits] [http] [queue] [sites] [scaling] [analytics] [analytics-ingest] [--seconds N] [--callers N] [--jobs N] [--workers N]
#                    [--batch N] [--rows N] [--queries N]   (analytics: synthetic page views to load, default 10 million; requests per query)
# Without a scenario it runs credits. The http, sites, scaling and analytics scenarios need wrk (installed with apt-get when missing).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/lib/postgres.sh

if [[ " $* " == *" http "* || " $* " == *" sites "* || " $* " == *" scaling "* || " $* " == *" analytics "* ]] && ! command -v wrk >/dev/null 2>&1; then
  echo "[wrk] not found; installing with apt-get" >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >/dev/null || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null
fi

pg_start
trap pg_stop EXIT
IAGENIFY_TEST_PG="$PG_CONN" dotnet run -c Release --project tests/Benchmarks -- "$@"
