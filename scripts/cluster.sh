#!/usr/bin/env bash
# The scale-out proof: boots PostgreSQL, Redis, s3rver (S3 protocol) and haproxy in front of 2 API replicas
# (--role api), plus 2 workers (--role worker), all on 127.0.0.1, then runs the mixed scenario of tests/Cluster
# through the balancer while it kills a worker (SIGKILL) and restarts it, restarts an API replica and restarts Redis.
# Prints every check and ends with one line:
#   cluster: <checks> checks, <violations> violations
# Exits non-zero on any violation. Everything it starts stops with it.
#   scripts/cluster.sh [--seconds 70] [--clients 24] [--min-requests 5000]
# Ports: 56600 (balancer), 56601 PostgreSQL (IAGENIFY_CLUSTER_PG_PORT), 56602 Redis, 56603 s3rver, 56611-56612 API
# replicas, 56621-56622 workers (health only), 56630 the webhook receiver. Logs: .data/cluster/logs.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

SECONDS_ARG=70; CLIENTS=24; MIN_REQUESTS=5000
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) SECONDS_ARG="$2"; shift 2 ;;
    --clients) CLIENTS="$2"; shift 2 ;;
    --min-requests) MIN_REQUESTS="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

BALANCER_PORT=56600; REDIS_PORT=56602; S3_PORT=56603; RECEIVER_PORT=56630
API_PORTS=(56611 56612); WORKER_PORTS=(56621 56622)
export IAGENIFY_PG_PORT="${IAGENIFY_CLUSTER_PG_PORT:-56601}"
# Its own cluster, apart from run.sh's and test.sh's (postgres must be able to reach it, hence /var/tmp).
export IAGENIFY_PGDATA="${IAGENIFY_CLUSTER_PGDATA:-/var/tmp/iagenify-cluster-$(printf '%s' "$ROOT" | md5sum | cut -c1-10)/pg}"
# It drops and recreates its database, so it never uses a PostgreSQL that is not its own.
export PG_OWN_ONLY=1
source scripts/lib/postgres.sh

log() { printf '[cluster] %s\n' "$*" >&2; }
now_ms() { date +%s%3N; }

# --- Tools: Debian's redis-server and haproxy, npm's s3rver (project-local, like scripts/test.sh) ---------------
need() { # need <command> <package>
  command -v "$1" >/dev/null 2>&1 && return 0
  log "$2 not found; installing with apt-get"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >/dev/null || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$2" >/dev/null
}
need redis-server redis-server
need haproxy haproxy
need node nodejs
need npm npm
PYTHON=/usr/bin/python3; [ -x "$PYTHON" ] || PYTHON=python3
S3RVER="${IAGENIFY_S3RVER:-$ROOT/.data/tools/node_modules/s3rver/bin/s3rver.js}"
if [ ! -f "$S3RVER" ]; then
  log "installing s3rver@3.7.1 under .data/tools"
  mkdir -p "$ROOT/.data/tools"
  npm install --prefix "$ROOT/.data/tools" --no-audit --no-fund --silent s3rver@3.7.1 >/dev/null
  S3RVER="$ROOT/.data/tools/node_modules/s3rver/bin/s3rver.js"
fi

WORK="$(mktemp -d /tmp/iagenify-cluster.XXXXXX)"
LOGS="$ROOT/.data/cluster/logs"
rm -rf "$LOGS"; mkdir -p "$LOGS"
declare -A PIDS=()

stop_pid() { # stop_pid <name> [signal]
  local pid="${PIDS[$1]:-}"
  [ -n "$pid" ] || return 0
  kill "-${2:-TERM}" "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  PIDS[$1]=""
}
cleanup() {
  local name
  for name in "${!PIDS[@]}"; do stop_pid "$name"; done
  pg_stop
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_port() { # wait_port <port> <what> [seconds]
  for _ in $(seq 1 $(( ${3:-30} * 10 ))); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  log "$2 did not listen on 127.0.0.1:$1; see $LOGS"; return 1
}
wait_ready() { # wait_ready <port> <name> [seconds]
  for _ in $(seq 1 $(( ${3:-60} * 5 ))); do
    curl -fsS -o /dev/null "http://127.0.0.1:$1/health/ready" 2>/dev/null && return 0
    kill -0 "${PIDS[$2]}" 2>/dev/null || { log "$2 exited; last lines of $LOGS/$2.log:"; tail -n 30 "$LOGS/$2.log" >&2; return 1; }
    sleep 0.2
  done
  log "$2 not ready on port $1"; return 1
}

# --- Build once, in Release, into the temporary folder -------------------------------------------------------
log "building the API, the CLI and the scenario (Release)"
dotnet build src/Api/IaGenify.Api.csproj -c Release -v quiet -nologo -o "$WORK/api" >"$LOGS/build.log" 2>&1 \
  && dotnet build src/Cli/IaGenify.Cli.csproj -c Release -v quiet -nologo -o "$WORK/cli" >>"$LOGS/build.log" 2>&1 \
  && dotnet build tests/Cluster/IaGenify.Cluster.csproj -c Release -v quiet -nologo -o "$WORK/scenario" >>"$LOGS/build.log" 2>&1 \
  || { tail -n 30 "$LOGS/build.log" >&2; exit 1; }

# --- Engines -------------------------------------------------------------------------------------------------
pg_start
DB=iagenify_cluster
"$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$DB"
DB_CONN="$PG_CONN;Database=$DB"

start_redis() {
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --protected-mode yes >>"$LOGS/redis.log" 2>&1 &
  PIDS[redis]=$!
  wait_port "$REDIS_PORT" redis
}
start_redis

mkdir -p "$WORK/s3"
node "$S3RVER" -d "$WORK/s3" -a 127.0.0.1 -p "$S3_PORT" --silent >"$LOGS/s3rver.log" 2>&1 &
PIDS[s3rver]=$!
wait_port "$S3_PORT" s3rver

# --- Shared configuration: one set of secrets for every process (a cluster refuses per-process ones) -----------
secret() { head -c 32 /dev/urandom | base64; }
export ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__Default="$DB_CONN;Maximum Pool Size=40"
export Cluster__Replicas=2
export Redis__Connection="127.0.0.1:$REDIS_PORT"
export Jwt__SigningKey="$(secret)"
export Webhooks__SecretKey="$(secret)"
export Stripe__SecretKey="sk_test_cluster_offline"
export Stripe__WebhookSecret="whsec_$(secret | tr -d '/+=')"
export Storage__Provider=s3 Storage__S3__ServiceUrl="http://127.0.0.1:$S3_PORT" Storage__S3__Bucket=iagenify-cluster \
  Storage__S3__AccessKey=S3RVER Storage__S3__SecretKey=S3RVER Storage__S3__CreateBucket=true
export Http__TrustedProxies=127.0.0.1
export Platform__PublicUrl="http://127.0.0.1:$BALANCER_PORT"
export Webhooks__AllowPrivateTargets=true Webhooks__PollInterval=00:00:00.500 Webhooks__LeaseDuration=00:00:15 \
  Webhooks__ConnectTimeout=00:00:02 Webhooks__RequestTimeout=00:00:05
export Generations__Lease=00:00:15 Generations__PollInterval=00:00:02 Email__Outbox__Lease=00:00:30
# The scenario's clients are heavier than people: more websites per free workspace, a higher per-user limit.
export Billing__Plans__0__Entitlements__MaxWebsites=5 RateLimits__User__PermitLimit=6000
export Logging__LogLevel__Default=Warning

log "migrating $DB"
(cd "$WORK/api" && dotnet IaGenify.Api.dll migrate) >"$LOGS/migrate.log" 2>&1 || { tail -n 30 "$LOGS/migrate.log" >&2; exit 1; }

start_app() { # start_app <name> <role> <port>
  dotnet "$WORK/api/IaGenify.Api.dll" --contentRoot "$WORK/api" --role "$2" --urls "http://127.0.0.1:$3" >>"$LOGS/$1.log" 2>&1 &
  PIDS[$1]=$!
}
start_app api1 api "${API_PORTS[0]}"; start_app api2 api "${API_PORTS[1]}"
start_app worker1 worker "${WORKER_PORTS[0]}"; start_app worker2 worker "${WORKER_PORTS[1]}"
wait_ready "${API_PORTS[0]}" api1; wait_ready "${API_PORTS[1]}" api2
wait_ready "${WORKER_PORTS[0]}" worker1; wait_ready "${WORKER_PORTS[1]}" worker2

cat >"$WORK/haproxy.cfg" <<CFG
global
  maxconn 4000
  stats socket $WORK/haproxy.sock mode 600 level admin
  log stdout format raw local0
defaults
  mode http
  log global
  option httplog
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  # A request that never reached a replica (refused, or a kept-alive connection closed under it) goes to the other.
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response
frontend api
  bind 127.0.0.1:$BALANCER_PORT
  option forwardfor
  default_backend replicas
backend replicas
  balance roundrobin
  option httpchk GET /health/ready
  http-check expect status 200
  # A replica busy under load answers readiness slowly: give it time before taking it out.
  timeout check 3s
  default-server inter 1s fall 3 rise 2
  server api1 127.0.0.1:${API_PORTS[0]} check
  server api2 127.0.0.1:${API_PORTS[1]} check
CFG
haproxy -f "$WORK/haproxy.cfg" -db >"$LOGS/haproxy.log" 2>&1 &
PIDS[haproxy]=$!
wait_port "$BALANCER_PORT" haproxy
haproxy_cmd() { "$PYTHON" - "$WORK/haproxy.sock" "$1" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); s.sendall((sys.argv[2] + "\n").encode())
print(s.recv(4096).decode().strip())
PY
}
log "cluster up: haproxy 127.0.0.1:$BALANCER_PORT -> api ${API_PORTS[*]}; workers ${WORKER_PORTS[*]}; redis $REDIS_PORT; s3rver $S3_PORT; postgres $PG_PORT"

# --- Scenario, with the faults announced in a file the scenario reads at the end -------------------------------
FAULTS="$WORK/faults"; : >"$FAULTS"
announce() { echo "$1 $2 $(now_ms)" >>"$FAULTS"; log "$1 $2"; }
(cd "$WORK/scenario" && dotnet IaGenify.Cluster.dll --balancer "http://127.0.0.1:$BALANCER_PORT" \
  --replicas "http://127.0.0.1:${API_PORTS[0]},http://127.0.0.1:${API_PORTS[1]}" --database "$DB_CONN" \
  --faults "$FAULTS" --receiver-port "$RECEIVER_PORT" --seconds "$SECONDS_ARG" --clients "$CLIENTS" \
  --min-requests "$MIN_REQUESTS") >"$WORK/scenario.out" 2>"$LOGS/scenario.err" &
PIDS[scenario]=$!
tail -n +1 -f "$WORK/scenario.out" --pid "${PIDS[scenario]}" &
tail_pid=$!

sleep 15
announce worker1-sigkill start
stop_pid worker1 KILL
sleep 2
start_app worker1 worker "${WORKER_PORTS[0]}"
wait_ready "${WORKER_PORTS[0]}" worker1
announce worker1-sigkill end

sleep 5
announce api1-restart start
haproxy_cmd "set server replicas/api1 state drain" >/dev/null
sleep 1
stop_pid api1 TERM
start_app api1 api "${API_PORTS[0]}"
wait_ready "${API_PORTS[0]}" api1
haproxy_cmd "set server replicas/api1 state ready" >/dev/null
sleep 1.5
announce api1-restart end

sleep 5
announce redis-restart start
stop_pid redis TERM
start_redis
# Each replica's multiplexer reconnects by itself (every second); readiness says when.
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:${API_PORTS[0]}/health/ready" 2>/dev/null | grep -q '"Healthy"' \
    && curl -fsS "http://127.0.0.1:${API_PORTS[1]}/health/ready" 2>/dev/null | grep -q '"Healthy"' && break
  sleep 0.2
done
announce redis-restart end
echo "faults over $(now_ms)" >>"$FAULTS"

scenario_status=0
wait "${PIDS[scenario]}" || scenario_status=$?
PIDS[scenario]=""
wait "$tail_pid" 2>/dev/null || true

# --- Checks of the cluster itself ------------------------------------------------------------------------------
checks=0; violations=0
check() { # check <name> <ok 0|1> <detail>
  checks=$((checks + 1))
  if [ "$2" = 0 ]; then echo "check ok $1: $3"; else violations=$((violations + 1)); echo "check VIOLATION $1: $3"; fi
}
line="$(grep -E '^scenario checks: [0-9]+ checks, [0-9]+ violations$' "$WORK/scenario.out" || true)"
if [ -n "$line" ]; then
  checks=$((checks + $(echo "$line" | awk '{print $3}'))); violations=$((violations + $(echo "$line" | awk '{print $5}')))
else
  check "scenario ran to its checks" 1 "exit $scenario_status; see $LOGS/scenario.err"
  tail -n 20 "$LOGS/scenario.err" >&2 || true
fi

reconcile="$(cd "$WORK/cli" && ConnectionStrings__Default="$DB_CONN" dotnet IaGenify.Cli.dll credits reconcile 2>&1)" && status=0 || status=$?
check "credits reconcile exits 0" "$([ "$status" = 0 ] && echo 0 || echo 1)" "exit $status: $(echo "$reconcile" | tail -n 1)"

down=""
for name in api1 api2 worker1 worker2 haproxy redis s3rver; do kill -0 "${PIDS[$name]}" 2>/dev/null || down="$down $name"; done
check "every process still running" "$([ -z "$down" ] && echo 0 || echo 1)" "${down:-api1 api2 worker1 worker2 haproxy redis s3rver up}"

cp "$FAULTS" "$LOGS/faults" 2>/dev/null || true
echo "cluster: $checks checks, $violations violations"
[ "$violations" = 0 ]
