#!/usr/bin/env bash
# What tracing costs the server (issue 20, docs/benchmarks.md "Tracing overhead"): one Release
# build taking turns with OpenTelemetry exporting to a local OTLP sink (bench/otlp-sink.py) and
# without, several rounds, each server warmed up on every kind of request before anything is
# measured; varied traffic (front pages of the 8 sections, 1,000 article pages, headline searches
# for 150 words) at c=32. Prints the server's CPU per request, traced / untraced, per round.
#
#   bench/tracing-ab.sh [--provider postgresql|sqlite] [--rounds 3] [--warm 20] [--duration 15]
#                       [--size 10000] [--app PUBLISHED_DIR] [--also PUBLISHED_DIR]
#                       [--simultaneous [--windows 3] [--concurrency 16]] [--connection STRING]
#
# --also adds another build (an older commit's, published), traced, to every round: a before/after
# of a change to tracing, compared with the same untraced server.
# Only pairs of one round are comparable: the machine drifts from round to round, and the order
# of the two servers alternates to even that out. .NET's tiered compilation needs more than 10 s
# of load before a server runs at its steady speed, so each server gets --warm seconds of each
# kind of request first (a minute in all by default). Needs what bench/run.sh needs (wrk,
# python3, ../shared/tools; PostgreSQL 15 for the peer harness's cluster); generated files go
# under $NG_BENCH (default /tmp/ng-bench-tracing). Run it alone on the machine.
#
# --simultaneous: the traced and the untraced server run side by side instead, each loaded at
# --concurrency by a wrk of its own, started together (bench/tracing-simultaneous.sh): a shared
# warm-up of --warm seconds per kind, then --windows measured windows per kind and round; ports
# and launch order rotate between rounds (--rounds 3 with --also, so each server has each port once).
# Prints every window's ratio, the median per kind, and each server's JIT threads' share of its CPU
# (windows where every share is under 5% count as settled). --also adds the other build, traced, as
# a third server in the same windows.
# --connection: an existing PostgreSQL database with the dataset imported (no peer cluster).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared=${SHARED_DIR:-$root/../shared}
work=${NG_BENCH:-/tmp/ng-bench-tracing}
data=${NG_DATA:-/tmp/ng-data}
provider=postgresql rounds=3 warm=20 dur=15 size=10000 app="" also="" simultaneous=0 windows=3 conc=16 conn=""
while (( $# )); do
  case $1 in
    --provider) provider=$2; shift ;;
    --rounds) rounds=$2; shift ;;
    --warm) warm=$2; shift ;;
    --duration) dur=$2; shift ;;
    --size) size=$2; shift ;;
    --app) app=$2; shift ;;
    --also) also=$2; shift ;;
    --simultaneous) simultaneous=1 ;;
    --windows) windows=$2; shift ;;
    --concurrency) conc=$2; shift ;;
    --connection) conn=$2; shift ;;
    *) echo "usage: bench/tracing-ab.sh [--provider postgresql|sqlite] [--rounds N] [--warm S] [--duration S] [--size N] [--app DIR] [--also DIR] [--simultaneous] [--windows N] [--concurrency N] [--connection STRING]" >&2; exit 2 ;;
  esac
  shift
done

port=5240
# shellcheck source=bench/servers.sh
source "$root/bench/servers.sh"
trap stop_all EXIT
mkdir -p "$work" "$data"
rm -rf "$work/peers" && cp -r "$shared/tools/peers" "$work/peers" && chmod -R u+w "$work/peers"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 CHECK=${CHECK:-1}
step() { printf '\n=== %s\n' "$*" >&2; }
results=$work/results.txt
: > "$results"

if [[ -z $app ]]; then
  step "publish NewsGraph (Release)"
  dotnet publish src/NewsGraph.Api -c Release -o "$work/app" -v quiet -nologo >/dev/null
  app=$work/app
fi
[[ -f $data/n$size/manifest.json ]] || python3 "$shared/tools/dataset/gen-dataset.py" "$size" "$data/n$size" >/dev/null
if [[ $provider == postgresql ]]; then
  if [[ -z $conn ]]; then
    pg_up
    ng_pg_import "$app" "$size"
    conn=$(ng_pg_connection "$size")
  fi
  settings=(Database__Provider=PostgreSQL "Auth__SigningKey=$(head -c 48 /dev/urandom | base64 -w0)")
else
  conn="Data Source=$work/n$size.db"
  ng_sqlite_import "$app" "$work/n$size.db" "$size"
  settings=()
fi

step "request bodies"
declare -A query=([front]=ng-a-front-page [article]=ng-b-article-page [search]=ng-c-search)
declare -A vary=([front]="section section" [article]="slug slug" [search]="word word")
kinds="front article search"
for kind in $kinds; do
  read -r var values <<< "${vary[$kind]}"
  [[ -f $work/$kind.ndjson ]] || python3 "$work/peers/varied/make-bodies.py" "$data/n$size" \
    "bench/queries/${query[$kind]}.json" "$var" "$values" "$work/$kind.ndjson" --seed 7 >&2
done

traced=(OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318 OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf)
sink_start
if (( simultaneous )); then
  # shellcheck source=bench/tracing-simultaneous.sh
  source "$root/bench/tracing-simultaneous.sh"
  simultaneous_run
  sink_stop
  cat "$work/otlp-sink.log"
  exit 0
fi
for round in $(seq 1 "$rounds"); do
  modes=(traced untraced ${also:+also})
  for (( i = 0; i < ${#modes[@]}; i++ )); do  # each round starts one server later
    mode=${modes[(i + round - 1) % ${#modes[@]}]}
    step "round $round: $mode"
    extra=("${settings[@]}" GraphQL__ShareIdenticalQueries=false)
    [[ $mode != untraced ]] && extra+=("${traced[@]}")
    ng_start "$([[ $mode == also ]] && echo "$also" || echo "$app")" "$conn" "${extra[@]}"
    for kind in $kinds; do
      (cd "$work/peers" && BODY_FILE=$work/$kind.ndjson wrk -t2 -c32 -d"${warm}s" -s varied/rotate.lua "http://127.0.0.1:$port/graphql" >/dev/null 2>&1) || true
    done
    for kind in $kinds; do
      line=$(cd "$work/peers" && SERVER_PIDS=$server_pid ./bench.sh "http://127.0.0.1:$port/graphql" "$work/$kind.ndjson" \
        -c 32 -d "$dur" -w 3 -t 2 -l "round=$round mode=$mode kind=$kind" 2>>"$work/bench.log")
      printf '%s\n   load1=%s\n' "$line" "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$results"
    done
    ng_stop
  done
done
sink_stop
cat "$work/otlp-sink.log"

step "server CPU per request, traced / untraced ($provider, n=$size, c=32)"
python3 - "$results" <<'EOF'
import re, sys
cost = {}
for label, cpu in re.findall(r"^(round=.*?) c=32.*\n\s+cpu.*srv\+db_cpu/req=([\d.]+)ms", open(sys.argv[1]).read(), re.M):
    kv = dict(p.split("=") for p in label.split())
    cost[(int(kv["round"]), kv["kind"], kv["mode"])] = float(cpu)
kinds = ["front", "article", "search"]
for mode in sorted({key[2] for key in cost} - {"untraced"}, reverse=True):
    print(f"\n{mode} (--also: the other build, traced)\n" if mode == "also" else "")
    print("| round | " + " | ".join(f"{k} {mode} / untraced" for k in kinds) + " |")
    print("|---|" + "---|" * len(kinds))
    for r in sorted({key[0] for key in cost}):
        cells = []
        for k in kinds:
            t, u = cost.get((r, k, mode)), cost.get((r, k, "untraced"))
            cells.append(f"{t:.3f} / {u:.3f} ms ({t / u:.2f}x)" if t and u else "-")
        print(f"| {r} | " + " | ".join(cells) + " |")
EOF
