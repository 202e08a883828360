#!/usr/bin/env python3
"""Side by side: runs each command in turn, RUNS rounds (a, b, a, b, ...), so that load on
a shared machine falls on all of them alike, and prints each one's min, first quartile and
median wall time in ms.

    bench/ab.py RUNS 'old/rtlint --no-cache -f json x.ts' 'new/rtlint --no-cache -f json x.ts'
"""
import statistics
import subprocess
import sys
import time


def run(cmd):
    subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    runs, cmds = int(sys.argv[1]), sys.argv[2:]
    times = {c: [] for c in cmds}
    for c in cmds:  # warm the page cache
        run(c)
    for _ in range(runs):
        for c in cmds:
            start = time.perf_counter()
            run(c)
            times[c].append((time.perf_counter() - start) * 1000)
    for c in cmds:
        t = sorted(times[c])
        print(f"min {t[0]:8.1f}  p25 {t[len(t) // 4]:8.1f}  median {statistics.median(t):8.1f} ms  {c}")


if __name__ == "__main__":
    main()
