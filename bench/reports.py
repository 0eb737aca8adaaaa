#!/usr/bin/env python3
"""A year of progress reports for the plan in a data directory, appended to
its status.csv: every kind of report the tools must weigh (items and
occurrences ID@YYYY-MM, every status, done late and on time, reports dated
out of line order, a few ids the plan lacks), for comparing the tools'
answers before and after a change (tools/same-output.sh) and for the
scaling test.
usage: reports.py DIR N_REPORTS [SEED] [YEAR]"""
import csv, datetime as dt, os, random, sys

d, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
year = int(sys.argv[4]) if len(sys.argv) > 4 else 2022
with open(os.path.join(d, "items.csv"), encoding="utf-8") as f:
    items = [r for r in csv.DictReader(f) if r["kind"] != "difficulty"]
ids = []
for r in items:
    ids.append(r["id"])
    rec = r["recur"]
    months = []
    if rec.startswith("monthly"):
        months = range(1, 13)
    elif rec == "quarterly":
        months = [3, 6, 9, 12]
    elif rec.startswith("dates:"):
        months = [int(x[5:7]) for x in rec[6:].split(";")]
    ids += [f"{r['id']}@{year}-{m:02d}" for m in months]
STRAYS = ["9.X9", "1.Q1"]              # counted for nothing, named on stderr
STATUSES = ["todo", "doing", "doing", "doing", "done", "done", "blocked", "dropped"]
WORDS = ["推进", "建设", "完成", "组织", "召开", "制定", "落实", "督导"]
path = os.path.join(d, "status.csv")
new = not os.path.exists(path) or os.path.getsize(path) == 0
with open(path, "a", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    if new:
        w.writerow(["date", "id", "status", "progress", "note", "by"])
    start = dt.date(year, 1, 1)
    for j in range(n):
        day = j * 365 // max(n, 1)
        if rng.random() < 0.1:          # written later than its date
            day = max(0, day - rng.randrange(60))
        st = rng.choice(STATUSES)
        prog = "" if rng.random() < 0.2 else (100 if st == "done" else rng.randrange(100))
        note = "".join(rng.choice(WORDS) for _ in range(rng.randrange(0, 5)))
        who = rng.choice(["联络员", "关若飞", "冷亮", ""])
        w.writerow([(start + dt.timedelta(days=day)).isoformat(),
                    rng.choice(STRAYS if rng.random() < 0.002 else ids),
                    st, prog, note, who])
