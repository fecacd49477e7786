#!/usr/bin/env bash
# What the HTTP caching headers (Cache-Control, Vary, ETag, Surrogate-Key/Cache-Tag) cost a response
# with the in-process response cache off (docs/benchmarks.md, issue 17): the same Release build with
# GraphQL:CacheControl:Enable true and false, and with --before another build with it true (the
# commit before a change), taking turns for several rounds (the order rotates each round), each
# server measured on varied front pages (the 8 sections, query text) and varied article pages
# (1,000 stories, the article page as a trusted document) at c=32 after a long warm-up (tiered
# compilation). Prints server CPU per request, per round; compare only pairs of the same round.
#
#   bench/cache-headers-ab.sh [--rounds 3] [--warmup 15] [--duration 15] [--app DIR] [--before DIR]
#
# --app measures a server already published instead of publishing this tree. Needs what
# bench/run.sh needs (wrk, python3, ../shared/tools); files go under $NG_BENCH (default
# /tmp/ng-bench-headers); run it alone on the machine (flock the shared benchmark lock).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared=${SHARED_DIR:-$root/../shared}
work=${NG_BENCH:-/tmp/ng-bench-headers}
data=${NG_DATA:-/tmp/ng-data}
app="" before="" rounds=3 warm=15 dur=15 size=10000
while (( $# )); do
  case $1 in
    --app) app=$2; shift ;;
    --before) before=$2; shift ;;
    --rounds) rounds=$2; shift ;;
    --warmup) warm=$2; shift ;;
    --duration) dur=$2; shift ;;
    *) echo "usage: bench/cache-headers-ab.sh [--rounds N] [--warmup S] [--duration S] [--app DIR] [--before DIR]" >&2; exit 2 ;;
  esac
  shift
done

step() { printf '\n=== %s\n' "$*" >&2; }
free_port() { local p=$1; while curl -s -o /dev/null "http://127.0.0.1:$p/" 2>/dev/null; do p=$((p + 1)); done; echo "$p"; }
port=$(free_port 5240)
pid=""
stop() { if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi; }
trap stop EXIT
mkdir -p "$work" "$data"
rm -rf "$work/peers" && cp -r "$shared/tools/peers" "$work/peers" && chmod -R u+w "$work/peers"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 CHECK=${CHECK:-1}

if [[ -z $app ]]; then
  step "publish NewsGraph (Release)"
  dotnet publish src/NewsGraph.Api -c Release -o "$work/app" -v quiet -nologo >/dev/null
  app=$work/app
fi
db=$work/n$size.db
settings=("ConnectionStrings__News=Data Source=$db" "Auth__SigningKeyFile=$work/jwt-signing.key" Logging__LogLevel__Default=Warning)
[[ -f $data/n$size/manifest.json ]] || python3 "$shared/tools/dataset/gen-dataset.py" "$size" "$data/n$size" >/dev/null
[[ -f $db ]] || (cd "$app" && env "${settings[@]}" dotnet NewsGraph.Api.dll import "$data/n$size" | tail -1)

step "request bodies: front pages (query text), article pages (trusted document)"
mkdir -p "$work/ops"
python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['query'], end='')" bench/queries/ng-b-article-page.json > "$work/ops/ArticlePage.graphql"
(cd "$app" && env "${settings[@]}" dotnet NewsGraph.Api.dll documents add "$work/ops" >/dev/null)
id=$(sha256sum "$work/ops/ArticlePage.graphql" | cut -d' ' -f1)
python3 - "$id" bench/queries/ng-b-article-page.json "$work/article.json" <<'EOF'
import json, sys
doc_id, template, out = sys.argv[1:4]
json.dump({"id": doc_id, "variables": json.load(open(template))["variables"]}, open(out, "w"))
EOF
python3 "$work/peers/varied/make-bodies.py" "$data/n$size" "$work/article.json" slug slug "$work/articles.ndjson" >/dev/null
python3 "$work/peers/varied/make-bodies.py" "$data/n$size" bench/queries/ng-a-front-page.json section section "$work/fronts.ndjson" >/dev/null

measure() {  # measure ROUND LABEL APP_DIR CACHE_CONTROL
  (cd "$3" && exec env ASPNETCORE_ENVIRONMENT=Production "${settings[@]}" GraphQL__ResponseCache__Enabled=false GraphQL__CacheControl__Enable=$4 \
    dotnet NewsGraph.Api.dll --urls "http://127.0.0.1:$port" >> "$work/server.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
  for body in fronts articles; do
    (cd "$work/peers" && SERVER_PIDS=$pid ./bench.sh "http://127.0.0.1:$port/graphql" "$work/$body.ndjson" -c 32 -d "$dur" -w "$warm" -t 2 \
      -l "round=$1 server=$2 pages=$body" 2>>"$work/bench.log") | tee -a "$work/results.txt"
  done
  stop
}

servers=("on|$app|true" "off|$app|false")
[[ -n $before ]] && servers+=("before|$before|true")
: > "$work/results.txt"
for round in $(seq 1 "$rounds"); do
  step "round $round"
  for i in "${!servers[@]}"; do
    IFS='|' read -r label dir flag <<<"${servers[$(( (i + round - 1) % ${#servers[@]} ))]}"
    measure "$round" "$label" "$dir" "$flag"
  done
done

step "server CPU per request (ms), and headers on / off"
python3 - "$work/results.txt" <<'EOF'
import re, sys
cpu, label = {}, None
for line in open(sys.argv[1]):
    if m := re.match(r"round=(\d+) server=(\w+) pages=(\w+)", line):
        label = m.groups()
    elif (m := re.search(r"srv\+db_cpu/req=([\d.]+)ms", line)) and label:
        cpu[label] = float(m.group(1))
rounds = sorted({int(r) for r, _, _ in cpu})
for pages in ("fronts", "articles"):
    for r in rounds:
        row = {s: cpu.get((str(r), s, pages)) for s in ("on", "off", "before")}
        ratio = f"{row['on'] / row['off']:.3f}" if row["on"] and row["off"] else "-"
        cells = " / ".join(f"{v:.3f}" if v else "-" for v in row.values())
        print(f"{pages:8} round {r}: on / off / before = {cells}  on/off = {ratio}")
EOF
