#!/usr/bin/env bash
# The read/write benchmark of docs/benchmarks.md: NewsGraph (Release) on the 10k and 100k datasets,
# the four operations of bench/queries at concurrency 1 and 32 under wrk, the machine's HTTP floor
# (a minimal ASP.NET Core app answering fixed 2 KB JSON) and, with --peer, PostGraphile on
# PostgreSQL with the same data and the same operations in its own query shapes, all in one run,
# so every ratio compares figures taken minutes apart on the same machine.
#
#   bench/run.sh [--peer] [--sizes "10000 100000"] [--duration 15] [--concurrency "1 32"]
#
# NewsGraph runs with its defaults, then once more at concurrency 32 with ShareIdenticalQueries off
# for the reads, so the figures show what sharing identical queries buys and what a request costs
# on its own.
# Also printed: SQL statements per request (at two page sizes), the server's peak memory, and for
# (d) a durability check: after the c=32 run the server is killed with SIGKILL and every accepted
# feedback must be in the database when it comes back.
# Needs: the .NET SDK, python3, wrk (installed from Debian if missing), ../shared/tools (SHARED_DIR);
# --peer also needs PostgreSQL 15 and Node (see ../shared/tools/peers/README.md).
# Everything generated goes under $NG_BENCH (default /tmp/ng-bench-run) and $NG_DATA (/tmp/ng-data).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared=${SHARED_DIR:-$root/../shared}
work=${NG_BENCH:-/tmp/ng-bench-run}
data=${NG_DATA:-/tmp/ng-data}
sizes="10000 100000" peer=0 dur=15 concs="1 32" warm=15
while (( $# )); do
  case $1 in
    --peer) peer=1 ;;
    --sizes) sizes=$2; shift ;;
    --duration) dur=$2; shift ;;
    --concurrency) concs=$2; shift ;;
    *) echo "usage: bench/run.sh [--peer] [--sizes \"10000 100000\"] [--duration S] [--concurrency \"1 32\"]" >&2; exit 2 ;;
  esac
  shift
done

step() { printf '\n=== %s\n' "$*" >&2; }
port=5200 url=http://127.0.0.1:5200/graphql
server_pid=""
stop_server() { if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=""; fi; }
trap stop_server EXIT

mkdir -p "$work" "$data"
rm -rf "$work/peers" && cp -r "$shared/tools/peers" "$work/peers" && chmod -R u+w "$work/peers"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 CHECK=${CHECK:-1}
results=$work/results.txt
: > "$results"
record() { echo "$1" | tee -a "$results"; }   # one result line (plus its cpu line)

step "publish NewsGraph (Release) and the in-process bench tool"
dotnet publish src/NewsGraph.Api -c Release -o "$work/app" -v quiet -nologo >/dev/null
dotnet build bench/NewsGraph.Bench -c Release -v quiet -nologo >/dev/null

start_server() {  # start_server DB [NAME=VALUE settings...]
  (cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Production "ConnectionStrings__News=Data Source=$1" \
    Auth__SigningKeyFile="$work/jwt-signing.key" Feedback__RateLimitPermits=1000000000 Logging__LogLevel__Default=Warning \
    "${@:2}" dotnet NewsGraph.Api.dll --urls "http://127.0.0.1:$port" >> "$work/server.log" 2>&1) &
  server_pid=$!
  for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return; sleep 0.5; done
  echo "the server did not start; see $work/server.log" >&2; exit 1
}
server_process() { echo "$server_pid"; }
bench() {  # bench LABEL BODY CONC PIDS [DB_PPID]
  (cd "$work/peers" && SERVER_PIDS=$4 DB_PPID=${5:-} ./bench.sh "$url" "$2" -c "$3" -d "$dur" -w 3 -t 2 -l "$1" 2>>"$work/bench.log")
}
warm_up() { for f in "$@"; do (cd "$work/peers" && BODY_FILE=$f wrk -t2 -c32 -d${warm}s -s post.lua "$url" >/dev/null 2>&1); done; }
feedback_rows() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from \"Feedback\"').fetchone()[0])" "$1"; }

step "HTTP floor: ASP.NET Core minimal API, fixed 2 KB JSON"
(cd "$work/peers" && NG_ASPNET_DIR="$work/aspnet-floor" exec ./aspnet-floor.sh 5680 > "$work/floor.log" 2>&1) &
floor_pid=$!
for _ in $(seq 1 240); do curl -fsS -X POST http://127.0.0.1:5680/graphql -o /dev/null 2>/dev/null && break; sleep 0.5; done
for c in $concs; do
  record "$(cd "$work/peers" && SERVER_PIDS=$(pgrep -f AspNetFloor.dll | head -1) ./bench.sh http://127.0.0.1:5680/graphql queries/pgl-a-front-page.json -c "$c" -d "$dur" -w 3 -t 2 -l floor 2>>"$work/bench.log")"
done
pkill -f AspNetFloor.dll 2>/dev/null || true; wait "$floor_pid" 2>/dev/null || true

ops="a-front-page b-article-page c-search d-submit-feedback"
reads="a-front-page b-article-page c-search"
for n in $sizes; do
  step "dataset n=$n"
  [[ -f $data/n$n/manifest.json ]] || python3 "$shared/tools/dataset/gen-dataset.py" "$n" "$data/n$n" >/dev/null
  db=$work/n$n.db
  if [[ ! -f $db ]]; then
    (cd "$work/app" && env "ConnectionStrings__News=Data Source=$db" Auth__SigningKeyFile="$work/jwt-signing.key" \
      Logging__LogLevel__Default=Warning dotnet NewsGraph.Api.dll import "$data/n$n" | tail -1)
  fi

  step "SQL statements per request, n=$n"
  dotnet run -c Release --no-build --project bench/NewsGraph.Bench -- sql "$db" bench/queries 2>/dev/null | grep -v '^ ' | tee "$work/sql-n$n.txt"

  step "NewsGraph, n=$n"
  start_server "$db"
  warm_up $(for op in $ops; do echo "$root/bench/queries/ng-$op.json"; done)
  peak=0
  for c in $concs; do
    for op in $ops; do
      pid=$(server_process)
      before=$(feedback_rows "$db")
      line=$(bench "newsgraph n=$n ${op%%-*}" "$root/bench/queries/ng-$op.json" "$c" "$pid")
      record "$line"
      hwm=$(awk '/VmHWM/{print $2}' "/proc/$pid/status"); (( hwm > peak )) && peak=$hwm
      if [[ $op == d-* && $c == 32 ]]; then
        accepted=$(grep -o 'requests=[0-9]*' <<<"$line" | head -1 | cut -d= -f2)
        errors=$(grep -o 'errors=[0-9]*' <<<"$line" | head -1 | cut -d= -f2)
        kill -9 "$pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
        after=$(feedback_rows "$db")
        verdict=$([[ $errors == 0 && $(( after - before )) -ge $accepted ]] && echo ok || echo LOST)
        record "durability n=$n: $accepted feedback accepted with $errors errors, $(( after - before )) new rows after kill -9: $verdict"
        start_server "$db"
        warm_up "$root/bench/queries/ng-a-front-page.json"
      fi
    done
  done
  stop_server

  # Each request executing on its own: what the reads cost when no identical query is running
  # (concurrency 1 never shares, so only 32 is repeated).
  step "NewsGraph with ShareIdenticalQueries=false, n=$n"
  start_server "$db" GraphQL__ShareIdenticalQueries=false
  warm_up $(for op in $reads; do echo "$root/bench/queries/ng-$op.json"; done)
  for c in $concs; do
    (( c > 1 )) || continue
    for op in $reads; do
      pid=$(server_process)
      record "$(bench "newsgraph-unshared n=$n ${op%%-*}" "$root/bench/queries/ng-$op.json" "$c" "$pid")"
      hwm=$(awk '/VmHWM/{print $2}' "/proc/$pid/status"); (( hwm > peak )) && peak=$hwm
    done
  done
  stop_server
  record "memory n=$n: server peak resident set $(( peak / 1024 )) MB"

  if (( peer )); then
    step "PostGraphile on PostgreSQL, n=$n"
    pg=$work/peers/postgraphile
    "$pg/pg-cluster.sh" start >/dev/null 2>&1 || "$pg/pg-cluster.sh" init >/dev/null
    [[ -x ${NG_PGL_DIR:-/tmp/ng-pgl}/node_modules/.bin/node ]] || "$pg/setup.sh" >/dev/null
    "$pg/load.sh" "$data/n$n" >/dev/null
    ("$pg/start.sh" > "$work/postgraphile.log" 2>&1) &
    pgl_pid=$!
    for _ in $(seq 1 120); do curl -fsS -X POST -H 'Content-Type: application/json' -d '{"query":"{__typename}"}' http://127.0.0.1:5678/graphql -o /dev/null 2>/dev/null && break; sleep 0.5; done
    pm=$(head -1 "${NG_PGROOT:-/tmp/ng-pg}/data/postmaster.pid")
    node_pid=$(pgrep -f "postgraphile/dist/cli-run.js" | head -1)
    for f in "$work"/peers/queries/pgl-*.json; do (cd "$work/peers" && BODY_FILE=$f wrk -t2 -c32 -d${warm}s -s post.lua http://127.0.0.1:5678/graphql >/dev/null 2>&1); done
    for c in $concs; do
      for op in a-front-page b-article-page c-search d-create-feedback; do
        record "$(cd "$work/peers" && SERVER_PIDS=$node_pid DB_PPID=$pm ./bench.sh http://127.0.0.1:5678/graphql "queries/pgl-$op.json" -c "$c" -d "$dur" -w 3 -t 2 -l "postgraphile n=$n ${op%%-*}" 2>>"$work/bench.log")"
      done
    done
    kill "$node_pid" "$pgl_pid" 2>/dev/null || true; wait "$pgl_pid" 2>/dev/null || true
    "$pg/pg-cluster.sh" stop >/dev/null 2>&1 || true
  fi
done

step "summary"
python3 bench/summarize.py "$results" | tee "$work/summary.md"
