#!/bin/sh
# Shell completion (completion/zz.bash, and zsh's _zz made from it):
# subcommands, flags, item and occurrence ids, task forces, people and
# units from the data directory.  Expected words come from the plan's
# JSON (zz-import -o json), not from the completion's own helper.
. "$(dirname "$0")/lib.sh"

D=$TMP/d
zz-import -d "$D" "$PLAN" 2>/dev/null || { fail "zz-import of the plan"; exit 1; }
zz-import -o json "$PLAN" >"$TMP/plan.json"
J=$TMP/plan.json
cd "$TMP" || exit 2	# no ./data here: -d or $ZZ_DATA must be used
# comp WORD...: the candidates bash offers for the last word, sorted,
# space-separated
comp() {
	bash -c '. "$0"; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _zz_complete
	    printf "%s\n" "${COMPREPLY[@]}"' "$ROOT/completion/zz.bash" "$@" |
	    sort | tr '\n' ' ' | sed 's/ $//'
}
words() { tr '\n' ' ' | sed 's/ $//'; }

eq "zz-status: the subcommands" "add fsck log set sheet show" \
    "$(comp zz-status "" | tr ' ' '\n' | grep -E '^(add|fsck|log|set|sheet|show)$' | sort | words)"
eq "zz-status: a subcommand by its start" "set" "$(comp zz-status -d "$D" se)"
eq "set: ids by their start (group 2's plan items)" \
    "$(jq -r '.items[] | select(.id | startswith("2.P")) | .id' "$J" | sort | words)" \
    "$(comp zz-status -d "$D" set 2.P)"
eq "set: occurrences once an @ is typed (0.R1 in 2022, from March)" \
    "$(for m in 03 04 05 06 07 08 09; do echo 0.R1@2022-$m; done | words)" \
    "$(comp zz-status -d "$D" set 0.R1@2022-0)"
eq "set: difficulties are not offered" "" "$(comp zz-status -d "$D" set 1.D)"
eq "set: the status after the id" "已取消 已完成" "$(comp zz-status -d "$D" set 2.P1 已)"
has_word() { case " $3 " in *" $2 "*) pass "$1" ;; *) fail "$1: [$2] not in [$3]" ;; esac; }
has_word "set: English statuses too" done "$(comp zz-status -d "$D" set 2.P1 "")"
eq "log: ids" "4.M1 4.M2 4.M3 4.M4" "$(comp zz-status -d "$D" log 4.M)"
eq "-g: the task forces and the office" \
    "0 $(jq -r '.groups[].id' "$J" | sort | words)" "$(comp zz-status -d "$D" -g "")"
ZZ_DATA=$D
export ZZ_DATA
eq "\$ZZ_DATA when no -d" "4.M1 4.M2 4.M3 4.M4" "$(comp zz-status log 4.M)"
unset ZZ_DATA
eq "zz-overdue --person: people by their start" \
    "$(jq -r '.people[].name' "$J" | grep '^冷' | sort -u | words)" \
    "$(comp zz-overdue -d "$D" --person 冷)"
eq "zz-overdue --unit: units" "$(jq -r '.people[].unit' "$J" | grep '^人才' | sort -u | words)" \
    "$(comp zz-overdue -d "$D" --unit 人才)"
eq "zz-status --by: people" "$(jq -r '.people[].name' "$J" | grep '^胡' | sort -u | words)" \
    "$(comp zz-status -d "$D" set 2.P1 done --by 胡)"
eq "flags from -h" "--excel" "$(comp zz-status --ex)"
eq "zz-overdue: short and long flags" "-q" "$(comp zz-overdue -q)"
has_word "zz-overdue: --within" --within "$(comp zz-overdue --w)"
eq "sheet -o: xlsx or csv" "csv xlsx" "$(comp zz-status -d "$D" sheet -o "")"
eq "show -o: the table formats" "csv json jsonl text tsv" "$(comp zz-status -d "$D" -o "")"
eq "zz-report: the reports" "annual monthly quarterly" "$(comp zz-report "")"
eq "zz-report -o: docx" "docx" "$(comp zz-report -o d)"
eq "zz-import -f" "csv" "$(comp zz-import -f c)"
mkdir -p "$TMP/sheets"
touch "$TMP/sheets/六月.xlsx"
eq "add: files" "sheets/六月.xlsx" "$(comp zz-status -d "$D" add sheets/)"

# zsh: the same script through bashcompinit, and the _zz make builds
if command -v zsh >/dev/null 2>&1; then
	out=$(zsh -f -c 'autoload -U compinit && compinit -u -D
	    fpath=("$1" $fpath); autoload -U _zz
	    autoload -U +X bashcompinit && bashcompinit
	    . "$2"; setopt ksharrays
	    COMP_WORDS=(zz-status -d "$3" set 2.P); COMP_CWORD=4; _zz_complete
	    print -l -- "${COMPREPLY[@]}"' zsh "${ZZ_BIN%/bin}/completion" \
	    "$ROOT/completion/zz.bash" "$D" 2>&1 | sort | words)
	eq "zsh: ids through bashcompinit" \
	    "$(jq -r '.items[] | select(.id | startswith("2.P")) | .id' "$J" | sort | words)" "$out"
	zsh -n "${ZZ_BIN%/bin}/completion/_zz" 2>"$TMP/err"
	eq "zsh: _zz parses" "" "$(cat "$TMP/err")"
	head -1 "${ZZ_BIN%/bin}/completion/_zz" >"$TMP/first"
	has "zsh: _zz names the four tools" "$TMP/first" "#compdef zz-import zz-status zz-overdue zz-report"
else
	fail "zsh is not installed (tools/deps-test.sh installs it)"
fi
