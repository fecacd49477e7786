#!/usr/bin/env python3
"""Markdown summary of a bench/run.sh results file: one table per dataset size and NewsGraph
provider, with PostGraphile's figures (the runs paired with that provider's, when the run has them)
and the ratios beside NewsGraph's; the goals of issue 16;
the baseline comparison (--baseline) and the cost of tracing (--tracing) when the run has them.

    python3 bench/summarize.py /tmp/ng-bench-run/results.txt
"""
import re
import sys

LINE = re.compile(r"^(?P<label>.+?) c=(?P<c>\d+) d=\S+ rps=(?P<rps>[\d.]+) p50=(?P<p50>[\d.]+)ms p99=(?P<p99>[\d.]+)ms errors=(?P<errors>\d+)")
CPU = re.compile(r"srv\+db_cpu/req=(?P<cpu>[\d.]+)ms")
OTHER = re.compile(r"other=(?P<other>\d+)%")
LOAD = re.compile(r"^\s+load1=(?P<load>[\d.]+)")
SQL = re.compile(r"^sql (?P<provider>\S+) n=(?P<n>\d+) ng-(?P<op>[a-d])-[\w-]+: (?P<counts>.*) statements")
OPS = {"a": "(a) front page", "b": "(b) article page", "c": "(c) headline search + totalCount", "d": "(d) feedback"}
MODES = {"varied": "varied", "hot": "hot page"}


def parse(path):
    runs, sql, notes, last = {}, {}, [], None
    for raw in open(path, encoding="utf-8"):
        line = raw.rstrip("\n")
        if m := LINE.match(line.strip()):
            label = m["label"].split()
            if label[0] == "floor":
                key = ("floor", "", "", "", "", int(m["c"]))
            else:  # who provider n=N op mode
                key = (label[0], label[1], label[2][2:], label[3], label[4], int(m["c"]))
            runs[key] = {k: float(m[k]) for k in ("rps", "p50", "p99")} | {"errors": int(m["errors"])}
            last = key
        elif last and (cm := CPU.search(line)):
            runs[last]["cpu"] = float(cm["cpu"])
            if om := OTHER.search(line):
                runs[last]["other"] = int(om["other"])
        elif last and (lm := LOAD.match(line)):
            runs[last]["load"] = float(lm["load"])
        elif sm := SQL.match(line):
            counts = [int(x) for x in re.findall(r"(\d+) at", sm["counts"])]
            sql[(sm["provider"], sm["n"], sm["op"])] = counts
        elif line.startswith(("durability", "memory", "baseline:", "current:", "FAILED")):
            notes.append(line)
    return runs, sql, notes


def peer(runs, provider, n, op, mode, c):
    """PostGraphile's run paired with NewsGraph's on `provider` (measured right after it), else its own pass's."""
    return runs.get(("postgraphile", f"with-{provider}", n, op, mode, c)) or runs.get(("postgraphile", "postgresql", n, op, mode, c))


def fmt(value, spec):
    return "-" if value is None else format(value, spec)


def ratio(a, b):
    return None if a is None or b in (None, 0) else a / b


def table(runs, sql, n, provider):
    print(f"### N = {int(n):,}: NewsGraph on {provider} beside PostGraphile on PostgreSQL\n")
    print("| operation | traffic | conc. | NewsGraph req/s | p50 ms | p99 ms | CPU ms/req | SQL/req | "
          "PostGraphile req/s | p50 ms | CPU ms/req | req/s ratio | CPU ratio | load | other CPU |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    concs = sorted({k[5] for k in runs if k[1] == provider and k[2] == n})
    for mode in MODES:
        for op, name in OPS.items():
            for c in concs:
                ng = runs.get(("newsgraph", provider, n, op, mode, c))
                if not ng:
                    continue
                pg = peer(runs, provider, n, op, mode, c) or {}
                counts = sql.get((provider, n, op))
                print(f"| {name} | {MODES[mode]} | {c} | {ng['rps']:,.0f} | {ng['p50']:.2f} | {ng['p99']:.2f} | {fmt(ng.get('cpu'), '.3f')} | "
                      f"{' / '.join(map(str, counts)) if counts else '-'} | {fmt(pg.get('rps'), ',.0f')} | {fmt(pg.get('p50'), '.2f')} | "
                      f"{fmt(pg.get('cpu'), '.3f')} | {fmt(ratio(ng['rps'], pg.get('rps')), '.2f')}x | "
                      f"{fmt(ratio(ng.get('cpu'), pg.get('cpu')), '.2f')}x | {fmt(ng.get('load'), '.1f')} | {fmt(ng.get('other'), 'd')}% |")
    print()


def goal(label, value, target, at_least=True):
    if value is None:
        return
    met = value >= target if at_least else value <= target
    print(f"- {label}: {value:.2f}x (goal {'≥' if at_least else '≤'} {target}x): {'met' if met else 'NOT met'}")


def goals(runs, sql):
    def get(who, provider, n, op, c, field="rps"):
        return runs.get((who, provider, n, op, "varied", c), {}).get(field)

    def vs_peer(provider, n, op, c, field="rps"):
        return ratio(get("newsgraph", provider, n, op, c, field), (peer(runs, provider, n, op, "varied", c) or {}).get(field))

    print("Goals of issue 16 (varied traffic):\n")
    for op, target in (("a", 3), ("b", 3), ("c", 8), ("d", 3)):
        goal(f"SQLite N=10k c=32 {OPS[op]} req/s vs PostGraphile", vs_peer("sqlite", "10000", op, 32), target)
    for op in "ab":
        goal(f"SQLite N=10k c=32 {OPS[op]} CPU/req vs PostGraphile", vs_peer("sqlite", "10000", op, 32, "cpu"), 0.4, at_least=False)
    for op in "ab":
        goal(f"SQLite N=10k c=1 {OPS[op]} p50 vs PostGraphile", vs_peer("sqlite", "10000", op, 1, "p50"), 0.6, at_least=False)
    for op in "ab":
        goal(f"PostgreSQL N=10k c=32 {OPS[op]} req/s vs PostGraphile", vs_peer("postgresql", "10000", op, 32), 1.5)
    for op in "ab":
        goal(f"PostgreSQL N=10k c=1 {OPS[op]} p50 vs PostGraphile", vs_peer("postgresql", "10000", op, 1, "p50"), 1.0, at_least=False)
    goal(f"SQLite N=100k c=32 {OPS['c']} req/s vs PostGraphile", vs_peer("sqlite", "100000", "c", 32), 30)
    for provider in ("sqlite", "postgresql"):
        for op in "ab":
            goal(f"{provider} {OPS[op]} p50 at c=1, N=100k vs N=10k",
                 ratio(get("newsgraph", provider, "100000", op, 1, "p50"), get("newsgraph", provider, "10000", op, 1, "p50")), 1.3, at_least=False)
    for (provider, n, op), counts in sorted(sql.items()):
        if len(counts) > 1:
            print(f"- SQL statements per request, {provider} N={int(n):,} {OPS[op]}: {' / '.join(map(str, counts))} at two page sizes: "
                  f"{'constant' if len(set(counts)) == 1 else 'NOT constant'}")
    print()


def comparison(runs, who, title, against="newsgraph"):
    keys = sorted(k for k in runs if k[0] == who)
    if not keys:
        return
    print(f"{title}\n")
    print("| operation | provider | N | conc. | NewsGraph req/s | CPU ms/req | " + f"{who} req/s | {who} CPU ms/req | req/s ratio | CPU/req ratio |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for (_, prov, n, op, mode, c) in keys:
        mine, theirs = runs.get((against, prov, n, op, mode, c)), runs[(who, prov, n, op, mode, c)]
        if not mine:
            continue
        print(f"| {OPS[op]} | {prov} | {int(n):,} | {c} | {mine['rps']:,.0f} | {fmt(mine.get('cpu'), '.3f')} | {theirs['rps']:,.0f} | "
              f"{fmt(theirs.get('cpu'), '.3f')} | {fmt(ratio(theirs['rps'], mine['rps']), '.2f')}x | {fmt(ratio(theirs.get('cpu'), mine.get('cpu')), '.2f')}x |")
    print()


def main(path):
    runs, sql, notes = parse(path)
    for n in sorted({k[2] for k in runs if k[0] == "newsgraph"}, key=int):
        for provider in ("sqlite", "postgresql"):
            if any(k[0] == "newsgraph" and k[1] == provider and k[2] == n for k in runs):
                table(runs, sql, n, provider)
    floors = [(c, v) for (who, *_, c), v in sorted(runs.items()) if who == "floor"]
    for c, floor in floors:
        print(f"- HTTP floor (ASP.NET Core, fixed 2 KB) c={c}: {floor['rps']:,.0f} req/s, p50 {floor['p50']:.2f} ms, {fmt(floor.get('cpu'), '.3f')} ms CPU/req")
    for note in notes:
        print(f"- {note}")
    print()
    goals(runs, sql)
    comparison(runs, "baseline", "Against the baseline build (varied traffic, SQLite; ratios baseline / current):")
    comparison(runs, "traced", "Tracing on, exporting to a local OTLP endpoint (varied traffic; ratios traced / untraced):")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/ng-bench-run/results.txt")
