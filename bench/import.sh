#!/usr/bin/env bash
# Bulk NDJSON import benchmark (issues 4 and 15): a dataset of N stories from ../shared/tools/dataset
# into a fresh database, with wall time and peak memory; then an import killed with SIGKILL
# part-way, checked for whole articles only, and run again to completion.
#   bench/import.sh [--provider sqlite|postgresql] [N]    (default sqlite, 100000; datasets are generated once under $NG_DATA)
# With postgresql, the databases go to the server NEWSGRAPH_TEST_POSTGRES names (a connection string
# to a database of it, with the right to create databases), or, without it, to a private server that
# .ci/services.sh starts for the run (PGPORT, REDIS_PORT pick its ports) and stops afterwards; the
# server's CPU is printed then too, and the time the search backlog the import leaves takes to index.
set -euo pipefail
cd "$(dirname "$0")/.."
provider=sqlite
if [[ ${1:-} == --provider ]]; then provider=${2,,}; shift 2; fi
[[ $provider == sqlite || $provider == postgresql ]] || { echo "usage: bench/import.sh [--provider sqlite|postgresql] [N]" >&2; exit 2; }
n=${1:-100000}
data=${NG_DATA:-/tmp/ng-data}/n$n
work=$(mktemp -d)
services="" server=""
cleanup() {
  if [[ -n $server ]]; then
    for db in ng_import_bench ng_import_killed; do psql "$server" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; done
  fi
  if [[ -n $services ]]; then .ci/services.sh stop "$services" && rm -rf "$services"; fi
  rm -rf "$work"
}
trap cleanup EXIT

[ -f "$data/manifest.json" ] || python3 "${SHARED_DIR:-../shared}/tools/dataset/gen-dataset.py" "$n" "$data" >/dev/null
dotnet build -c Release src/NewsGraph.Api -v quiet -nologo >/dev/null
app=src/NewsGraph.Api/bin/Release/net10.0/NewsGraph.Api.dll
export DOTNET_ENVIRONMENT=Production Logging__LogLevel__Default=Warning

if [[ $provider == postgresql ]]; then
  if [[ -z ${NEWSGRAPH_TEST_POSTGRES:-} ]]; then
    services=$(mktemp -d)   # not under $work: the postgres user must be able to enter its parent
    exports=$(.ci/services.sh start "$services")
    eval "$exports"
  fi
  # psql takes key=value pairs; Npgsql's connection string is Key=Value;...
  server=$(tr ';' ' ' <<< "$NEWSGRAPH_TEST_POSTGRES" | sed -E 's/\bHost=/host=/I; s/\bPort=/port=/I; s/\bUsername=/user=/I; s/\bPassword=/password=/I; s/\bDatabase=/dbname=/I')
  export Database__Provider=PostgreSQL
  Auth__SigningKey=$(head -c 48 /dev/urandom | base64 -w0)
  export Auth__SigningKey
fi

# A fresh database of the run, migrated, as a connection string: a SQLite file in $work, or a PostgreSQL database.
fresh() {
  if [[ $provider == sqlite ]]; then
    echo "Data Source=$work/$1.db"
    return
  fi
  psql "$server" -qc "DROP DATABASE IF EXISTS ng_import_$1 WITH (FORCE)" -c "CREATE DATABASE ng_import_$1" >/dev/null 2>&1
  local news
  news=$(sed -E "s/(^|;)Database=[^;]*//I; s/;*$/;Database=ng_import_$1/" <<< "$NEWSGRAPH_TEST_POSTGRES")
  ConnectionStrings__News=$news dotnet "$app" migrate >/dev/null
  echo "$news"
}

# Runs SQL on a database of the run; rows as text, columns separated by |.
# writable_schema: Python's SQLite may be older than 3.44 and unable to parse the search view's
# group_concat(... ORDER BY ...); with it on, SQLite skips what it cannot parse instead of failing.
query() {
  if [[ $provider == sqlite ]]; then
    python3 -c 'import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
db.execute("PRAGMA writable_schema=ON")
for row in db.execute(sys.argv[2]): print("|".join(map(str, row)))' "$work/$1.db" "$2"
  else
    psql "$server dbname=ng_import_$1" -AtXc "$2"
  fi
}

# How many articles the killed database has, and how many of them lack a byline, image or quote of the files.
check() {
  query killed 'select a."Id", (select count(*) from "Bylines" b where b."ArticleId" = a."Id"),
      (select count(*) from "ArticleImages" i where i."ArticleId" = a."Id"), (select count(*) from "Quotes" q where q."ArticleId" = a."Id")
      from "Articles" a' > "$work/articles.txt"
  python3 - "$work/articles.txt" "$data" "$1" <<'PY'
import json, sys
rows, data, when = sys.argv[1], sys.argv[2], sys.argv[3]
expected = {}
for name, column in (("images.ndjson", "images"), ("quotes.ndjson", "quotes")):
    for line in open(f"{data}/{name}", encoding="utf-8"):
        row = json.loads(line)
        expected.setdefault(row["article_id"], {"images": 0, "quotes": 0, "authors": 0})[column] += 1
for line in open(f"{data}/articles.ndjson", encoding="utf-8"):
    row = json.loads(line)
    expected.setdefault(row["id"], {"images": 0, "quotes": 0, "authors": 0})["authors"] = len(row["author_ids"])
rows = [tuple(map(int, line.split("|"))) for line in open(rows) if line.strip()]
half = [r for r in rows if (r[1], r[2], r[3]) != (expected[r[0]]["authors"], expected[r[0]]["images"], expected[r[0]]["quotes"])]
print(f"articles {when}: {len(rows)}, of which lacking a byline, image or quote of the files: {len(half)}")
PY
}

echo "== import of $data into a fresh $provider database"
news=$(fresh bench)
pm=""
if [[ -n $services ]]; then pm=$(head -1 "$services/pg/data/postmaster.pid"); fi
server_cpu() { if [[ -n $pm ]]; then awk '{print $16 + $17}' "/proc/$pm/stat"; else echo 0; fi; }
cpu=$(server_cpu)
ConnectionStrings__News=$news /usr/bin/time -v dotnet "$app" import "$data" 2> "$work/time.txt" | tail -2
grep -E "Maximum resident set size|Elapsed \(wall clock\)|User time|System time" "$work/time.txt"
server_cpu_since() { awk -v a="$1" -v b="$(server_cpu)" -v t="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", (b - a) / t }'; }
if [[ -n $pm ]]; then echo "PostgreSQL's CPU (its backends): $(server_cpu_since "$cpu") s"; fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
# The stories the load queued for the search index (Import:SearchIndexing=Backlog), indexed as a
# server would, but in the foreground: how long search lags the load.
echo "== the search backlog the import left, worked off by \`search-index\`"
cpu=$(server_cpu)
ConnectionStrings__News=$news /usr/bin/time -f "search-index wall time %e s, its own CPU %U+%S s, peak RSS %M KB" dotnet "$app" search-index | tail -1
if [[ -n $pm ]]; then echo "PostgreSQL's CPU (its backends): $(server_cpu_since "$cpu") s"; fi
if [[ $provider == postgresql ]]; then
  echo "index rows: $(query bench 'select count(*) from "ArticleSearch"') of $(query bench 'select count(*) from "Articles"') stories"
fi

echo "== the same import killed with SIGKILL part-way, then run again"
killed=$(fresh killed)
ConnectionStrings__News=$killed dotnet "$app" import "$data" > "$work/killed.log" 2>&1 &
pid=$!
until [[ $(query killed 'select count(*) from "Articles"' 2>/dev/null || echo 0) -ge $(( n * 4 / 10 )) ]]; do
  kill -0 "$pid" 2>/dev/null || { echo "the import ended before it could be killed:" >&2; cat "$work/killed.log" >&2; exit 1; }
  sleep 0.05
done
kill -9 "$pid"; wait "$pid" 2>/dev/null || true
if [[ $provider == sqlite ]]; then echo "integrity_check: $(query killed 'pragma integrity_check')"; fi
check "after SIGKILL"
ConnectionStrings__News=$killed dotnet "$app" import "$data" | tail -2
check "after the re-run"
counts=""
for t in Articles Bylines Images ArticleImages Quotes People Feedback; do counts+="$t $(query killed "select count(*) from \"$t\""), "; done
echo "rows after the re-run: ${counts%, }"
echo "rows in the files: $(python3 -c 'import json, sys; print(", ".join(k + " " + str(v["rows"]) for k, v in json.load(open(sys.argv[1]))["files"].items()))' "$data/manifest.json")"
