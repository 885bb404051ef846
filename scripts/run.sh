#!/usr/bin/env bash
# Boots a local PostgreSQL, migrates, seeds a demo workspace and serves the API on http://127.0.0.1:5080.
# Ctrl-C stops the API and the database. Set ConnectionStrings__Default to use an existing server instead: without it,
# a server already listening on the port is used only if it is the cluster this script created (.data/pg).
# Objects (assets, exports) are stored under .data/storage unless Storage__Root says otherwise. Both settings are
# written to .data/local-settings.json, where the admin CLI (src/Cli) finds them.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/lib/postgres.sh
mkdir -p .data

api_pid=""
cleanup() {
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null || true
  pg_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "${ConnectionStrings__Default:-}" ]; then
  PG_OWN_ONLY=1 pg_start
  export ConnectionStrings__Default="$PG_CONN;Database=iagenify"
  "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='iagenify'" | grep -q 1 \
    || "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres iagenify
fi

export Storage__Root="${Storage__Root:-$ROOT/.data/storage}"
json_string() { local s="${1//\\/\\\\}"; printf '"%s"' "${s//\"/\\\"}"; }
(umask 077; cat > .data/local-settings.json) <<JSON
{
  "ConnectionStrings": { "Default": $(json_string "$ConnectionStrings__Default") },
  "Storage": { "Root": $(json_string "$Storage__Root") }
}
JSON

# Local secrets are generated once and kept out of the repository, under .data/.
secret() { [ -s "$1" ] || (umask 077; head -c 32 /dev/urandom | base64 > "$1"); cat "$1"; }
export Jwt__SigningKey="$(secret .data/jwt-signing-key)"
export Webhooks__SecretKey="$(secret .data/webhooks-secret-key)"
export Demo__Email="${Demo__Email:-demo@iagenify.local}"
export Demo__Password="$(secret .data/demo-password | tr -d '/+=' | cut -c1-16)"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"

echo "Building..."
dotnet build src/Api/IaGenify.Api.csproj -c Release -v quiet -nologo -o .data/api >/dev/null
cd .data/api
dotnet IaGenify.Api.dll seed-demo

dotnet IaGenify.Api.dll --urls http://127.0.0.1:5080 &
api_pid=$!
for _ in $(seq 1 60); do
  curl -fsS http://127.0.0.1:5080/health/ready >/dev/null 2>&1 && break
  kill -0 "$api_pid" 2>/dev/null || { echo "The API stopped; see the log above." >&2; exit 1; }
  sleep 0.5
done

cat <<MSG

IaGenify is running on http://127.0.0.1:5080
  API reference   http://127.0.0.1:5080/docs
  Health          http://127.0.0.1:5080/health/ready
  Sent emails     http://127.0.0.1:5080/dev/mail

Demo login: $Demo__Email / $Demo__Password
  curl -s -X POST http://127.0.0.1:5080/api/v1/auth/login -H 'Content-Type: application/json' \\
       -d '{"email":"$Demo__Email","password":"$Demo__Password"}'

Press Ctrl-C to stop.
MSG
wait "$api_pid"
