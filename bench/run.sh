#!/usr/bin/env bash
# The read/write benchmark of docs/benchmarks.md, every figure of one run taken on the same machine
# minutes apart: NewsGraph (Release) on the 10k and 100k datasets, on SQLite or PostgreSQL, beside
# PostGraphile 5 on PostgreSQL with the same data (--peer), under wrk at concurrency 1 and 32.
#
#   bench/run.sh [--provider "sqlite postgresql"] [--peer] [--sizes "10000 100000"] [--duration 15]
#                [--concurrency "1 32"] [--baseline GIT_REF] [--tracing] [--no-hot] [--no-floor]
#
# Varied traffic is the headline: every request asks for something else, as readers do. Bodies come
# from ../shared/tools/peers/varied/make-bodies.py with one seed for both servers' templates, so both
# ask for the same things in the same order: (a) front pages of every section in turn, (b) article
# pages of 1,000 published slugs, (c) headline search for 150 words; (d) submits one feedback body.
# NewsGraph serves varied traffic with GraphQL:ShareIdenticalQueries off, so no request is answered
# by another's execution. The single-body runs of (a)-(c) follow as the hot-page case (one page read
# by everyone at once), with the server's defaults.
# Every row has CPU ms per request: the server's plus the database's (PostgreSQL's postmaster and
# backends); on SQLite the database runs inside the server.
# With --peer, PostGraphile runs beside NewsGraph for the whole dataset, and each NewsGraph measurement
# is followed at once by PostGraphile's on the same kind of bodies ("postgraphile with-PROVIDER"), so a
# ratio never compares two different minutes of this shared machine (run-to-run drift here reaches 25%).
# --provider postgresql runs NewsGraph on the cluster PostGraphile uses (the peer harness's
#   pg-cluster.sh, 127.0.0.1:54329), its own database beside PostGraphile's, filled by its bulk import.
# --baseline REF also publishes REF (say cf12723, before the issue-14 refactor) and runs the same
#   varied benchmark against it on SQLite, in the same run.
# --tracing also runs the varied reads with OpenTelemetry exporting to a local OTLP sink
#   (bench/otlp-sink.py), to measure what tracing costs per request.
# Also recorded: SQL statements per request for each operation at two page sizes, the server's peak
# memory, and for (d) a durability check (the server killed with SIGKILL after the c=32 run; every
# accepted feedback must be stored). Processes are stopped by the PIDs they were started with.
# QUIET_WAIT=S (read by bench.sh; default 30) waits up to S seconds before each measurement for the
# machine to be idle; the load average before each run is recorded beside it either way. Before each
# server's pass, PostgreSQL's upkeep (VACUUM ANALYZE of every database: after the loads, and after the
# other server's feedback writes) is done then, so that autovacuum does not run inside a measurement
# and count as the next server's database CPU.
# Needs: the .NET SDK, python3, wrk (installed from Debian if missing), ../shared/tools (SHARED_DIR);
# PostgreSQL 15 and Node for --peer and --provider postgresql (../shared/tools/peers/README.md).
# Generated files go under $NG_BENCH (default /tmp/ng-bench-run) and $NG_DATA (/tmp/ng-data).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared=${SHARED_DIR:-$root/../shared}
work=${NG_BENCH:-/tmp/ng-bench-run}
data=${NG_DATA:-/tmp/ng-data}
sizes="10000 100000" providers=sqlite peer=0 dur=15 concs="1 32" warm=10 baseline="" tracing=0 hot=1 floor=1
usage() { sed -n 6,7p "$0" | sed 's/^# *//' >&2; exit 2; }
while (( $# )); do
  case $1 in
    --provider) providers=${2//,/ }; shift ;;
    --peer) peer=1 ;;
    --sizes) sizes=$2; shift ;;
    --duration) dur=$2; shift ;;
    --concurrency) concs=$2; shift ;;
    --baseline) baseline=$2; shift ;;
    --tracing) tracing=1 ;;
    --no-hot) hot=0 ;;
    --no-floor) floor=0 ;;
    *) usage ;;
  esac
  shift
done
for p in $providers; do [[ $p == sqlite || $p == postgresql ]] || usage; done

port=5200 url=http://127.0.0.1:5200/graphql pgl_url=http://127.0.0.1:5678/graphql
source "$root/bench/servers.sh"
trap stop_all EXIT
step() { printf '\n=== %s (load %s)\n' "$*" "$(cut -d' ' -f1-3 /proc/loadavg)" >&2; }

mkdir -p "$work" "$data"
rm -rf "$work/peers" && cp -r "$shared/tools/peers" "$work/peers" && chmod -R u+w "$work/peers"
# bench.sh sums the CPU of the postmaster and its live children; a backend that exits inside the
# window (PostGraphile's pool closes connections idle for 10 s) took its CPU out of the sum, so the
# database's share came out low or negative. The postmaster's reaped children (cutime, cstime) keep it.
if grep -q "awk '{print \$12+\$13}'" "$work/peers/bench.sh"; then
  sed -i "s/awk '{print \$12+\$13}'/awk '{print \$12+\$13+\$14+\$15}'/" "$work/peers/bench.sh"
else
  echo "bench.sh's CPU sum has changed; exited PostgreSQL backends may be missing from the database's CPU" >&2
fi
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 CHECK=${CHECK:-1}
results=$work/results.txt
: > "$results"
record() { echo "$1" | tee -a "$results"; }
signing_key=$(head -c 48 /dev/urandom | base64 -w0)   # PostgreSQL needs one shared key; a fresh one per run
max_conc=$(tr ' ' '\n' <<< "$concs" | sort -n | tail -1)

declare -A NG_OP=([a]=ng-a-front-page [b]=ng-b-article-page [c]=ng-c-search [d]=ng-d-submit-feedback)
declare -A PGL_OP=([a]=pgl-a-front-page [b]=pgl-b-article-page [c]=pgl-c-search [d]=pgl-d-create-feedback)
declare -A VARY=([a]="section section" [b]="slug slug" [c]="word word")

# The request bodies of one operation: varied (.ndjson, a/b/c) or the single hot-page body.
body() {  # body ng|pgl OP MODE N
  if [[ $3 == varied && $2 != d ]]; then echo "$work/bodies/n$4/$1-$2.ndjson"
  elif [[ $1 == ng ]]; then echo "$root/bench/queries/${NG_OP[$2]}.json"
  else echo "$work/peers/queries/${PGL_OP[$2]}.json"; fi
}

make_bodies() {  # make_bodies N: the same values, in the same order, for both servers' templates
  local dir=$work/bodies/n$1 op
  mkdir -p "$dir"
  for op in a b c; do
    read -r var kind <<< "${VARY[$op]}"
    [[ -f $dir/ng-$op.ndjson ]] || python3 "$work/peers/varied/make-bodies.py" "$data/n$1" "$root/bench/queries/${NG_OP[$op]}.json" "$var" "$kind" "$dir/ng-$op.ndjson" --seed 7 >&2
    [[ -f $dir/pgl-$op.ndjson ]] || python3 "$work/peers/varied/make-bodies.py" "$data/n$1" "$work/peers/queries/${PGL_OP[$op]}.json" "$var" "$kind" "$dir/pgl-$op.ndjson" --seed 7 >&2
  done
}

export QUIET_WAIT=${QUIET_WAIT:-30}

settle() {  # before a pass: PostgreSQL's upkeep now, not during a measurement
  [[ -n ${pgc:-} ]] && "$pgc" status >/dev/null 2>&1 || return 0
  local db
  for db in $(pg_sql postgres "select datname from pg_database where datallowconn and datname <> 'template1'"); do
    pg_sql "$db" 'VACUUM (ANALYZE)' >/dev/null
  done
}

warm_up() {  # warm_up URL BODY...: tiered JIT settles before anything is measured
  local target=$1 f script
  for f in "${@:2}"; do
    script=post.lua; [[ $f == *.ndjson ]] && script=varied/rotate.lua
    (cd "$work/peers" && BODY_FILE=$f wrk -t2 -c32 -d${warm}s -s "$script" "$target" >/dev/null 2>&1) || true
  done
}

peak=0
measure() {  # measure LABEL URL BODY CONC SERVER_PIDS [DB_PPID]
  local load line
  load=$(cut -d' ' -f1 /proc/loadavg)
  if line=$(cd "$work/peers" && SERVER_PIDS=$5 DB_PPID=${6:-} ./bench.sh "$2" "$3" -c "$4" -d "$dur" -w 3 -t 2 -l "$1" 2>>"$work/bench.log"); then
    record "$line"$'\n'"   load1=$load"
  else
    record "FAILED: $1 c=$4 (see $work/bench.log)"
  fi
  if [[ -n $server_pid && -r /proc/$server_pid/status ]]; then
    local hwm; hwm=$(awk '/VmHWM/{print $2}' "/proc/$server_pid/status"); (( hwm > peak )) && peak=$hwm
  fi
  return 0
}

# newsgraph_pass SERVER PROVIDER N MODE APP CONNECTION DB_PPID [NAME=VALUE...]
# One server start: varied (a)-(d), sharing identical queries off, with the durability check after
# (d) at the highest concurrency; or the hot-page (a)-(c) with the defaults.
newsgraph_pass() {
  local who=$1 provider=$2 n=$3 mode=$4 app=$5 conn=$6 dbp=$7 ops="a b c d" c op before after accepted errors line
  local settings=("${@:8}")
  [[ $mode == hot ]] && ops="a b c"
  [[ $mode == varied ]] && settings+=(GraphQL__ShareIdenticalQueries=false)
  [[ $who == traced ]] && ops="a b c"
  step "$who on $provider, n=$n, $mode"
  settle
  ng_start "$app" "$conn" "${settings[@]}"
  warm_up "$url" $(for op in $ops; do body ng "$op" "$mode" "$n"; done)
  (( peer )) && [[ $who == newsgraph ]] && warm_up "$pgl_url" $(for op in $ops; do body pgl "$op" "$mode" "$n"; done)
  for c in $concs; do
    for op in $ops; do
      [[ $op == d && $c == "$max_conc" && $who == newsgraph ]] && before=$(feedback_rows "$provider" "$n" "${conn#Data Source=}")
      measure "$who $provider n=$n $op $mode" "$url" "$(body ng "$op" "$mode" "$n")" "$c" "$server_pid" "$dbp"
      if [[ $op == d && $c == "$max_conc" && $who == newsgraph ]]; then
        line=$(grep "^$who $provider n=$n d $mode c=$c " "$results" | tail -1)
        accepted=$(grep -o 'requests=[0-9]*' <<< "$line" | cut -d= -f2)
        errors=$(grep -o 'errors=[0-9]*' <<< "$line" | head -1 | cut -d= -f2)
        ng_kill9
        after=$(feedback_rows "$provider" "$n" "${conn#Data Source=}")
        record "durability $provider n=$n: ${accepted:-?} feedback accepted with ${errors:-?} errors, $(( after - before )) new rows after kill -9: $([[ ${errors:-1} == 0 && $(( after - before )) -ge ${accepted:-1} ]] && echo ok || echo LOST)"
        ng_start "$app" "$conn" "${settings[@]}"
      fi
      # PostGraphile right after, on the same bodies: both servers' figures come from the same minute.
      if (( peer )) && [[ $who == newsgraph ]]; then
        measure "postgraphile with-$provider n=$n $op $mode" "$pgl_url" "$(body pgl "$op" "$mode" "$n")" "$c" "$pgl_pid" "$(postmaster_pid)"
      fi
    done
  done
  ng_stop
}

step "publish NewsGraph (Release) and the in-process bench tool"
dotnet publish src/NewsGraph.Api -c Release -o "$work/app" -v quiet -nologo >/dev/null
dotnet build bench/NewsGraph.Bench -c Release -v quiet -nologo >/dev/null
if [[ -n $baseline ]]; then
  step "publish the baseline $baseline"
  rm -rf "$work/base-src" "$work/base-app" && mkdir -p "$work/base-src"
  git archive "$baseline" | tar -x -C "$work/base-src"
  dotnet publish "$work/base-src/src/NewsGraph.Api" -c Release -o "$work/base-app" -v quiet -nologo >/dev/null
  record "baseline: $(git log -1 --format='%h %s' "$baseline")"
fi
record "current: $(git log -1 --format='%h %s')$(git diff --quiet HEAD -- src || echo ' (with uncommitted changes)')"

if (( floor )); then
  step "HTTP floor: ASP.NET Core minimal API, fixed 2 KB JSON"
  floor_start
  for c in $concs; do measure "floor" http://127.0.0.1:5680/graphql "$work/peers/queries/pgl-a-front-page.json" "$c" "$floor_pid"; done
  floor_stop
fi

for n in $sizes; do
  step "dataset n=$n"
  [[ -f $data/n$n/manifest.json ]] || python3 "$shared/tools/dataset/gen-dataset.py" "$n" "$data/n$n" >/dev/null
  make_bodies "$n"
  [[ " $providers " == *" postgresql "* ]] || (( peer )) && pg_up
  (( peer )) && pgl_start "$n"
  for provider in $providers; do
    if [[ $provider == sqlite ]]; then
      db=$work/n$n.db conn="Data Source=$work/n$n.db" dbp="" extra=()
      ng_sqlite_import "$work/app" "$db" "$n"
    else
      db=$(ng_pg_connection "$n") conn=$(ng_pg_connection "$n") dbp=$(postmaster_pid) extra=(Database__Provider=PostgreSQL "Auth__SigningKey=$signing_key")
      ng_pg_import "$work/app" "$n"
    fi
    step "SQL statements per request, $provider, n=$n"
    env "${extra[@]}" dotnet run -c Release --no-build --project bench/NewsGraph.Bench -- sql "$db" bench/queries \
      > "$work/sql-$provider-n$n.txt" 2>"$work/sql-$provider-n$n.log" || record "FAILED: sql $provider n=$n (see $work/sql-$provider-n$n.log)"
    while read -r line; do record "sql $provider n=$n $line"; done < <(grep '^ng-' "$work/sql-$provider-n$n.txt")
    peak=0
    newsgraph_pass newsgraph "$provider" "$n" varied "$work/app" "$conn" "$dbp" "${extra[@]}"
    (( hot )) && newsgraph_pass newsgraph "$provider" "$n" hot "$work/app" "$conn" "$dbp" "${extra[@]}"
    record "memory $provider n=$n: server peak resident set $(( peak / 1024 )) MB"
    if (( tracing )); then
      sink_start
      newsgraph_pass traced "$provider" "$n" varied "$work/app" "$conn" "$dbp" "${extra[@]}" \
        OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318 OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf
      sink_stop
    fi
  done
  if [[ -n $baseline ]]; then
    ng_sqlite_import "$work/base-app" "$work/base-n$n.db" "$n"
    newsgraph_pass baseline sqlite "$n" varied "$work/base-app" "Data Source=$work/base-n$n.db" ""
  fi
  (( peer )) && pgl_stop
done
pg_down

step "summary"
python3 bench/summarize.py "$results" | tee "$work/summary.md"
