#!/usr/bin/env bash
# The in-process response cache beside the machine's HTTP floor (docs/benchmarks.md, issue 17), in
# one run: the ASP.NET Core floor (fixed 2 KB JSON), then NewsGraph (Release, the 10k dataset)
# answering the article page of bench/queries as a trusted document POSTed by id, with
# GraphQL:ResponseCache on and off, one hot page and varied pages (1,000 stories in turn).
#
#   bench/response-cache.sh [--app PUBLISHED_DIR] [--size 10000] [--duration 15] [--concurrency "1 32"]
#
# --app measures a server already published (another commit's, for a before/after of the figures
# with the cache off); by default this tree is published. Needs what bench/run.sh needs (wrk,
# python3, ../shared/tools); generated files go under $NG_BENCH (default /tmp/ng-bench-cache).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared=${SHARED_DIR:-$root/../shared}
work=${NG_BENCH:-/tmp/ng-bench-cache}
data=${NG_DATA:-/tmp/ng-data}
app="" size=10000 dur=15 concs="1 32"
while (( $# )); do
  case $1 in
    --app) app=$2; shift ;;
    --size) size=$2; shift ;;
    --duration) dur=$2; shift ;;
    --concurrency) concs=$2; shift ;;
    *) echo "usage: bench/response-cache.sh [--app DIR] [--size N] [--duration S] [--concurrency \"1 32\"]" >&2; exit 2 ;;
  esac
  shift
done

step() { printf '\n=== %s\n' "$*" >&2; }
free_port() { local p=$1; while curl -s -o /dev/null "http://127.0.0.1:$p/" 2>/dev/null; do p=$((p + 1)); done; echo "$p"; }
port=$(free_port 5230) floor_port=$(free_port 5690)
url=http://127.0.0.1:$port/graphql
pid=""
stop() { if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi; }
trap stop EXIT
mkdir -p "$work" "$data"
rm -rf "$work/peers" && cp -r "$shared/tools/peers" "$work/peers" && chmod -R u+w "$work/peers"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 CHECK=${CHECK:-1}
bench() {  # bench LABEL BODY CONC
  (cd "$work/peers" && SERVER_PIDS=$pid ./bench.sh "${4:-$url}" "$2" -c "$3" -d "$dur" -w 3 -t 2 -l "$1" 2>>"$work/bench.log")
}

if [[ -z $app ]]; then
  step "publish NewsGraph (Release)"
  dotnet publish src/NewsGraph.Api -c Release -o "$work/app" -v quiet -nologo >/dev/null
  app=$work/app
fi
db=$work/n$size.db
settings=("ConnectionStrings__News=Data Source=$db" "Auth__SigningKeyFile=$work/jwt-signing.key" Logging__LogLevel__Default=Warning)
[[ -f $data/n$size/manifest.json ]] || python3 "$shared/tools/dataset/gen-dataset.py" "$size" "$data/n$size" >/dev/null
[[ -f $db ]] || (cd "$app" && env "${settings[@]}" dotnet NewsGraph.Api.dll import "$data/n$size" | tail -2 && env "${settings[@]}" dotnet NewsGraph.Api.dll search-index | tail -1)

step "the article page as a trusted document, its request bodies"
mkdir -p "$work/ops"
python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['query'], end='')" bench/queries/ng-b-article-page.json > "$work/ops/ArticlePage.graphql"
(cd "$app" && env "${settings[@]}" dotnet NewsGraph.Api.dll documents add "$work/ops" >/dev/null)
id=$(sha256sum "$work/ops/ArticlePage.graphql" | cut -d' ' -f1)
python3 - "$id" bench/queries/ng-b-article-page.json "$work/hot.json" <<'EOF'
import json, sys
doc_id, template, out = sys.argv[1:4]
json.dump({"id": doc_id, "variables": json.load(open(template))["variables"]}, open(out, "w"))
EOF
python3 "$work/peers/varied/make-bodies.py" "$data/n$size" "$work/hot.json" slug slug "$work/varied.ndjson" >/dev/null

step "HTTP floor: ASP.NET Core minimal API, fixed 2 KB JSON"
(cd "$work/peers" && NG_ASPNET_DIR="$work/aspnet-floor" exec ./aspnet-floor.sh "$floor_port" > "$work/floor.log" 2>&1) &
pid=$!
for _ in $(seq 1 240); do curl -fsS -X POST "http://127.0.0.1:$floor_port/graphql" -o /dev/null 2>/dev/null && break; sleep 0.5; done
for c in $concs; do bench floor "$work/peers/queries/pgl-a-front-page.json" "$c" "http://127.0.0.1:$floor_port/graphql"; done
stop

for cache in true false; do
  step "NewsGraph, GraphQL:ResponseCache:Enabled=$cache"
  (cd "$app" && exec env ASPNETCORE_ENVIRONMENT=Production "${settings[@]}" GraphQL__ResponseCache__Enabled=$cache \
    dotnet NewsGraph.Api.dll --urls "http://127.0.0.1:$port" >> "$work/server.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
  for c in $concs; do
    bench "newsgraph cache=$cache hot-article-page" "$work/hot.json" "$c"
    bench "newsgraph cache=$cache varied-article-pages" "$work/varied.ndjson" "$c"
  done
  stop
done
