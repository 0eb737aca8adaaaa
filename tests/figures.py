#!/usr/bin/env python3
"""Cross-checks of every figure zz-report prints (tests/t-figures.sh).

usage: figures.py BIN DIR KIND PERIOD [AS_OF]
  KIND monthly|quarterly|annual, PERIOD 2022-06|2022-Q2|2022.

The units of account (items with a due date, occurrences of recurring
ones) and their due dates are zz-status show's; each one's state is
worked out here from `zz-status log` (the log as the library reads it),
by the rules zz-report(1) states; then every unit row must match, every
group's, the office's, each unit's and each person's counts must be the
sums over their units, the totals the sums over all, and ranks and scores
must follow the printed rules.  Each unit's status and responsible must
also be what `zz-status show` says, and the overdue ones exactly what
`zz-overdue` lists.  Prints "ok - ..." / "not ok - ..." lines."""
import calendar, csv, datetime as dt, io, os, subprocess, sys
from collections import defaultdict

BIN, DIR, KIND, PERIOD = sys.argv[1:5]
ASOF_ARG = sys.argv[5] if len(sys.argv) > 5 else None
fails = 0


def check(what, want, got):
    global fails
    if want == got:
        print(f"ok - {KIND} {PERIOD}: {what}")
    else:
        fails += 1
        print(f"not ok - {KIND} {PERIOD}: {what}: want {str(want)[:400]} "
              f"got {str(got)[:400]}")


def run(*args):
    p = subprocess.run([os.path.join(BIN, args[0])] + list(args[1:]),
                       capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(f"figures.py: {' '.join(args)}: exit {p.returncode}: {p.stderr}")
    return list(csv.DictReader(io.StringIO(p.stdout)))


def table(name):
    with open(os.path.join(DIR, name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def month_end(y, m):
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def period_bounds():
    if KIND == "monthly":
        y, m = map(int, PERIOD.split("-"))
        return dt.date(y, m, 1), month_end(y, m)
    if KIND == "quarterly":
        y, q = int(PERIOD[:4]), int(PERIOD[-1])
        return dt.date(y, 3 * q - 2, 1), month_end(y, 3 * q)
    return dt.date(int(PERIOD), 1, 1), dt.date(int(PERIOD), 12, 31)


LO, HI = period_bounds()
ASOF = dt.date.fromisoformat(ASOF_ARG) if ASOF_ARG else HI
A = ASOF.isoformat()

# ---- the units of account: items with a due date, occurrences ----
# Their due dates as the library sets them (working days, holidays.csv):
# zz-status show at a far date lists every item and every occurrence.
recurring = {it["id"] for it in table("items.csv") if it["recur"]}
units = []  # dicts: id, item, group, due
for r in run("zz-status", "-d", DIR, "show", "--as-of", "2999-12-31", "-o", "csv"):
    if not r["due"] or r["id"] in recurring:
        continue
    units.append({"id": r["id"], "item": r["id"].split("@")[0], "group": r["group"],
                  "due": dt.date.fromisoformat(r["due"])})

# ---- each unit's state, from the log as zz-status reads it ----
latest, first_done = {}, {}
for r in run("zz-status", "-d", DIR, "log", "--as-of", A, "-o", "csv"):
    key = (r["date"], int(r["line"]))
    if r["id"] not in latest or key > latest[r["id"]][0]:
        latest[r["id"]] = (key, r["status"])
    if r["status"] == "done" and r["date"] < first_done.get(r["id"], "9999"):
        first_done[r["id"]] = r["date"]

for u in units:
    own = u["id"] if u["id"] in latest else u["item"]
    u["status"] = latest[own][1] if own in latest else "todo"
    u["done"] = dt.date.fromisoformat(first_done[own]) if u["status"] == "done" else None
    if u["status"] == "dropped":
        u["class"] = "dropped"
    elif u["status"] == "done":
        u["class"] = "on_time" if u["done"] <= u["due"] else "late"
    else:
        u["class"] = "overdue" if u["due"] < ASOF else "due_today" if u["due"] == ASOF else "pending"

COUNTS = ["due", "done", "on_time", "late", "open", "overdue", "due_today",
          "doing", "blocked", "dropped"]


def tally(us):
    """zz_tally_add over units: done early counts, pending does not."""
    c = dict.fromkeys(COUNTS, 0)
    c["soon"] = 0
    for u in us:
        k = u["class"]
        if k in ("overdue", "due_today", "pending"):
            c["doing"] += u["status"] == "doing"
            c["blocked"] += u["status"] == "blocked"
            c["soon"] += ASOF < u["due"] <= ASOF + dt.timedelta(days=7)
        if k == "dropped":
            c["dropped"] += u["due"] <= ASOF
            continue
        if k == "pending":
            continue
        c["due"] += 1
        if k in ("on_time", "late"):
            c["done"] += 1
            c[k] += 1
        else:
            c["open"] += 1
            c[k] += 1
    return c


def in_period(u, lo, hi):
    """agg_group's filter: due in [lo, hi], or done in it ahead of a later date."""
    return lo <= u["due"] <= hi or (u["due"] > hi and u["done"] and lo <= u["done"] <= hi)


def rate(num, den):
    return "" if den == 0 else "%.1f" % ((num * 1000 + den // 2) // den / 10)


# ---- the report ----
flag = {"monthly": "--month", "quarterly": "--quarter", "annual": "--year"}[KIND]
args = [KIND, flag, PERIOD, "-o", "csv"] + (["--as-of", ASOF_ARG] if ASOF_ARG else [])
rows = run("zz-report", "-d", DIR, *args)
scope = defaultdict(list)
for r in rows:
    scope[r["scope"]].append(r)


def figures(r):
    return {k: int(r[k]) for k in COUNTS} | {"rate": r["rate"]}


def want_figures(us):
    c = tally(us)
    return {k: c[k] for k in COUNTS} | {"rate": rate(c["done"], c["due"])}


def check_scope(name, units_of):
    got = {r["key"]: figures(r) for r in scope[name]}
    want = {r["key"]: want_figures(units_of(r)) for r in scope[name]}
    check(f"every {name} row's figures are the tally of its units", want, got)


if KIND == "annual":
    mine = [u for u in units if LO <= u["due"] <= HI]
else:
    lo = LO if KIND == "quarterly" else dt.date.min
    hi = HI if KIND == "quarterly" else dt.date.max
    mine = [u for u in units if in_period(u, lo, hi)]
by_group = defaultdict(list)
for u in mine:
    by_group[u["group"]].append(u)

check_scope("group", lambda r: by_group[r["key"]])
check_scope("office", lambda r: by_group["0"])
check_scope("total", lambda r: mine)

# the unit rows: those due (in the period) up to the as-of date; in the
# annual assessment also those of the year done early
top = min(HI, ASOF) if KIND != "monthly" else ASOF
first = LO if KIND != "monthly" else dt.date.min
listed = [u for u in units if first <= u["due"] <= top or
          (KIND == "annual" and u in mine and u["class"] == "on_time")]
want = {u["id"]: (u["group"], u["due"].isoformat(), u["status"],
                  u["done"].isoformat() if u["done"] else "", u["class"])
        for u in listed}
got = {r["key"]: (r["group"], r["due_date"], r["status"], r["done_date"], r["class"])
       for r in scope["item"]}
check("the unit rows: due date, status, done date and class of each", want, got)

show = {r["id"]: r for r in run("zz-status", "-d", DIR, "show", "--as-of", A, "-o", "csv")}
bad = [(r["key"], r["status"], r["responsible"]) for r in scope["item"]
       if r["due_date"] <= A and (show.get(r["key"], {}).get("status"), show.get(r["key"], {}).get("responsible"))
       != (r["status"], r["responsible"])]
check("each unit's status and responsible are zz-status show's", [], bad)
if KIND == "monthly":
    late = sorted(r["id"] for r in run("zz-overdue", "-d", DIR, "--as-of", A, "-o", "csv"))
    check("the overdue units are zz-overdue's list", late,
          sorted(r["key"] for r in scope["item"] if r["class"] == "overdue"))
    bad = [r["key"] for r in scope["group"] + scope["office"] + scope["total"]
           if r["light"] != ("red" if int(r["overdue"]) else "yellow"
                             if int(r["due_today"]) or tally(by_group[r["key"]] if
                             r["scope"] != "total" else mine)["soon"] else "green")]
    check("each light follows overdue, due today and due soon", [], bad)
    ranked = [r for r in scope["group"] if r["rate"] != ""]
    order = sorted(ranked, key=lambda r: (-float(r["rate"]), int(r["overdue"])))
    want = {}
    for i, r in enumerate(order):
        p = order[i - 1] if i else None
        same = p and p["rate"] == r["rate"] and p["overdue"] == r["overdue"]
        want[r["key"]] = want[p["key"]] if same else str(i + 1)
    check("ranks follow rate, then overdue", want, {r["key"]: r["rank"] for r in ranked})

if KIND == "annual":
    people, members = table("people.csv"), table("members.csv")
    person_of = {}
    for h in people:
        person_of.setdefault(h["name"], h)
    items = {it["id"]: it for it in table("items.csv")}

    def names(lst):
        out = []
        for part in (lst or "").replace("、", ",").replace(";", ",").replace("/", ",").split(","):
            if part.strip():
                out.append(part.strip())
        return out

    def lead(g, role):
        return [m["name"] for m in members if m["group"] == g and m["role"] == role]

    def unit_of(it):
        """zz_responsible_unit: the owner, else the lead staff's units."""
        if it["owner"]:
            return it["owner"]
        us = []
        for n in lead(it["group"], "lead_staff"):
            h = person_of.get(n)
            if h and h["unit"] and h["unit"] not in us:
                us.append(h["unit"])
        return "、".join(us) or ("领导小组办公室" if it["group"] == "0" else "未指定")

    def answers(it, name):
        """zz_answers_for, a person: listed, leading the group, or the
        owner unit's head."""
        if name in names(it.get("person")) + names(it.get("leader")):
            return True
        if name in lead(it["group"], "lead_staff") + lead(it["group"], "lead_leader"):
            return True
        h = person_of.get(name)
        return bool(it["owner"]) and (it["owner"] == name or bool(h and h["unit"] == it["owner"]))

    by_unit = defaultdict(list)
    for u in mine:
        by_unit[unit_of(items[u["item"]])].append(u)
    check_scope("unit", lambda r: by_unit[r["key"]])
    check_scope("person", lambda r: [u for u in mine if answers(items[u["item"]], r["key"])])
    for sc in ("group", "unit", "person"):
        rs = scope[sc]

        def score(r):
            t = tally(by_group[r["key"]] if sc == "group" else
                      by_unit[r["key"]] if sc == "unit" else
                      [u for u in mine if answers(items[u["item"]], r["key"])])
            if not t["due"]:
                return ""
            v = ((60 * t["on_time"] + 40 * t["done"]) * 20 + t["due"]) // (2 * t["due"])
            return "%d.%d" % (v // 10, v % 10)
        bad = [(r["key"], r["score"], score(r)) for r in rs if r["score"] != score(r)]
        check(f"every {sc}'s score is 60 x on-time rate + 40 x completion rate", [], bad)
        keyf = lambda r: (int(r["due"]) == 0, -float(r["score"] or 0),
                          -float(r["on_time_rate"] or 0))
        check(f"the {sc} rows are in rank order", sorted(rs, key=keyf), rs)
sys.exit(1 if fails else 0)
