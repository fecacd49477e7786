#!/usr/bin/env bash
# The soak test of docs/benchmarks.md ("Soak"): NewsGraph (Release, SQLite, the 10k dataset) under
# varied reads, feedback writes and live subscriptions for MINUTES, with the hostile corpus of
# tests/hostile replayed at a low rate in every other window (bench/soak.mjs drives it all).
# Prints 5xx, feedback acknowledged vs stored, the p99 of the normal traffic with and without the
# hostile share, and the server's resident memory over time; exits 1 when a goal is missed.
#
#   bench/soak.sh [--minutes 10] [--rate 120] [--window 20] [--warmup 30]
#
# MINUTES are measured after a warm-up of WARMUP seconds (JIT, caches) that carries the normal traffic.
#
# Needs: the .NET SDK, python3, Node 20+ and npm, ../shared/tools (SHARED_DIR) for the dataset
# generator and the varied-traffic tools (copied, not changed). Everything generated goes under
# $NG_SOAK (default /tmp/ng-soak-run) and $NG_DATA (/tmp/ng-data). It stops only the server it
# started, by its PID.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared=${SHARED_DIR:-$root/../shared}
work=${NG_SOAK:-/tmp/ng-soak-run}
data=${NG_DATA:-/tmp/ng-data}
minutes=10 rate=120 window=20 warmup=30
while (( $# )); do
  case $1 in
    --minutes) minutes=$2; shift ;;
    --rate) rate=$2; shift ;;
    --window) window=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    *) echo "usage: bench/soak.sh [--minutes 10] [--rate 120] [--window 20] [--warmup 30]" >&2; exit 2 ;;
  esac
  shift
done

step() { printf '\n=== %s\n' "$*" >&2; }
port=${NG_SOAK_PORT:-5210}
url=http://127.0.0.1:$port/graphql
server_pid=""
stop_server() { if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=""; fi; }
trap stop_server EXIT

mkdir -p "$work/bodies" "$data"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
app_env=("ConnectionStrings__News=Data Source=$work/soak.db" "Auth__SigningKeyFile=$work/jwt-signing.key" "Logging__LogLevel__Default=Warning")

step "publish NewsGraph (Release)"
dotnet publish src/NewsGraph.Api -c Release -o "$work/app" -v quiet -nologo >/dev/null

step "the 10k dataset, imported into a database of the run's own"
[[ -f $data/n10000/manifest.json ]] || python3 "$shared/tools/dataset/gen-dataset.py" 10000 "$data/n10000" >/dev/null
rm -f "$work"/soak.db*
(cd "$work/app" && env "${app_env[@]}" dotnet NewsGraph.Api.dll import "$data/n10000" | tail -2 && env "${app_env[@]}" dotnet NewsGraph.Api.dll search-index | tail -1)

step "request bodies (../shared/tools/peers/varied/make-bodies.py) and the hostile corpus's client"
rm -rf "$work/varied" && cp -r "$shared/tools/peers/varied" "$work/varied" && chmod -R u+w "$work/varied"
python3 "$work/varied/make-bodies.py" "$data/n10000" bench/queries/ng-a-front-page.json section section "$work/bodies/front.ndjson"
python3 "$work/varied/make-bodies.py" "$data/n10000" bench/queries/ng-b-article-page.json slug slug "$work/bodies/article.ndjson"
python3 "$work/varied/make-bodies.py" "$data/n10000" bench/queries/ng-c-search.json word word "$work/bodies/search.ndjson"
cp bench/queries/ng-d-submit-feedback.json "$work/bodies/feedback.json"
(cd tests/hostile && npm ci --no-audit --no-fund --loglevel=error)

step "server on 127.0.0.1:$port"
# Feedback's per-client limit is lifted: every request comes from this machine.
(cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Production "${app_env[@]}" Feedback__RateLimitPermits=1000000000 \
  dotnet NewsGraph.Api.dll --urls "http://127.0.0.1:$port" > "$work/server.log" 2>&1) &
server_pid=$!
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null || { echo "the server did not start; see $work/server.log" >&2; exit 1; }
token=$(cd "$work/app" && env "${app_env[@]}" dotnet NewsGraph.Api.dll token --role editor --name soak | tail -n 1)

step "soak: $warmup s warm-up, then $minutes min"
node bench/soak.mjs --url "$url" --pid "$server_pid" --token "$token" --bodies "$work/bodies" \
  --minutes "$minutes" --warmup "$warmup" --rate "$rate" --window "$window" | tee "$work/report.txt"
