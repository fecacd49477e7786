#!/usr/bin/env python3
"""Checks the relevance set's judgments on the benchmark dataset against its rules, from the NDJSON
text alone (not from the search's output): for a query of plain words, every judged story must be
among the ten first of the published stories that match every word somewhere, ordered by how many
of the query's words their headline holds, newest first among equals.

  check-judgments.py DATASET_DIR tests/NewsGraph.Api.Tests/Search/RelevanceSet.json

Queries with phrases, exclusions, OR or prefixes, and those over the hand-written stories, are
listed as not checked. Words are compared after a crude plural stemming (a trailing s).
"""
import collections, json, os, re, sys

dataset, set_file = sys.argv[1:3]
articles = [json.loads(l) for l in open(os.path.join(dataset, "articles.ndjson"), encoding="utf-8")]
by_slug = {a["slug"]: a for a in articles}
extra = collections.defaultdict(str)
for name, field in (("images.ndjson", "caption"), ("quotes.ndjson", "text")):
    for line in open(os.path.join(dataset, name), encoding="utf-8"):
        row = json.loads(line)
        extra[row["article_id"]] += " " + (row[field] or "")


def words(text):
    return {w[:-1] if w.endswith("s") else w for w in re.findall(r"[a-z0-9]+", text.lower())}


failed = 0
for query in json.load(open(set_file, encoding="utf-8"))["queries"]:
    text, judged = query["query"], {j["slug"] for j in query["judged"]}
    if not judged <= by_slug.keys() or re.search(r'["*]|(^|\s)-|\bOR\b', text):
        print(f"not checked  {text}")
        continue
    terms = words(text)
    found = [a for a in articles if a["status"] == "PUBLISHED" and terms <= words(f"{a['headline']} {a['body']} {extra[a['id']]}")]
    found.sort(key=lambda a: (len(terms & words(a["headline"])), a["published_at"]), reverse=True)
    expected = {a["slug"] for a in found[:10]}
    ok = judged <= expected
    failed += not ok
    print(f"{'ok' if ok else 'DIFFERS':11}  {text}: {len(judged)} judged, {len(found)} found")
sys.exit(1 if failed else 0)
