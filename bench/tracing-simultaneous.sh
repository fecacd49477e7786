# Sourced by bench/tracing-ab.sh --simultaneous: the traced and the untraced server (one build, one
# database) run at the same time, each loaded by a wrk of its own with the same request bodies at
# the same concurrency, started together; each server's CPU is read from /proc/PID/stat over the
# same window. The other tenants' load then falls on both servers alike, which a sequential A/B
# (one server after the other) cannot promise on a shared 2-core machine.
# Expects what tracing-ab.sh has set: $app $conn $work $kinds $rounds $warm $dur $conc $windows,
# the arrays settings and traced, and servers.sh's ng_start.

sim_pids=()

sim_stop() {
  local pid
  for pid in "${sim_pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  sim_pids=()
}

sim_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12+$13}'; }

# sim_jit_ticks PID: CPU of the runtime's tiered compilation thread, which re-JITs hot methods at
# tier 1; while it is busy the server has not reached its steady speed (docs/benchmarks.md).
sim_jit_ticks() {
  local t=0 task
  for task in /proc/"$1"/task/*; do
    [[ $(cat "$task/comm" 2>/dev/null) == ".NET Tiered Com"* ]] && t=$(( t + $(sed 's/.*) //' "$task/stat" | awk '{print $12+$13}') ))
  done
  echo "$t"
}

# sim_load KIND SECONDS PORT... : one wrk a port, all started together, the first port first.
sim_load() {
  local kind=$1 secs=$2 p loaders=()
  for p in "${@:3}"; do
    (cd "$work/peers" && BODY_FILE=$work/$kind.ndjson exec wrk -t1 -c"$conc" -d"${secs}s" --timeout 10s \
      -s varied/rotate.lua "http://127.0.0.1:$p/graphql" > "$work/sim-$p.out" 2>&1) &
    loaders+=($!)
  done
  wait "${loaders[@]}"
}

# sim_requests PORT: requests and bad responses of the last sim_load on PORT.
sim_requests() {
  grep '^WRKRESULT' "$work/sim-$1.out" | tr ' ' '\n' |
    awk -F= '$1=="requests"{n=$2} $1=="duration_us"{d=$2} {if($1=="status"||$1=="bad"||$1=="timeout"||$1=="connect"||$1=="read"||$1=="write") e+=$2} END{printf "%d %d %d", n, d, e}'
}

simultaneous_run() {
  local hz round w kind first second tport uport t0 u0 t1 u1 tj0 uj0 tj1 uj1 tn td te un ud ue
  hz=$(getconf CLK_TCK)
  : > "$work/sim-results.txt"
  trap 'sim_stop; stop_all' EXIT
  for round in $(seq 1 "$rounds"); do
    # The ports and which server starts (and is loaded) first swap from round to round.
    if (( round % 2 )); then tport=5241 uport=5242; else tport=5242 uport=5241; fi
    step "round $round: traced on $tport, untraced on $uport, started together"
    port=$tport; ng_start "$app" "$conn" "${settings[@]}" GraphQL__ShareIdenticalQueries=false "${traced[@]}"; sim_pids+=("$server_pid")
    port=$uport; ng_start "$app" "$conn" "${settings[@]}" GraphQL__ShareIdenticalQueries=false; sim_pids+=("$server_pid")
    server_pid=""
    local tpid=${sim_pids[-2]} upid=${sim_pids[-1]}
    for kind in $kinds; do sim_load "$kind" "$warm" "$tport" "$uport"; done
    for w in $(seq 1 "$windows"); do
      for kind in $kinds; do
        if (( (w + round) % 2 )); then first=$uport second=$tport; else first=$tport second=$uport; fi
        t0=$(sim_ticks "$tpid"); u0=$(sim_ticks "$upid"); tj0=$(sim_jit_ticks "$tpid"); uj0=$(sim_jit_ticks "$upid")
        sim_load "$kind" "$dur" "$first" "$second"
        t1=$(sim_ticks "$tpid"); u1=$(sim_ticks "$upid"); tj1=$(sim_jit_ticks "$tpid"); uj1=$(sim_jit_ticks "$upid")
        read -r tn td te <<< "$(sim_requests "$tport")"
        read -r un ud ue <<< "$(sim_requests "$uport")"
        printf 'round=%s window=%s kind=%s first=%s traced_ticks=%s traced_requests=%s traced_us=%s traced_errors=%s untraced_ticks=%s untraced_requests=%s untraced_us=%s untraced_errors=%s traced_jit_ticks=%s untraced_jit_ticks=%s hz=%s load1=%s\n' \
          "$round" "$w" "$kind" "$([[ $first == "$tport" ]] && echo traced || echo untraced)" \
          $((t1 - t0)) "$tn" "$td" "$te" $((u1 - u0)) "$un" "$ud" "$ue" $((tj1 - tj0)) $((uj1 - uj0)) "$hz" "$(cut -d' ' -f1 /proc/loadavg)" |
          tee -a "$work/sim-results.txt" >&2
      done
    done
    sim_stop
  done
  python3 "$root/bench/tracing-simultaneous.py" "$work/sim-results.txt" "$conc"
}
