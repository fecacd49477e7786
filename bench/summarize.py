#!/usr/bin/env python3
"""Markdown summary of a bench/run.sh results file, with the ratios the performance goals name.

    python3 bench/summarize.py /tmp/ng-bench-run/results.txt
"""
import re
import sys

LINE = re.compile(r"^(?P<label>.+?) c=(?P<c>\d+) d=\S+ rps=(?P<rps>[\d.]+) p50=(?P<p50>[\d.]+)ms p99=(?P<p99>[\d.]+)ms errors=(?P<errors>\d+)")
CPU = re.compile(r"srv\+db_cpu/req=(?P<cpu>[\d.]+)ms")
OPS = {"a": "(a) front page", "b": "(b) article page", "c": "(c) headline contains + totalCount", "d": "(d) feedback"}
GOALS_10K = {"a": 4, "b": 4, "c": 3, "d": 2}


def parse(path):
    runs, notes, last = {}, [], None
    for raw in open(path, encoding="utf-8"):
        line = raw.rstrip("\n")
        m = LINE.match(line.strip())
        if m:
            label = m["label"].split()
            key = (label[0], label[1][2:] if len(label) > 1 else "", label[2] if len(label) > 2 else "", int(m["c"]))
            runs[key] = {k: float(m[k]) for k in ("rps", "p50", "p99")} | {"errors": int(m["errors"])}
            last = key
        elif (cm := CPU.search(line)) and last:
            runs[last]["cpu"] = float(cm["cpu"])
        elif line.startswith(("durability", "memory")):
            notes.append(line)
    return runs, notes


def main(path):
    runs, notes = parse(path)
    sizes = sorted({k[1] for k in runs if k[0] == "newsgraph"}, key=int)
    concs = sorted({k[3] for k in runs})
    print("| operation | N | conc. | NewsGraph req/s | p50 ms | p99 ms | CPU/req ms | PostGraphile req/s | ratio |")
    print("|---|---|---|---|---|---|---|---|---|")
    for server, suffix in (("newsgraph", ""), ("newsgraph-unshared", ", sharing off")):
        for n in sizes:
            for c in concs:
                for op, name in OPS.items():
                    ng = runs.get((server, n, op, c))
                    if not ng:
                        continue
                    pg = runs.get(("postgraphile", n, op, c))
                    peer = f"{pg['rps']:,.0f} | {ng['rps'] / pg['rps']:.2f}x" if pg else "- | -"
                    print(f"| {name}{suffix} | {int(n):,} | {c} | {ng['rps']:,.0f} | {ng['p50']:.2f} | {ng['p99']:.2f} | {ng.get('cpu', 0):.3f} | {peer} |")
    for c in concs:
        if (floor := runs.get(("floor", "", "", c))):
            print(f"| HTTP floor (ASP.NET Core, fixed 2 KB) | - | {c} | {floor['rps']:,.0f} | {floor['p50']:.2f} | {floor['p99']:.2f} | {floor.get('cpu', 0):.3f} | - | - |")
    print()
    for note in notes:
        print(f"- {note}")
    print()
    print("Goals:")
    for op, goal in GOALS_10K.items():
        ng, pg = runs.get(("newsgraph", "10000", op, 32)), runs.get(("postgraphile", "10000", op, 32))
        if ng and pg:
            ratio = ng["rps"] / pg["rps"]
            print(f"- N=10k c=32 {OPS[op]}: {ratio:.2f}x PostGraphile (goal {goal}x): {'met' if ratio >= goal else 'NOT met'}")
    ng, pg = runs.get(("newsgraph", "100000", "c", 32)), runs.get(("postgraphile", "100000", "c", 32))
    if ng and pg:
        ratio = ng["rps"] / pg["rps"]
        print(f"- N=100k c=32 {OPS['c']}: {ratio:.2f}x PostGraphile (goal 20x): {'met' if ratio >= 20 else 'NOT met'}")
    for op in ("a", "b"):
        small, large = runs.get(("newsgraph", "10000", op, 1)), runs.get(("newsgraph", "100000", op, 1))
        if small and large:
            growth = large["p50"] / small["p50"]
            print(f"- {OPS[op]} p50 at c=1, 100k vs 10k: {growth:.2f}x (goal within 1.3x): {'met' if growth <= 1.3 else 'NOT met'}")

    unshared = [(n, op) for n in sizes for op in OPS if ("newsgraph-unshared", n, op, 32) in runs and ("postgraphile", n, op, 32) in runs]
    if unshared:
        print()
        print("With ShareIdenticalQueries off (each request executes on its own), c=32, vs PostGraphile:")
        for n, op in unshared:
            ratio = runs[("newsgraph-unshared", n, op, 32)]["rps"] / runs[("postgraphile", n, op, 32)]["rps"]
            print(f"- N={int(n) // 1000}k {OPS[op]}: {ratio:.2f}x")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/ng-bench-run/results.txt")
