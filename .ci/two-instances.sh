#!/usr/bin/env bash
# Two NewsGraph instances, A and B, on one PostgreSQL and one Redis, started as a deployment would
# (`migrate` once, then the instances in Production), and what several instances must get right:
# events reach every instance, one rate limit, an embargo lifted once, kill -9 of A under load,
# PostgreSQL and Redis going away and coming back.
#   .ci/two-instances.sh SERVICES_DIR     after `.ci/services.sh start SERVICES_DIR` (its exports set) and a build
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
services=${1:?usage: .ci/two-instances.sh SERVICES_DIR}
: "${NEWSGRAPH_TEST_POSTGRES:?run .ci/services.sh start first}" "${NEWSGRAPH_TEST_REDIS:?run .ci/services.sh start first}"
app="$root/src/NewsGraph.Api/bin/Debug/net10.0"
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "${KEEP_LOGS:-}" ] && cp -r "$work" "$KEEP_LOGS"; rm -rf "$work"
}
trap cleanup EXIT

database=newsgraph_two_instances
psql_url=$(python3 -c "import sys; d=dict(p.split('=',1) for p in sys.argv[1].split(';') if p); print(f\"host={d['Host']} port={d.get('Port','5432')} user={d['Username']} dbname=postgres\")" "$NEWSGRAPH_TEST_POSTGRES")
psql "$psql_url" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database"
export Database__Provider=PostgreSQL ConnectionStrings__News="${NEWSGRAPH_TEST_POSTGRES/Database=postgres/Database=$database}"
export Redis__Configuration="$NEWSGRAPH_TEST_REDIS" Database__MigrateOnStartup=false Newsroom__EmbargoCheckInterval=00:00:01
export Auth__SigningKey=$(openssl rand -base64 48) ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
(cd "$app" && dotnet NewsGraph.Api.dll migrate)

declare -A pid_of
start() { # name port
  (cd "$app" && exec dotnet NewsGraph.Api.dll --urls "http://127.0.0.1:$2") >> "$work/$1.log" 2>&1 &
  pid_of[$1]=$!
  pids+=("$!")
  for _ in $(seq 1 120); do
    kill -0 "${pid_of[$1]}" 2>/dev/null || break   # it exited (a port taken meanwhile, say)
    curl -fsS "http://127.0.0.1:$2/healthz" >/dev/null 2>&1 && return
    sleep 0.5
  done
  cat "$work/$1.log"; echo "instance $1 did not start"; exit 1
}
check() { node "$root/tests/scale-out/check.mjs" "$@"; }
# Loopback ports nothing listens on yet (another server on 5301 would answer the health checks).
free_port() { local p=$1; while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done; echo "$p"; }
port_a=$(free_port 5301)
port_b=$(free_port $((port_a + 1)))
a=http://127.0.0.1:$port_a/graphql b=http://127.0.0.1:$port_b/graphql
start a "$port_a"
start b "$port_b"
editor=$(cd "$app" && dotnet NewsGraph.Api.dll token --role editor --name two-instances | tail -n 1)
(cd tests/scale-out && npm ci --no-audit --no-fund --loglevel=error)
# Signed-in readers for the load, each under its own feedback limit.
export READER_TOKENS=$(node "$root/tests/scale-out/check.mjs" reader-tokens "$Auth__SigningKey" 64)

echo "--- a story published through A reaches a subscriber on B"
check published-everywhere "$a" "$b" "$editor"
echo "--- one reader's feedback counts against one rate limit on A and B"
check one-rate-limit "$a" "$b"
echo "--- a query registered by its hash on A (automatic persisted queries) runs by hash on B"
check apq-shared "$a" "$b"
echo "--- an embargoed story falls due with both running: published once"
check embargo-once "$a" "$b" "$editor"

echo "--- kill -9 of A under mixed load: B keeps answering, every acknowledged write is stored"
check load "$a" "$b" 12 "$work/acknowledged.txt" &
load_pid=$!
sleep 6
kill -9 "${pid_of[a]}"
wait "$load_pid"
check stored "$editor" "$b" "$work/acknowledged.txt"
start a "$port_a"

echo "--- PostgreSQL stopped for 5 s, then started"
.ci/services.sh pg-stop "$services"
check outage "$a" "$b" -- 5
.ci/services.sh pg-start "$services"
check answers "$a" "$b" -- 5

echo "--- Redis stopped, then started: live subscriptions end with a code, queries and mutations never fail, subscriptions recover"
check live-subscription-ends "$b" 10 &
ending_pid=$!
sleep 2
.ci/services.sh redis-stop "$services"
wait "$ending_pid"
check load "$a" "$b" 5 "$work/during-redis-outage.txt" > "$work/redis-load.txt"
cat "$work/redis-load.txt"
grep -q "failed A 0, B 0" "$work/redis-load.txt" || { echo "FAIL: requests failed while Redis was away"; exit 1; }
.ci/services.sh redis-start "$services"
check subscriptions-recover "$a" "$b" "$editor"

echo "two-instance check: every check passed"
