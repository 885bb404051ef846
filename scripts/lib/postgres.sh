# Sourced by run.sh and test.sh: boots a project-local PostgreSQL cluster on 127.0.0.1.
#   IAGENIFY_PG_PORT  port (default 55432)
#   IAGENIFY_PGDATA   data directory (default .data/pg, or a directory under /var/tmp when the
#                     postgres user cannot reach the project, e.g. a checkout under /root)
#   PG_OWN_ONLY=1     (run.sh) refuse a server already listening on the port unless it is the cluster of that
#                     data directory; otherwise (test.sh, bench.sh) any PostgreSQL there is reused, and said so
# After pg_start: PG_PORT and PG_CONN (an Npgsql connection string without a database) are set.

PG_PORT="${IAGENIFY_PG_PORT:-55432}"
PG_CONN="Host=127.0.0.1;Port=${PG_PORT};Username=postgres"
PG_STARTED_HERE=0

pg_log() { printf '[postgres] %s\n' "$*" >&2; }

pg_find_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && { PG_BIN="$dir"; return 0; }
  done
  return 1
}

pg_install() {
  pg_find_bin && return 0
  pg_log "PostgreSQL server binaries not found; installing with apt-get"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
  # The package starts its own cluster on 5432; ours is separate, so stop that one.
  $sudo service postgresql stop >/dev/null 2>&1 || true
  pg_find_bin || { pg_log "installation failed"; return 1; }
}

# Runs a PostgreSQL binary as the postgres user when we are root (the server refuses to run as root).
pg_run() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_choose_datadir() {
  if [ -n "${IAGENIFY_PGDATA:-}" ]; then PGDATA_DIR="$IAGENIFY_PGDATA"; return; fi
  PGDATA_DIR="$ROOT/.data/pg"
  if [ "$(id -u)" -eq 0 ]; then
    mkdir -p "$ROOT/.data"
    if ! runuser -u postgres -- test -x "$ROOT/.data" 2>/dev/null; then
      PGDATA_DIR="/var/tmp/iagenify-$(printf '%s' "$ROOT" | md5sum | cut -c1-10)/pg"
    fi
  fi
}

pg_ready() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" >/dev/null 2>&1; }

# Whether anything accepts TCP connections on the port (PostgreSQL or not).
pg_port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; }

# The data directory of the server listening on the port, as it reports it; empty when it cannot be asked.
pg_server_datadir() {
  "$PG_BIN/psql" "host=127.0.0.1 port=$PG_PORT user=postgres dbname=postgres connect_timeout=5" \
    -tAc "SHOW data_directory" 2>/dev/null || true
}

pg_start() {
  pg_install || return 1
  pg_choose_datadir
  if pg_ready; then
    if [ "${PG_OWN_ONLY:-0}" != 1 ]; then
      pg_log "using the server already listening on 127.0.0.1:$PG_PORT"
      return 0
    fi
    local theirs; theirs="$(pg_server_datadir)"
    if [ -z "$theirs" ] || [ "$(realpath -m "$theirs")" != "$(realpath -m "$PGDATA_DIR")" ]; then
      pg_log "a PostgreSQL server already listens on 127.0.0.1:$PG_PORT, and it is not ours (ours: $PGDATA_DIR; its data: ${theirs:-unknown})"
      pg_log "refusing to use it: stop it, pick another port with IAGENIFY_PG_PORT, or set ConnectionStrings__Default to use a server on purpose"
      return 1
    fi
    pg_log "our cluster is already running on 127.0.0.1:$PG_PORT (data: $PGDATA_DIR); using it"
    return 0
  fi
  if pg_port_taken; then
    pg_log "something that is not a PostgreSQL server listens on 127.0.0.1:$PG_PORT; stop it or pick another port with IAGENIFY_PG_PORT"
    return 1
  fi
  local parent; parent="$(dirname "$PGDATA_DIR")"
  mkdir -p "$parent"
  [ "$(id -u)" -eq 0 ] && chown postgres "$parent"
  if [ ! -s "$PGDATA_DIR/PG_VERSION" ]; then
    pg_log "initializing a cluster in $PGDATA_DIR"
    pg_run "$PG_BIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
  fi
  pg_run "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null || { pg_log "could not start; see $PGDATA_DIR/server.log"; tail -n 20 "$PGDATA_DIR/server.log" >&2; return 1; }
  PG_STARTED_HERE=1
  pg_log "started on 127.0.0.1:$PG_PORT (data: $PGDATA_DIR)"
}

pg_stop() {
  [ "$PG_STARTED_HERE" = 1 ] || return 0
  pg_run "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null 2>&1 || true
  PG_STARTED_HERE=0
  pg_log "stopped"
}
