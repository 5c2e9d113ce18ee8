#!/usr/bin/env python3
"""Mentor search over a large community.

  bench-mentor.py BIN [MEMBERS] [ROUNDS]

Seeds MEMBERS (default 100,000) synthetic members into a temporary database
with `BIN seed-demo` (timed), then runs `BIN mentor-bench`, which calls the
real search and suggestion functions for ten typical searches (specialty,
specialty + city, free words, place + accepting, topic + role, browsing,
words + specialty, graduation years + specialty, program + place, a second
page) as different students, ROUNDS times each, and prints one line per
call; the first round warms the page cache and is not counted. Prints p50/p95 overall and per kind. Figures only: nothing here
passes or fails on time."""
import os, shutil, subprocess, sys, tempfile, time, collections

BIN = os.path.abspath(sys.argv[1])
MEMBERS = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
ROUNDS = int(sys.argv[3]) if len(sys.argv) > 3 else 30
tmp = tempfile.mkdtemp(prefix="bench-mentor.")
db = os.path.join(tmp, "b.db")

def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(len(v) * p))]

try:
    t0 = time.monotonic()
    subprocess.run([BIN, "seed-demo", "--members", str(MEMBERS), "--db", db], check=True,
                   stdout=subprocess.DEVNULL)
    print("seed-demo --members %d: %.1f s" % (MEMBERS, time.monotonic() - t0))
    out = subprocess.run([BIN, "mentor-bench", "--db", db, "--rounds", str(ROUNDS + 1)],
                         check=True, capture_output=True, text=True).stdout
    kinds = collections.defaultdict(list)
    search, suggest, cpu = [], [], []
    for line in out.splitlines()[11:]:
        what, label, us, _n, cpu_us = line.split()
        ms = int(us) / 1000.0
        (search if what == "search" else suggest).append(ms)
        if what == "search":
            cpu.append(int(cpu_us) / 1000.0)
        if what == "search":
            kinds[label].append(ms)
    print("mentor search over %d members: %d queries, p50 %.2f ms, p95 %.2f ms" %
          (MEMBERS, len(search), pct(search, 0.5), pct(search, 0.95)))
    print("  (CPU time alone: p50 %.2f ms, p95 %.2f ms; load average %.2f)" %
          (pct(cpu, 0.5), pct(cpu, 0.95), os.getloadavg()[0]))
    for label, v in kinds.items():
        print("  %-18s p50 %6.2f ms  p95 %6.2f ms" % (label, pct(v, 0.5), pct(v, 0.95)))
    print("suggested for you: %d calls, p50 %.1f ms, p95 %.1f ms" %
          (len(suggest), pct(suggest, 0.5), pct(suggest, 0.95)))
finally:
    shutil.rmtree(tmp, ignore_errors=True)
