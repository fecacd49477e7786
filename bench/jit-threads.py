#!/usr/bin/env python3
"""CPU ticks the .NET runtime's tiered compilation threads of each PID take until SIGTERM, printed
then as one number a PID. Those threads re-JIT hot methods at tier 1 and exit when idle, so their
CPU cannot be read from /proc at two instants: this polls every 0.25 s and adds up each thread's
growth (a thread that appears counts from zero; the last moments of one that exits are lost).
While they are busy, a .NET server is still warming up (bench/tracing-ab.sh --simultaneous).

    python3 bench/jit-threads.py PID...
"""
import glob
import signal
import sys
import time

pids = sys.argv[1:]
first, last = {}, {}


def poll(initial):
    for pid in pids:
        for task in glob.glob(f"/proc/{pid}/task/*"):
            try:
                with open(f"{task}/comm") as f:
                    if not f.read().startswith(".NET Tiered Com"):
                        continue
                with open(f"{task}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            key = (pid, task)
            ticks = int(fields[11]) + int(fields[12])
            first.setdefault(key, ticks if initial else 0)
            last[key] = ticks


def stop(*_):
    poll(False)
    print(" ".join(str(sum(last[k] - first[k] for k in last if k[0] == pid)) for pid in pids), flush=True)
    sys.exit(0)


signal.signal(signal.SIGTERM, stop)
poll(True)
while True:
    time.sleep(0.25)
    poll(False)
