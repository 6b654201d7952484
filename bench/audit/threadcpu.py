#!/usr/bin/env python3
"""CPU seconds of a command's threads, by thread name, and how many cores it kept busy second by second.

usage: bench/audit/threadcpu.py COMMAND [ARGS...]
e.g.   bench/audit/threadcpu.py java -Xmx512m -jar target/quarkus-app/quarkus-run.jar audit --input COHORT --out OUT

Samples /proc/PID/task/*/stat every 0.2 s (Linux only; a thread's last sample counts, so a thread that lives under
0.2 s may be missed). Splits the process CPU that /usr/bin/time gives in one number into the audit's own threads
(primum-audit: pass two, primum-audit-ro(ute): pass one, audit-output), the JIT's compiler threads, the collector's,
and start-up (java = main): on two cores the C2 compiler thread's share is what a JVM flag or a warmer start could
change, the workers' share is what the code could. Thread names are cut at 15 characters by the kernel.
"""
import collections
import os
import re
import subprocess
import sys
import time

if len(sys.argv) < 2:
    sys.exit(__doc__)
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
tick = os.sysconf('SC_CLK_TCK')
last = {}  # tid -> (name, CPU seconds at its last sample)
busy = []  # cores busy, second by second
start = time.time()
mark_time, mark_cpu = start, 0.0
while proc.poll() is None:
    try:
        for tid in os.listdir(f'/proc/{proc.pid}/task'):
            try:
                stat = open(f'/proc/{proc.pid}/task/{tid}/stat').read()
            except OSError:
                continue
            name = stat[stat.index('(') + 1:stat.rindex(')')]
            fields = stat[stat.rindex(')') + 2:].split()
            last[tid] = (name, (int(fields[11]) + int(fields[12])) / tick)  # utime + stime
    except OSError:
        pass
    now, cpu = time.time(), sum(c for _, c in last.values())
    if now - mark_time >= 1.0:
        busy.append((cpu - mark_cpu) / (now - mark_time))
        mark_time, mark_cpu = now, cpu
    time.sleep(0.2)
groups = collections.Counter()
for name, cpu in last.values():
    groups[re.sub(r'[0-9#]+$', '', name).strip()] += cpu
print('exit %d, wall %.1f s, CPU %.1f s, load average %s' % (proc.returncode, time.time() - start, sum(groups.values()),
                                                          ' '.join(open('/proc/loadavg').read().split()[:3])))
for group, cpu in groups.most_common(12):
    if cpu >= 0.05:
        print('  %6.1f s  %s' % (cpu, group))
print('cores busy, second by second:', ' '.join('%.1f' % b for b in busy))
