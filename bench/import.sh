#!/usr/bin/env bash
# Bulk NDJSON import benchmark (issue 4): a dataset of N stories from ../shared/tools/dataset into a
# fresh SQLite file, with wall time and peak memory; then an import killed with SIGKILL part-way,
# checked for whole articles only, and run again to completion.
#   bench/import.sh [N]            (default 100000; datasets are generated once under $NG_DATA)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
data=${NG_DATA:-/tmp/ng-data}/n$n
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -f "$data/manifest.json" ] || python3 "${SHARED_DIR:-../shared}/tools/dataset/gen-dataset.py" "$n" "$data" >/dev/null
dotnet build -c Release src/NewsGraph.Api -v quiet -nologo >/dev/null
app=src/NewsGraph.Api/bin/Release/net10.0/NewsGraph.Api.dll
export DOTNET_ENVIRONMENT=Production Logging__LogLevel__Default=Warning

echo "== import of $data into a fresh database"
ConnectionStrings__News="Data Source=$work/news.db" /usr/bin/time -v dotnet "$app" import "$data" 2> "$work/time.txt" | tail -1
grep -E "Maximum resident set size|Elapsed \(wall clock\)" "$work/time.txt"

echo "== the same import killed with SIGKILL part-way, then run again"
ConnectionStrings__News="Data Source=$work/killed.db" dotnet "$app" import "$data" > "$work/killed.log" 2>&1 &
pid=$!
python3 - "$work/killed.db" "$n" <<'PY'
import sqlite3, sys, time
db, n = sys.argv[1], int(sys.argv[2])
while True:
    try:
        count = sqlite3.connect(f"file:{db}?mode=ro", uri=True).execute('select count(*) from "Articles"').fetchone()[0]
        if count >= n * 0.4:
            break
    except sqlite3.Error:
        pass
    time.sleep(0.05)
PY
kill -9 "$pid"; wait "$pid" 2>/dev/null || true
python3 - "$work/killed.db" "$data" <<'PY'
import json, sqlite3, sys
db, data = sys.argv[1], sys.argv[2]
expected = {}
for name, column in (("images.ndjson", "images"), ("quotes.ndjson", "quotes")):
    for line in open(f"{data}/{name}", encoding="utf-8"):
        row = json.loads(line)
        expected.setdefault(row["article_id"], {"images": 0, "quotes": 0, "authors": 0})[column] += 1
for line in open(f"{data}/articles.ndjson", encoding="utf-8"):
    row = json.loads(line)
    expected.setdefault(row["id"], {"images": 0, "quotes": 0, "authors": 0})["authors"] = len(row["author_ids"])
c = sqlite3.connect(db)
print("integrity_check:", c.execute("pragma integrity_check").fetchone()[0])
rows = c.execute('''select a."Id", (select count(*) from "Bylines" b where b."ArticleId" = a."Id"),
    (select count(*) from "ArticleImages" i where i."ArticleId" = a."Id"), (select count(*) from "Quotes" q where q."ArticleId" = a."Id")
    from "Articles" a''').fetchall()
half = [r for r in rows if (r[1], r[2], r[3]) != (expected[r[0]]["authors"], expected[r[0]]["images"], expected[r[0]]["quotes"])]
print(f"articles after SIGKILL: {len(rows)}, of which incomplete: {len(half)}")
PY
ConnectionStrings__News="Data Source=$work/killed.db" dotnet "$app" import "$data" | tail -1
python3 - "$work/killed.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print("after the re-run:", {t: c.execute(f'select count(*) from "{t}"').fetchone()[0] for t in ("Articles", "Bylines", "Images", "ArticleImages", "Quotes", "People", "Feedback")})
PY
