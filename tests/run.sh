#!/bin/sh
# Runs the unit tests and every tests/t-*.sh, and ends with the one line
# CI reads: "N passed, N failed".
cd "$(dirname "$0")/.." || exit 2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
failed_scripts=0
# ZZ_UNIT_BIN: where the unit tests are (build/san/tests/unit/bin for the
# sanitizer build); ZZ_BIN in tests/lib.sh does the same for the programs.
for t in "${ZZ_UNIT_BIN:-tests/unit/bin}"/* tests/t-*.sh; do
	[ -e "$t" ] || continue
	case $t in *.sh) cmd="sh $t" ;; *) cmd=$t ;; esac
	out=$($cmd 2>&1)
	code=$?
	printf '%s\n' "$out" >>"$log"
	printf '%s\n' "$out" | grep -E '^not ok' | sed "s|^|$t: |"
	if [ $code -ne 0 ] && ! printf '%s\n' "$out" | grep -q '^not ok'; then
		echo "$t: exited with status $code"
		printf '%s\n' "$out" | tail -5 | sed 's/^/#   /'
		failed_scripts=$((failed_scripts + 1))
	fi
	printf '%-28s %s\n' "$t" "$(printf '%s\n' "$out" | grep -c '^ok')/$(printf '%s\n' "$out" | grep -cE '^(ok|not ok)')"
done
passed=$(grep -c '^ok' "$log")
failed=$(( $(grep -c '^not ok' "$log") + failed_scripts ))
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
