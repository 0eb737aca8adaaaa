#!/bin/sh
# zz-report over several plans: the city's 2022 plan and two short
# district plans (tests/fixtures/rollup/, each with its own monthly day),
# one data directory each.  The roll-up's overview row of every plan must
# equal that plan's own report made alone; ids read plan:id; each plan
# keeps its own calendar; every format works; -d @FILE is the same.
. "$(dirname "$0")/lib.sh"

F=$ROOT/tests/fixtures/rollup
mkdir -p "$TMP/plans"
zz-import -d "$TMP/plans/city" "$PLAN" 2>/dev/null || fail "import city"
cp "$FIX/log-2022.csv" "$TMP/plans/city/status.csv"
for p in zhangdian zichuan; do
	zz-import -d "$TMP/plans/$p" "$F/$p.txt" 2>/dev/null || fail "import $p"
	cp "$F/$p.csv" "$TMP/plans/$p/status.csv"
done
P=$TMP/plans
ALL="-d $P/city -d $P/zhangdian -d $P/zichuan"

# own FILE PLAN: a plan's figures in its own report (its total row, or for
# the annual assessment the sum of its task forces), as the roll-up's
# fields: due done doing blocked overdue due_today rate.
own() {
	jq -r '(first(.rows[] | select(.scope == "total")) //
	      ([.rows[] | select(.scope == "group")] | {
	        due: (map(.due) | add), done: (map(.done) | add),
	        doing: (map(.doing) | add), blocked: (map(.blocked) | add),
	        overdue: (map(.overdue) | add),
	        due_today: (map(.due_today) | add)}
	      | .rate = (if .due > 0 then (.done * 1000 / .due | round) / 10
	        else null end)))
	    | [.due, .done, .doing, .blocked, .overdue, .due_today, .rate]
	    | map(tostring) | join(" ")' "$1"
}
rolled() {
	jq -r --arg p "$2" '.rows[] | select(.scope == "plan" and .key == $p)
	    | [.due, .done, .doing, .blocked, .overdue, .due_today, .rate]
	    | map(tostring) | join(" ")' "$1"
}

for k in monthly quarterly annual; do
	case $k in
	monthly) p="--month 2022-06" ;;
	quarterly) p="--quarter 2022-Q2" ;;
	*) p="--year 2022 --as-of 2022-06-30" ;;
	esac
	run zz-report $ALL $k $p -o json
	status "$k roll-up" 0
	cp "$TMP/out" "$TMP/$k.json"
	eq "$k: three plans in the overview" "city zhangdian zichuan" \
	    "$(jq -r '[.rows[] | select(.scope == "plan") | .key] | join(" ")' \
	    "$TMP/$k.json")"
	sum_due=0
	for plan in city zhangdian zichuan; do
		zz-report -d "$P/$plan" $k $p -o json >"$TMP/$k.$plan.json"
		want=$(own "$TMP/$k.$plan.json")
		eq "$k $plan: overview row = its own report ($want)" "$want" \
		    "$(rolled "$TMP/$k.json" "$plan")"
		sum_due=$((sum_due + $(echo "$want" | cut -d' ' -f1)))
		# every item of its own report, under its name
		n_own=$(jq '[.rows[] | select(.due == null and .key != "")] |
		    length' "$TMP/$k.$plan.json")
		n_roll=$(jq --arg p "$plan:" '[.rows[] | select(.due == null
		    and (.key | startswith($p)))] | length' "$TMP/$k.json")
		eq "$k $plan: its $n_own items, as $plan:id" "$n_own" "$n_roll"
	done
	eq "$k: total due is the sum" "$sum_due" \
	    "$(jq '.rows[] | select(.scope == "total") | .due' "$TMP/$k.json")"
	# The ranking: by completion rate, highest first; worked out here
	# from the overview rows, then compared with the ranks printed.
	eq "$k: ranks follow the rates" \
	    "$(jq -r '[.rows[] | select(.scope == "plan")] | sort_by([-(.rate // -1), .overdue])
	    | map(.key) | join(" ")' "$TMP/$k.json")" \
	    "$(jq -r '[.rows[] | select(.scope == "plan" and .rank != null)]
	    | sort_by(.rank) | map(.key) | join(" ")' "$TMP/$k.json")"
done

# Each plan keeps its own calendar: the notice of June falls on the 27th
# in the city, the 25th in Zhangdian (a Saturday in 2022, so the Friday
# before it) and the 20th in Zichuan, as each plan's own report has it.
for plan in city zhangdian zichuan; do
	eq "$plan's own June notice date" \
	    "$(jq -r '.rows[] | select(.key == "0.R1@2022-06") | .due_date' \
	    "$TMP/monthly.$plan.json")" \
	    "$(jq -r --arg k "$plan:0.R1@2022-06" '.rows[] | select(.key == $k)
	    | .due_date' "$TMP/monthly.json")"
done
eq "three different notice days" 3 "$(jq -r '.rows[] |
    select(.key | test(":0.R1@2022-06$")) | .due_date' "$TMP/monthly.json" |
    sort -u | wc -l | tr -d ' ')"

# Every format; ids with their plan in the text.
for fmt in text md html csv docx; do
	run zz-report $ALL monthly --month 2022-06 -o $fmt
	status "roll-up -o $fmt" 0
	cp "$TMP/out" "$TMP/r.$fmt"
done
has "text: a plan's id with its plan" "$TMP/r.text" "zhangdian:1.T1"
has "text: the section of a plan" "$TMP/r.text" "四、zhangdian："
has "text: ranking" "$TMP/r.text" "二、各方案排名"
has "md: ids with their plan" "$TMP/r.md" "| zichuan:1.P1 |"
has "html: plan section" "$TMP/r.html" "<h2>五、zichuan："
eq "csv: as many rows as json" \
    "$(jq '.rows | length' "$TMP/monthly.json")" \
    "$(($(zz-report $ALL monthly --month 2022-06 -o csv | wc -l) - 1))"
/usr/bin/python3 "$ROOT/tests/docx-check.py" "$TMP/r.docx" \
    "$TMP/monthly.json" "roll-up docx" || true

# A file listing the data directories, relative to where it is.
printf '# the city and its districts\ncity\n\nzhangdian\n  zichuan  \n' \
    >"$P/plans.txt"
run zz-report -d @"$P/plans.txt" monthly --month 2022-06 -o json
status "-d @FILE" 0
if cmp -s "$TMP/out" "$TMP/monthly.json"; then pass "-d @FILE: the same report"
else fail "-d @FILE: differs from three -d"; fi
# One plan alone: no roll-up, no prefixes.
run zz-report -d "$P/zhangdian" monthly --month 2022-06 -o json
hasnt "one plan: ids as they are" "$TMP/out" "zhangdian:"

# ---- errors ----
mkdir -p "$TMP/other"
cp -r "$P/zichuan" "$TMP/other/zichuan"
run zz-report $ALL -d "$TMP/other/zichuan" monthly --month 2022-06
status "two plans of one name" 2
has "same name: said" "$TMP/err" "have the same name 'zichuan'"
run zz-report -d @"$TMP/none.txt" monthly --month 2022-06
status "-d @ a missing file" 2
has "missing list: named" "$TMP/err" "none.txt"
run zz-report $ALL -p "$P/city" monthly --month 2022-06
status "-p with several -d" 2
run zz-report $ALL monthly --month 2022-03
status "a month before a plan began" 2
has "before a plan: which" "$TMP/err" "川科发〔2022〕5号"
eq "errors: nothing printed" "" "$(cat "$TMP/out")"

# ---- zz-overdue over the same three plans ----
run zz-overdue $ALL --as-of 2022-07-01 --within 14 -o json
status "overdue: several plans, something late" 1
cp "$TMP/out" "$TMP/od.json"
for plan in city zhangdian zichuan; do
	zz-overdue -d "$P/$plan" --as-of 2022-07-01 --within 14 -o json |
	    jq -r --arg p "$plan" '.[] | "\($p):\(.id) \(.due) \(.days_late)"' |
	    sort >>"$TMP/od.want"
done
eq "overdue: each plan's own list, ids as plan:id" \
    "$(sort "$TMP/od.want")" \
    "$(jq -r '.[] | "\(.id) \(.due) \(.days_late)"' "$TMP/od.json" | sort)"
n=$(jq length "$TMP/od.json")
if [ "$n" -gt 10 ]; then pass "overdue: $n rows"; else fail "overdue: $n rows"; fi
eq "overdue: most late first" \
    "$(jq -r '[.[] | .days_late] | . == (sort | reverse)' "$TMP/od.json")" true
run zz-overdue $ALL --as-of 2022-07-01
has "overdue text: a plan's heading" "$TMP/out" "[zhangdian 1] 科技企业培育工作专班"
run zz-overdue $ALL --as-of 2022-07-01 --person 王磊 -o json
eq "overdue --person of one plan: that plan's items only" "zhangdian" \
    "$(jq -r '[.[] | .id | split(":")[0]] | unique | join(" ")' "$TMP/out")"
run zz-overdue $ALL --as-of 2022-07-01 --person 王蕾
status "overdue --person nobody knows" 2
has "overdue: closest name" "$TMP/err" "王磊"
run zz-overdue $ALL --as-of 2022-07-01 --within 14 -o ics
eq "overdue ics: one event a row" "$n" "$(grep -c '^BEGIN:VEVENT' "$TMP/out")"
run zz-overdue -d @"$P/plans.txt" --as-of 2022-07-01 --within 14 -o json
if cmp -s "$TMP/out" "$TMP/od.json"; then pass "overdue -d @FILE: the same"
else fail "overdue -d @FILE differs"; fi
run zz-overdue $ALL -d "$TMP/other/zichuan" --as-of 2022-07-01
status "overdue: two plans of one name" 2
