#!/bin/sh
# The bad-input table, tests/badinput.tsv (and any other
# tests/badinput*.tsv): each row runs a program on one
# bad (or awkward but valid) input and checks the exit status and that
# stderr holds the expected message, which names file:line.
#
# Columns (tab-separated; # starts a comment line):
#   program    the zz program
#   arguments  split on blanks; @IN is the input's path, @PLAN the
#              example plan document
#   input      -                      no input
#              file:NAME              tests/fixtures/bad/NAME as in/NAME
#              dir:TABLE=SRC[;...]    a copy of tests/fixtures/bad/good as
#                                     in/d, with TABLE replaced by SRC: a
#                                     fixture NAME, @dir (a directory),
#                                     @dangling (a dangling symlink),
#                                     @unreadable (mode 000, run as nobody
#                                     when we are root), @empty, @missing
#              gen:NAME               made by gen_NAME below, as in/NAME
#   exit       the exact exit status
#   message    a fixed string stderr must contain (- for none)
# Programs run in a scratch directory, so paths in messages are in/...
. "$(dirname "$0")/lib.sh"

BAD=$FIX/bad
# the example plan's year: zz-status refuses report dates far from it
export ZZ_TODAY=2022-06-30
W=$TMP/w

# ---- generated inputs (too big, or derived from the plan) ----
gen_crlf_plan() { sed 's/$/\r/' "$PLAN" >"$1"; }
gen_bom_plan() { { printf '\357\273\277'; cat "$PLAN"; } >"$1"; }
# one task of the plan 1 MB long
gen_long_plan() {
	awk 'NR == 1 { print; next }
	    !done && /^ *① */ { printf "%s", $0; for (i = 0; i < 16384; i++)
	        printf "很长的任务说明很长的任务说明很长的任务说明很长的任务说明很长的任务说明很长的任务说明很长的任务说明很长的任务说明很长的任务说明很长的任务说明很长的任务说明很长的任务说明很长的任务说明很长的任务说明很长的任务说明很长的任务说明很长的任务说明很长的任务说明很长的任务说明很长的任务说明很长的任务说明很长的任务"; print ""; done = 1; next }
	    { print }' "$PLAN" >"$1"
}
# a 2 MB line with no structure at all
gen_long_line() { awk 'BEGIN { for (i = 0; i < 32768; i++) printf "%064d", i; print "" }' >"$1"; }
# items.csv with a 1 MB text field
gen_big_field_dir() {
	cp -a "$BAD/good" "$1"
	awk 'BEGIN { printf "1.T9,1,task,9,\""; for (i = 0; i < 65536; i++)
	    printf "长字段,\"\"引号\"\""; print "\",2022-03-31,,,99" }' \
	    >>"$1/items.csv"
}
# status.csv with a 1 MB note
gen_big_note_dir() {
	cp -a "$BAD/good" "$1"
	awk 'BEGIN { printf "2022-04-01,1.P1,doing,50,\""; for (i = 0; i < 65536; i++)
	    printf "很长的备注,\"\"引\"\""; print "\",李明" }' >>"$1/status.csv"
}
gen_crlf_dir() {
	mkdir -p "$1"
	for f in "$BAD"/good/*.csv; do sed 's/$/\r/' "$f" >"$1/${f##*/}"; done
}
gen_bom_dir() {
	mkdir -p "$1"
	for f in "$BAD"/good/*.csv; do
		{ printf '\357\273\277'; cat "$f"; } >"$1/${f##*/}"
	done
}
gen_a_file() { echo 'not a directory' >"$1"; }

# ---- materialise an input; prints its path ----
as_nobody=
table_src() {	# table_src SRC DEST
	case $1 in
	@dir) mkdir "$2" ;;
	@dangling) ln -s nowhere "$2" ;;
	@empty) : >"$2" ;;
	@missing) ;;
	-) ;;	# dir:- is the good directory as it is
	@unreadable)
		cp "$BAD/good/${2##*/}" "$2"; chmod 000 "$2"
		[ "$(id -u)" -eq 0 ] && as_nobody=1 ;;
	*) cp "$BAD/$1" "$2" ;;
	esac
}
make_input() {
	case $1 in
	-) echo - ;;
	file:*) cp "$BAD/${1#file:}" "in/${1#file:}"; echo "in/${1#file:}" ;;
	gen:*)
		n=${1#gen:}
		"gen_$(echo "${n%.*}" | tr - _)" "in/$n"
		echo "in/$n" ;;
	dir:*)
		cp -a "$BAD/good" in/d
		echo "${1#dir:}" | tr ';' '\n' | while IFS='=' read -r table src; do
			[ "$table" = - ] && continue
			rm -rf "in/d/$table"
			table_src "$src" "in/d/$table"
		done
		echo in/d ;;
	esac
}

# Run as nobody: the scratch directory must let nobody in, and the
# program runs from a copy there (the checkout may be closed to others).
nobody() {
	if command -v setpriv >/dev/null 2>&1; then
		chmod 755 "$TMP" "$W"
		mkdir -p "$W/bin"
		cp "$1" "$W/bin/${1##*/}"
		chmod -R 755 "$W/bin"
		p=$W/bin/${1##*/}
		shift
		setpriv --reuid=65534 --regid=65534 --clear-groups -- "$p" "$@"
	else
		echo "t-badinput: need setpriv to test an unreadable file as root" >&2
		return 99
	fi
}

row=0
tab=$(printf '\t')
while IFS=$tab read -r prog args input want msg; do
	case $prog in ''|'#'*) continue ;; esac
	row=$((row + 1))
	rm -rf "$W"; mkdir -p "$W/in"
	what="badinput $row: $prog $args [$input]"
	if ! command -v "$prog" >/dev/null 2>&1; then
		fail "$what: $prog is not built"
		continue
	fi
	(
		cd "$W" || exit 99
		as_nobody=
		# dir: inputs set as_nobody in this shell, so no $(...) here
		if [ "${input%%:*}" = dir ]; then
			make_input "$input" >/dev/null
			in=in/d
			case $input in *@unreadable*)
				[ "$(id -u)" -eq 0 ] && as_nobody=1 ;; esac
		else
			in=$(make_input "$input")
		fi
		set -f
		# shellcheck disable=SC2086
		set -- $(echo "$args" | sed "s|@IN|$in|g; s|@PLAN|$PLAN|g")
		if [ -n "$as_nobody" ]; then
			nobody "$(command -v "$prog")" "$@" >out 2>err
		else
			"$prog" "$@" >out 2>err
		fi
	)
	rc=$?
	eq "$what: exit status" "$want" "$rc"
	if [ "$msg" != - ]; then
		has "$what: message" "$W/err" "$msg"
	fi
done <<EOT
$(cat "$ROOT"/tests/badinput*.tsv)
EOT
[ $row -gt 0 ] || fail "badinput: no rows read"
