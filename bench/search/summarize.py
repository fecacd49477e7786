#!/usr/bin/env python3
"""Markdown summary of a bench/search.sh results file, with the issue 18 goals checked against it.

    python3 bench/search/summarize.py /tmp/ng-search-bench/results.txt
"""
import re
import sys

LINE = re.compile(r"^(?P<label>.+?) c=(?P<c>\d+) d=\S+ rps=(?P<rps>[\d.]+) p50=(?P<p50>[\d.]+)ms p99=(?P<p99>[\d.]+)ms errors=(?P<errors>\d+)")
CPU = re.compile(r"srv\+db_cpu/req=(?P<cpu>[\d.]+)ms")

runs, last = {}, None
for raw in open(sys.argv[1], encoding="utf-8"):
    m = LINE.match(raw.strip())
    if m:
        last = (m["label"], int(m["c"]))
        runs[last] = {k: float(m[k]) for k in ("rps", "p50", "p99", "errors")}
    elif last and (c := CPU.search(raw)):
        runs[last]["cpu"] = float(c["cpu"])

print("| run | c | req/s | p50 ms | p99 ms | errors | CPU ms/req |")
print("|---|---|---|---|---|---|---|")
for (label, c), r in runs.items():
    print(f"| {label} | {c} | {r['rps']:.0f} | {r['p50']:.2f} | {r['p99']:.2f} | {r['errors']:.0f} | {r.get('cpu', float('nan')):.2f} |")


def find(prefix, suffix, c):
    return next((r for (label, cc), r in runs.items() if label.startswith(prefix) and label.endswith(suffix) and cc == c), None)


print()
plain1, facets1 = find("newsgraph", " search", 1), find("newsgraph", "search-facets", 1)
plain32, facets32 = find("newsgraph", " search", 32), find("newsgraph", "search-facets", 32)
peer32 = find("postgraphile", "headline-includes", 32)
if plain1:
    print(f"- c=1 p50 {plain1['p50']:.2f} ms (goal <= 15): {'met' if plain1['p50'] <= 15 else 'MISSED'}")
if plain32 and peer32:
    ratio = plain32["rps"] / peer32["rps"]
    print(f"- c=32 {plain32['rps']:.0f} / {peer32['rps']:.1f} req/s = {ratio:.1f}x PostGraphile (goal >= 20x): {'met' if ratio >= 20 else 'MISSED'}")
for c, plain, facets in ((1, plain1, facets1), (32, plain32, facets32)):
    if plain and facets:
        ratio = facets["p50"] / plain["p50"]
        print(f"- c={c} p50 with facets {facets['p50']:.2f} / without {plain['p50']:.2f} ms = {ratio:.2f}x (goal <= 2x): {'met' if ratio <= 2 else 'MISSED'}")
