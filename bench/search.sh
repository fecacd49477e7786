#!/usr/bin/env bash
# The archive-search benchmark of docs/benchmarks.md (issue 18): NewsGraph (Release, SQLite) on the
# N-story dataset answering varied 1-3-word searches (bench/search/make-queries.py) with highlights,
# without and with facets, at concurrency 1 and 32; then, unless --no-peer, PostGraphile's headline
# `includes` search on PostgreSQL with the same query texts, in the same run.
#
#   flock /tmp/newsgraph-bench.lock bench/search.sh [--n 100000] [--duration 15] [--no-peer] [--provider postgresql]
#
# --provider postgresql runs NewsGraph on the peer's PostgreSQL cluster, in a database of its own
# (ng_search_nN, filled by NewsGraph's bulk import and search-index once), and counts PostgreSQL's CPU
# with the server's.
# Needs: the .NET SDK, python3, wrk, ../shared/tools (SHARED_DIR); the peer also needs PostgreSQL 15
# and npm (../shared/tools/peers/README.md). Everything generated goes under $NG_SEARCH_BENCH
# (default /tmp/ng-search-bench; the NewsGraph database and the peer's install are kept there for the
# next run) and $NG_DATA (/tmp/ng-data). Ports: NG_PORT (5240), PGL_PORT (5778), PGL_PGPORT (54372).
# Only the processes this script started are stopped, by their PIDs.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared=${SHARED_DIR:-$root/../shared}
work=${NG_SEARCH_BENCH:-/tmp/ng-search-bench}
data=${NG_DATA:-/tmp/ng-data}
n=100000 dur=15 peer=1 provider=sqlite
while (( $# )); do
  case $1 in
    --n) n=$2; shift ;;
    --duration) dur=$2; shift ;;
    --no-peer) peer=0 ;;
    --provider) provider=$2; shift ;;
    *) echo "usage: bench/search.sh [--n N] [--duration S] [--no-peer] [--provider sqlite|postgresql]" >&2; exit 2 ;;
  esac
  shift
done
[[ $provider == sqlite || $provider == postgresql ]] || { echo "--provider is sqlite or postgresql" >&2; exit 2; }
ng_port=${NG_PORT:-5240} pgl_port=${PGL_PORT:-5778} pg_port=${PGL_PGPORT:-54372}
url=http://127.0.0.1:$ng_port/graphql pgl_url=http://127.0.0.1:$pgl_port/graphql

step() { printf '\n=== %s\n' "$*" >&2; }
server_pid="" pgl_pid="" pg_up=0
cleanup() {
  for p in $server_pid $pgl_pid; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  if (( pg_up )); then NG_PGROOT=$work/pg NG_PGPORT=$pg_port "$work/peers/postgraphile/pg-cluster.sh" stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

mkdir -p "$work" "$data"
rm -rf "$work/peers" && cp -r "$shared/tools/peers" "$work/peers" && chmod -R u+w "$work/peers"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 CHECK=${CHECK:-1}
results=$work/results.txt
: > "$results"
record() { echo "$1" | tee -a "$results"; }
bench() {  # bench LABEL URL BODIES CONC SERVER_PIDS [DB_PPID]
  (cd "$work/peers" && SERVER_PIDS=$5 DB_PPID=${6:-} ./bench.sh "$2" "$3" -c "$4" -d "$dur" -w 5 -t 2 -l "$1" 2>>"$work/bench.log")
}
pg=$work/peers/postgraphile
pg_cluster() {  # the peer's PostgreSQL cluster, started once (and stopped at the end) unless it runs already
  export NG_PGROOT=$work/pg NG_PGPORT=$pg_port NG_PGL_DIR=$work/pgl
  (( pg_up )) || "$pg/pg-cluster.sh" status >/dev/null 2>&1 && return
  if [[ -d $NG_PGROOT/data ]]; then "$pg/pg-cluster.sh" start >/dev/null; else "$pg/pg-cluster.sh" init >/dev/null; fi
  pg_up=1
}
pg_sql() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d "$1" -AtXqc "$2"; }

step "dataset n=$n and the queries"
[[ -f $data/n$n/manifest.json ]] || python3 "$shared/tools/dataset/gen-dataset.py" "$n" "$data/n$n" >/dev/null
for t in search search-facets; do
  python3 bench/search/make-queries.py "$data/n$n" "bench/search/$t.json" q "$work/$t.ndjson" >&2
done
python3 bench/search/make-queries.py "$data/n$n" "$work/peers/queries/pgl-c-search.json" word "$work/pgl-search.ndjson" >&2

step "publish NewsGraph (Release), import n=$n"
dotnet publish src/NewsGraph.Api -c Release -o "$work/app" -v quiet -nologo >/dev/null
# Replaces the shell it runs in: in ( ) for a command, with & for the server (so $! is the server).
ng() { cd "$work/app" && exec env Database__Provider="$ng_provider" "ConnectionStrings__News=$ng_conn" Auth__SigningKeyFile="$work/jwt-signing.key" \
  Logging__LogLevel__Default=Warning "$@"; }
db_ppid=""
if [[ $provider == sqlite ]]; then
  ng_provider=Sqlite ng_conn="Data Source=$work/n$n.db"
  [[ -f $work/n$n.db ]] || { (ng dotnet NewsGraph.Api.dll import "$data/n$n") | tail -2; (ng dotnet NewsGraph.Api.dll search-index) | tail -1; }
else
  pg_cluster
  ng_provider=PostgreSQL ng_conn="Host=127.0.0.1;Port=$pg_port;Database=ng_search_n$n;Username=newsgraph"
  # With PostgreSQL the server takes its signing key from configuration (instances share it); any key does here.
  Auth__SigningKey=$(head -c 48 /dev/urandom | base64 -w0); export Auth__SigningKey
  if [[ $(pg_sql "ng_search_n$n" 'select count(*) from "Articles"' 2>/dev/null || echo 0) != "$(wc -l < "$data/n$n/articles.ndjson")" ]]; then
    pg_sql postgres "drop database if exists ng_search_n$n with (force)" >/dev/null
    pg_sql postgres "create database ng_search_n$n owner newsgraph" >/dev/null
    (ng dotnet NewsGraph.Api.dll import "$data/n$n") | tail -2
  fi
  (ng dotnet NewsGraph.Api.dll search-index) | tail -1
  db_ppid=$(head -1 "$NG_PGROOT/data/postmaster.pid")
fi

step "NewsGraph search, n=$n, $provider"
# Varied traffic: no two requests in flight ask the same, so sharing identical queries is off.
ng ASPNETCORE_ENVIRONMENT=Production GraphQL__ShareIdenticalQueries=false \
  dotnet NewsGraph.Api.dll --urls "http://127.0.0.1:$ng_port" >> "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 240); do curl -fsS "http://127.0.0.1:$ng_port/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fsS "http://127.0.0.1:$ng_port/healthz" >/dev/null || { echo "NewsGraph did not start; see $work/server.log" >&2; exit 1; }
# Steady state before the first measured run: 30 s of both kinds of bodies, not recorded (with only the
# per-run warm-up of 5 s, the first run measured a server whose JIT was still compiling).
for t in search search-facets; do
  (cd "$work/peers" && SERVER_PIDS=$server_pid ./bench.sh "$url" "$work/$t.ndjson" -c 4 -d 15 -w 0 -t 2 -l warm-up >/dev/null 2>>"$work/bench.log")
done
for c in 1 32; do
  for t in search search-facets; do
    record "$(bench "newsgraph $provider n=$n $t" "$url" "$work/$t.ndjson" "$c" "$server_pid" "$db_ppid")"
  done
done
record "memory n=$n: NewsGraph peak resident set $(( $(awk '/VmHWM/{print $2}' "/proc/$server_pid/status") / 1024 )) MB"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""

if (( peer )); then
  step "PostGraphile headline includes on PostgreSQL, n=$n"
  pg_cluster
  [[ -x $NG_PGL_DIR/node_modules/.bin/node ]] || "$pg/setup.sh" >/dev/null
  if [[ $(cat "$work/pg-loaded" 2>/dev/null) != "n$n" ]]; then "$pg/load.sh" "$data/n$n" >/dev/null && echo "n$n" > "$work/pg-loaded"; fi
  (export PORT=$pgl_port DATABASE_URL="postgres://newsgraph@127.0.0.1:$pg_port/newsgraph"; exec "$pg/start.sh" > "$work/postgraphile.log" 2>&1) &
  pgl_pid=$!
  for _ in $(seq 1 120); do curl -fsS -X POST -H 'Content-Type: application/json' -d '{"query":"{__typename}"}' "$pgl_url" -o /dev/null 2>/dev/null && break; sleep 0.5; done
  pm=$(head -1 "$NG_PGROOT/data/postmaster.pid")
  for c in 1 32; do
    record "$(bench "postgraphile n=$n headline-includes" "$pgl_url" "$work/pgl-search.ndjson" "$c" "$pgl_pid" "$pm")"
  done
  kill "$pgl_pid" 2>/dev/null || true; wait "$pgl_pid" 2>/dev/null || true; pgl_pid=""
fi

step "summary"
python3 bench/search/summarize.py "$results" | tee "$work/summary.md"
