#!/usr/bin/env python3
"""usage: timeit.py OUT CMD [ARG...]
Runs CMD with its standard output in OUT and prints one line: the wall
time in seconds, the peak resident set size of CMD in KiB (from wait4, so
of that process alone), its exit status, and its CPU time (user + system,
its threads and waited-for children included) in seconds."""
import os
import sys
import time

out = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.dup2(out, 1)
    try:
        os.execvp(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
cpu = usage.ru_utime + usage.ru_stime
print(f"{wall:.3f} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)} {cpu:.3f}")
