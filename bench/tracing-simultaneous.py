#!/usr/bin/env python3
"""Summary of bench/tracing-ab.sh --simultaneous (its sim-results.txt): per window and kind of
request, each server's req/s and CPU per request, the ratio traced / untraced (and, with --also,
the other build's traced / the same untraced), and the share of each server's CPU its tiered
compilation threads took (well above zero: not yet at its steady speed); then per kind and over
all windows the median ratio and its spread.

    python3 bench/tracing-simultaneous.py sim-results.txt [CONCURRENCY]
"""
import statistics
import sys

SETTLED_JIT_SHARE = 5  # %


def cost(row, mode):
    """req/s, CPU µs per request and the JIT threads' share of the CPU of one server in one window."""
    n, us, ticks = int(row[f"{mode}_requests"]), int(row[f"{mode}_us"]), int(row[f"{mode}_ticks"])
    if int(row[f"{mode}_errors"]):
        print(f"WARNING: {row[f'{mode}_errors']} bad responses from {mode} in {row['round']}.{row['window']} {row['kind']}", file=sys.stderr)
    hz, jit = int(row["hz"]), int(row.get(f"{mode}_jit_ticks", 0))
    return n / (us / 1e6), 1e6 * ticks / hz / max(n, 1), 100 * jit / max(ticks, 1)


def main():
    conc = sys.argv[2] if len(sys.argv) > 2 else "?"
    rows = [dict(p.split("=", 1) for p in line.split()) for line in open(sys.argv[1]) if line.startswith("round=")]
    modes = [m for m in ("traced", "also", "untraced") if rows and f"{m}_ticks" in rows[0]]
    kinds = list(dict.fromkeys(r["kind"] for r in rows))
    ratios = {(m, k): [] for m in modes if m != "untraced" for k in kinds}
    settled = {m: [] for m in modes if m != "untraced"}  # windows where no server was still JIT-ing
    print("\n| round.window | kind | loaded first | " + " | ".join(f"{m} req/s, CPU/req" for m in modes)
          + " | " + " | ".join(f"{m} / untraced" for m in modes if m != "untraced") + " | JIT threads' share |")
    print("|---|---|---|" + "---|" * (2 * len(modes)))
    for r in rows:
        c = {m: cost(r, m) for m in modes}
        cells = [f"{c[m][0]:.0f}, {c[m][1]:.0f} µs" for m in modes]
        for m in modes:
            if m != "untraced":
                ratios[(m, r["kind"])].append(c[m][1] / c["untraced"][1])
                if all(c[x][2] < SETTLED_JIT_SHARE for x in modes):
                    settled[m].append(ratios[(m, r["kind"])][-1])
                cells.append(f"{ratios[(m, r['kind'])][-1]:.2f}x")
        cells.append(", ".join(f"{c[m][2]:.0f}%" for m in modes))
        print(f"| {r['round']}.{r['window']} | {r['kind']} | {r['first']} | " + " | ".join(cells) + " |")
    for m in modes:
        if m == "untraced":
            continue
        print(f"\nCPU per request {m} / untraced, c={conc} each, median (spread) over the windows:")
        every = []
        for k in kinds:
            rs = ratios[(m, k)]
            every += rs
            print(f"  {k:8} {statistics.median(rs):.3f}x ({min(rs):.2f}-{max(rs):.2f}, {len(rs)} windows)")
        print(f"  {'all':8} {statistics.median(every):.3f}x ({min(every):.2f}-{max(every):.2f}, {len(every)} windows)")
        rs = settled[m]
        if rs:
            print(f"  settled  {statistics.median(rs):.3f}x ({min(rs):.2f}-{max(rs):.2f}, the {len(rs)} windows where every server's"
                  f" JIT threads took < {SETTLED_JIT_SHARE}% of its CPU)")


if __name__ == "__main__":
    main()
