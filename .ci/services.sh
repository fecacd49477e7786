#!/usr/bin/env bash
# Private PostgreSQL 15 and Redis instances for the tests and benchmarks, on loopback ports, in a
# folder of their own (Debian's packages, installed when missing).
#
#   .ci/services.sh start DIR    start both; prints the settings to export (eval "$(... start DIR)")
#   .ci/services.sh stop DIR     stop what `start DIR` started (by the PIDs it wrote)
#   .ci/services.sh pg-stop DIR / pg-start DIR / redis-stop DIR / redis-start DIR
#                                stop or start one of them (the fault tests of the two-instance check)
#
# PGPORT (default 55432) and REDIS_PORT (default 56379) pick the ports. PostgreSQL trusts loopback
# connections (a throwaway cluster); Redis listens on loopback only, without persistence.
set -euo pipefail

cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop|pg-start|pg-stop|redis-start|redis-stop DIR" >&2; exit 2; }
pg_port=${PGPORT:-55432}
redis_port=${REDIS_PORT:-56379}
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}

install_missing() {
  local missing=()
  [ -x "$pg_bin/postgres" ] || missing+=(postgresql-15 postgresql-contrib)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# initdb and postgres refuse to run as root: run them as the package's postgres user then.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  local data=$dir/pg/data
  if [ ! -d "$data" ]; then
    mkdir -p "$dir/pg"
    if [ "$(id -u)" = 0 ]; then
      chmod o+x "$dir"   # mktemp's 0700 would keep the postgres user out
      chown postgres:postgres "$dir/pg"
      if ! runuser -u postgres -- test -x "$dir/pg"; then
        echo "services.sh: the postgres user cannot reach $dir/pg; give DIR a parent it can enter (mktemp -d makes one)" >&2
        return 1
      fi
    fi
    as_pg "$pg_bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    cat >> "$data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $pg_port
unix_socket_directories = '$dir/pg'
max_connections = 300
fsync = on
logging_collector = off
EOF
  fi
  as_pg "$pg_bin/pg_ctl" -D "$data" -l "$dir/pg/postgres.log" -w -t 60 start >/dev/null
}

pg_stop() {
  [ -f "$dir/pg/data/postmaster.pid" ] || return 0
  as_pg "$pg_bin/pg_ctl" -D "$dir/pg/data" -m fast -w stop >/dev/null
}

redis_start() {
  mkdir -p "$dir/redis"
  redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --daemonize yes \
    --dir "$dir/redis" --pidfile "$dir/redis/redis.pid" --logfile "$dir/redis/redis.log" >/dev/null
  for _ in $(seq 1 50); do
    redis-cli -p "$redis_port" ping >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "redis did not start" >&2
  return 1
}

redis_stop() {
  [ -f "$dir/redis/redis.pid" ] || return 0
  local pid
  pid=$(cat "$dir/redis/redis.pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  rm -f "$dir/redis/redis.pid"
}

case "$cmd" in
  start)
    install_missing
    pg_start
    redis_start
    echo "export NEWSGRAPH_TEST_POSTGRES='Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres'"
    echo "export NEWSGRAPH_TEST_REDIS='127.0.0.1:$redis_port'"
    ;;
  stop)
    redis_stop
    pg_stop
    ;;
  pg-start) pg_start ;;
  pg-stop) pg_stop ;;
  redis-start) redis_start ;;
  redis-stop) redis_stop ;;
  *) echo "usage: $0 start|stop|pg-start|pg-stop|redis-start|redis-stop DIR" >&2; exit 2 ;;
esac
