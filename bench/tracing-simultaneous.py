#!/usr/bin/env python3
"""Summary of bench/tracing-ab.sh --simultaneous (its sim-results.txt): per window and kind of
request, each server's req/s and CPU per request, the ratio traced / untraced, and the share of
each server's CPU its tiered compilation thread took (non-zero: not yet at its steady speed); then
per kind and over all windows the median ratio and its spread.

    python3 bench/tracing-simultaneous.py sim-results.txt [CONCURRENCY]
"""
import statistics
import sys


def main():
    path = sys.argv[1]
    conc = sys.argv[2] if len(sys.argv) > 2 else "?"
    rows = [dict(p.split("=", 1) for p in line.split()) for line in open(path) if line.startswith("round=")]
    kinds = list(dict.fromkeys(r["kind"] for r in rows))
    ratios = {k: [] for k in kinds}
    print(f"\n| round.window | kind | loaded first | traced req/s, CPU/req | untraced req/s, CPU/req | ratio | JIT thread traced, untraced |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        hz = int(r["hz"])
        cost = {}
        for mode in ("traced", "untraced"):
            n, us, ticks = int(r[f"{mode}_requests"]), int(r[f"{mode}_us"]), int(r[f"{mode}_ticks"])
            errors = int(r[f"{mode}_errors"])
            if errors:
                print(f"WARNING: {errors} bad responses from the {mode} server in {r['round']}.{r['window']} {r['kind']}", file=sys.stderr)
            cost[mode] = (n / (us / 1e6), 1e6 * ticks / hz / max(n, 1))
        ratio = cost["traced"][1] / cost["untraced"][1]
        jit = [100 * int(r.get(f"{m}_jit_ticks", 0)) / max(int(r[f"{m}_ticks"]), 1) for m in ("traced", "untraced")]
        ratios[r["kind"]].append(ratio)
        print(f"| {r['round']}.{r['window']} | {r['kind']} | {r['first']} | "
              f"{cost['traced'][0]:.0f}, {cost['traced'][1]:.0f} µs | {cost['untraced'][0]:.0f}, {cost['untraced'][1]:.0f} µs | {ratio:.2f}x | {jit[0]:.0f}%, {jit[1]:.0f}% |")
    print(f"\nCPU per request traced / untraced, c={conc} each, median (spread) over the windows:")
    every = []
    for k in kinds:
        every += ratios[k]
        print(f"  {k:8} {statistics.median(ratios[k]):.3f}x ({min(ratios[k]):.2f}-{max(ratios[k]):.2f}, {len(ratios[k])} windows)")
    print(f"  {'all':8} {statistics.median(every):.3f}x ({min(every):.2f}-{max(every):.2f}, {len(every)} windows)")


if __name__ == "__main__":
    main()
