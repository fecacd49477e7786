# Sourced by bench/run.sh: starting and stopping what a benchmark run measures, each process by the
# PID it was started with (never by name), and the PostgreSQL cluster the peer harness uses.
# Expects: $work, $data, $root, $port.

server_pid=""        # the NewsGraph (or baseline) server running now
pg_started=0         # whether this run started the PostgreSQL cluster (then it stops it too)
pgc=""               # the peer harness's pg-cluster.sh, copied into $work/peers
pg_root=${NG_PGROOT:-/tmp/ng-pg}
pg_port=${NG_PGPORT:-54329}

# ng_start APP_DIR CONNECTION_STRING [NAME=VALUE...]: a NewsGraph build on $port, waited for.
# `exec` makes the background job's PID the server's own.
ng_start() {
  local app=$1 conn=$2
  (cd "$app" && exec env ASPNETCORE_ENVIRONMENT=Production "ConnectionStrings__News=$conn" \
    Auth__SigningKeyFile="$work/jwt-signing.key" Feedback__RateLimitPermits=1000000000 Logging__LogLevel__Default=Warning \
    "${@:3}" dotnet NewsGraph.Api.dll --urls "http://127.0.0.1:$port" >> "$work/server.log" 2>&1) &
  server_pid=$!
  for _ in $(seq 1 240); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.5
  done
  echo "the server did not start; see $work/server.log" >&2
  exit 1
}

ng_stop() {
  if [[ -n $server_pid ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}

# ng_kill9: the durability check's crash.
ng_kill9() { kill -9 "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""; }

# The peer harness's private PostgreSQL 15 cluster (127.0.0.1:$pg_port), started unless it runs.
pg_up() {
  pgc=$work/peers/postgraphile/pg-cluster.sh
  if ! "$pgc" status >/dev/null 2>&1; then
    if [[ -d $pg_root/data ]]; then "$pgc" start >/dev/null; else "$pgc" init >/dev/null; fi
    pg_started=1
  fi
}

pg_down() {
  if (( pg_started )); then "$pgc" stop >/dev/null 2>&1 || true; pg_started=0; fi
}

postmaster_pid() { head -1 "$pg_root/data/postmaster.pid"; }

pg_sql() {  # pg_sql DATABASE SQL: rows as text
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -d "$1" -AtXqc "$2"
}

# NewsGraph's own database of size N beside PostGraphile's, imported once with its bulk import.
ng_pg_connection() { echo "Host=127.0.0.1;Port=$pg_port;Database=ng_bench_n$1;Username=newsgraph"; }

ng_pg_import() {  # ng_pg_import APP_DIR N
  local n=$2 db=ng_bench_n$2 expected
  expected=$(wc -l < "$data/n$n/articles.ndjson")
  # The search index is built before any measurement (search-index), not by the server while it is measured.
  if [[ $(pg_sql "$db" 'select count(*) from "Articles"' 2>/dev/null || echo 0) != "$expected" ]]; then
    pg_sql postgres "drop database if exists $db with (force)" >/dev/null
    pg_sql postgres "create database $db owner newsgraph" >/dev/null
    (cd "$1" && env Database__Provider=PostgreSQL "ConnectionStrings__News=$(ng_pg_connection "$n")" \
      Logging__LogLevel__Default=Warning dotnet NewsGraph.Api.dll import "$data/n$n" | tail -2) >&2
  fi
  (cd "$1" && env Database__Provider=PostgreSQL "ConnectionStrings__News=$(ng_pg_connection "$n")" \
    Logging__LogLevel__Default=Warning dotnet NewsGraph.Api.dll search-index | tail -1) >&2
}

ng_sqlite_import() {  # ng_sqlite_import APP_DIR DB_FILE N
  [[ -f $2 ]] && return
  (cd "$1" && export "ConnectionStrings__News=Data Source=$2" Auth__SigningKeyFile="$work/jwt-signing.key" Logging__LogLevel__Default=Warning \
    && dotnet NewsGraph.Api.dll import "$data/n$3" | tail -2 && dotnet NewsGraph.Api.dll search-index | tail -1) >&2
}

# writable_schema: Python's SQLite may be older than the search view's syntax (bench/import.sh says more).
feedback_rows() {  # feedback_rows PROVIDER N DB_FILE
  if [[ $1 == postgresql ]]; then
    pg_sql "ng_bench_n$2" 'select count(*) from "Feedback"'
  else
    python3 -c "import sqlite3,sys; db=sqlite3.connect(sys.argv[1]); db.execute('PRAGMA writable_schema=ON'); print(db.execute('select count(*) from \"Feedback\"').fetchone()[0])" "$3"
  fi
}

# PostGraphile on the cluster, with the dataset of size N loaded into its own database.
pgl_pid=""
pgl_start() {
  local pg=$work/peers/postgraphile
  [[ -x ${NG_PGL_DIR:-/tmp/ng-pgl}/node_modules/.bin/node ]] || "$pg/setup.sh" >/dev/null
  "$pg/load.sh" "$data/n$1" >&2
  "$pg/start.sh" > "$work/postgraphile.log" 2>&1 &
  pgl_pid=$!
  for _ in $(seq 1 120); do
    curl -fsS -X POST -H 'Content-Type: application/json' -d '{"query":"{__typename}"}' http://127.0.0.1:5678/graphql -o /dev/null 2>/dev/null && return
    sleep 0.5
  done
  echo "PostGraphile did not start; see $work/postgraphile.log" >&2
  exit 1
}

pgl_stop() {
  if [[ -n $pgl_pid ]]; then kill "$pgl_pid" 2>/dev/null || true; wait "$pgl_pid" 2>/dev/null || true; pgl_pid=""; fi
}

# A local OTLP/HTTP endpoint that accepts traces and metrics and drops them (bench/otlp-sink.py).
sink_pid=""
sink_start() {
  python3 "$root/bench/otlp-sink.py" 4318 > "$work/otlp-sink.log" 2>&1 &
  sink_pid=$!
  for _ in $(seq 1 40); do curl -fsS -X POST http://127.0.0.1:4318/v1/traces -o /dev/null 2>/dev/null && return; sleep 0.25; done
  echo "the OTLP sink did not start" >&2
  exit 1
}

sink_stop() {
  if [[ -n $sink_pid ]]; then kill "$sink_pid" 2>/dev/null || true; wait "$sink_pid" 2>/dev/null || true; sink_pid=""; fi
}

# The ASP.NET Core floor (a fixed 2 KB answer); aspnet-floor.sh builds it once, then execs it.
floor_pid=""
floor_start() {
  (cd "$work/peers" && NG_ASPNET_DIR="$work/aspnet-floor" exec ./aspnet-floor.sh 5680 > "$work/floor.log" 2>&1) &
  floor_pid=$!
  for _ in $(seq 1 480); do curl -fsS -X POST http://127.0.0.1:5680/graphql -o /dev/null 2>/dev/null && return; sleep 0.5; done
  echo "the floor server did not start; see $work/floor.log" >&2
  exit 1
}

floor_stop() {
  if [[ -n $floor_pid ]]; then kill "$floor_pid" 2>/dev/null || true; wait "$floor_pid" 2>/dev/null || true; floor_pid=""; fi
}

stop_all() { ng_stop; pgl_stop; sink_stop; floor_stop; pg_down; }
