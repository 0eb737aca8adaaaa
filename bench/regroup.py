#!/usr/bin/env python3
"""The same items and log in fewer task forces: a data directory made by
gen.py (20 items a group) rewritten into N groups, ids renumbered to
stay GROUP.LETTERSEQ (zz-data(5)) and the log's ids with them.
usage: regroup.py FROM TO N"""
import csv, os, re, sys

src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(dst, exist_ok=True)
ID = re.compile(r"^(\d+)\.([A-Z])(\d+)$")


def new_id(old):
    g, letter, seq = ID.match(old).groups()
    g, seq = int(g), int(seq)
    # group g's items go to group (g-1) % n + 1, after those of the
    # groups before it there: a number unique within group and kind
    return f"{(g - 1) % n + 1}.{letter}{(g - 1) // n * 20 + seq}"


def copy(name, fn):
    with open(os.path.join(src, name), encoding="utf-8", newline="") as f, \
            open(os.path.join(dst, name), "w", encoding="utf-8", newline="") as o:
        r, w = csv.reader(f), csv.writer(o, lineterminator="\n")
        w.writerow(next(r))
        for row in r:
            row = fn(row)
            if row:
                w.writerow(row)


copy("doc.csv", lambda r: r)
copy("people.csv", lambda r: r)
copy("groups.csv", lambda r: r if int(r[0]) <= n else None)
copy("members.csv", lambda r: r if int(r[0]) <= n else None)


def item(r):
    r[0] = new_id(r[0])
    r[1] = str((int(r[1]) - 1) % n + 1)
    r[3] = ID.match(r[0]).group(3)
    return r


copy("items.csv", item)


def report(r):
    r[1] = new_id(r[1])
    return r


copy("status.csv", report)
