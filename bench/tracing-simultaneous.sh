# Sourced by bench/tracing-ab.sh --simultaneous: the traced and the untraced server (one build, one
# database) run at the same time, each loaded by a wrk of its own with the same request bodies at
# the same concurrency, started together; each server's CPU is read from /proc/PID/stat over the
# same window. The other tenants' load then falls on both servers alike, which a sequential A/B
# (one server after the other) cannot promise on a shared 2-core machine. With --also, a third
# server (the other build, traced) runs beside them.
# Expects what tracing-ab.sh has set: $app $also $conn $work $root $kinds $rounds $warm $dur $conc
# $windows, the arrays settings and traced, and servers.sh's ng_start.

sim_pids=()

sim_stop() {
  local pid
  for pid in "${sim_pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  sim_pids=()
}

sim_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12+$13}'; }

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

# sim_requests PORT: requests, microseconds and bad responses of the last sim_load on PORT.
sim_requests() {
  grep '^WRKRESULT' "$work/sim-$1.out" | tr ' ' '\n' |
    awk -F= '$1=="requests"{n=$2} $1=="duration_us"{d=$2} {if($1=="status"||$1=="bad"||$1=="timeout"||$1=="connect"||$1=="read"||$1=="write") e+=$2} END{printf "%d %d %d", n, d, e}'
}

simultaneous_run() {
  local hz round w kind i n m mode line jit rq us er modes=(traced untraced ${also:+also})
  local -A ports pid t0 t1
  local -a order jits
  hz=$(getconf CLK_TCK)
  n=${#modes[@]}
  : > "$work/sim-results.txt"
  trap 'sim_stop; stop_all' EXIT
  for round in $(seq 1 "$rounds"); do
    # Ports and launch order rotate from round to round.
    for (( i = 0; i < n; i++ )); do ports[${modes[i]}]=$(( 5241 + (i + round - 1) % n )); done
    step "round $round: $(for m in "${modes[@]}"; do printf '%s on %s, ' "$m" "${ports[$m]}"; done)started together"
    for (( i = 0; i < n; i++ )); do
      mode=${modes[(i + round - 1) % n]}
      port=${ports[$mode]}  # ng_start serves on $port
      case $mode in
        traced) ng_start "$app" "$conn" "${settings[@]}" GraphQL__ShareIdenticalQueries=false "${traced[@]}" ;;
        untraced) ng_start "$app" "$conn" "${settings[@]}" GraphQL__ShareIdenticalQueries=false ;;
        also) ng_start "$also" "$conn" "${settings[@]}" GraphQL__ShareIdenticalQueries=false "${traced[@]}" ;;
      esac
      pid[$mode]=$server_pid; sim_pids+=("$server_pid"); server_pid=""
    done
    for kind in $kinds; do sim_load "$kind" "$warm" "${ports[@]}"; done
    for w in $(seq 1 "$windows"); do
      for kind in $kinds; do
        order=()  # which wrk starts first rotates from window to window
        for (( i = 0; i < n; i++ )); do order+=("${ports[${modes[(i + w + round) % n]}]}"); done
        # The tiered compilation threads' CPU tells warm-up from steady state (bench/jit-threads.py).
        python3 "$root/bench/jit-threads.py" $(for m in "${modes[@]}"; do echo "${pid[$m]}"; done) > "$work/sim-jit.out" & jit=$!
        for m in "${modes[@]}"; do t0[$m]=$(sim_ticks "${pid[$m]}"); done
        sim_load "$kind" "$dur" "${order[@]}"
        for m in "${modes[@]}"; do t1[$m]=$(sim_ticks "${pid[$m]}"); done
        kill "$jit"; wait "$jit" || true
        read -r -a jits < "$work/sim-jit.out"
        line="round=$round window=$w kind=$kind first=$(for m in "${modes[@]}"; do [[ ${ports[$m]} == "${order[0]}" ]] && echo "$m"; done; true) hz=$hz load1=$(cut -d' ' -f1 /proc/loadavg)"
        for (( i = 0; i < n; i++ )); do
          m=${modes[i]}
          read -r rq us er <<< "$(sim_requests "${ports[$m]}")"
          line+=" ${m}_ticks=$(( t1[$m] - t0[$m] )) ${m}_requests=$rq ${m}_us=$us ${m}_errors=$er ${m}_jit_ticks=${jits[i]:-0}"
        done
        echo "$line" | tee -a "$work/sim-results.txt" >&2
      done
    done
    sim_stop
  done
  python3 "$root/bench/tracing-simultaneous.py" "$work/sim-results.txt" "$conc"
}
