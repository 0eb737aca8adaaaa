# tests/lib.sh: the harness every tests/t-*.sh sources.
# Each check prints "ok - what" or "not ok - what"; tests/run.sh counts them.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# ZZ_BIN: the programs to test (make check-sanitize points it at build/san/bin).
ZZ_BIN=${ZZ_BIN:-$ROOT/bin}
PATH="$ZZ_BIN:$PATH"
FIX="$ROOT/tests/fixtures"
PLAN="$ROOT/examples/zibo-2022-five-task-forces.txt"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/zz-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
unset ZZ_DATA COLUMNS ZZ_TODAY
export LC_ALL=C.UTF-8

pass() { echo "ok - $*"; }
fail() { echo "not ok - $*"; }

# run CMD...: stdout to $TMP/out, stderr to $TMP/err, exit status in $rc.
run() { "$@" >"$TMP/out" 2>"$TMP/err"; rc=$?; }

# eq WHAT WANT GOT
eq() {
	if [ "$2" = "$3" ]; then pass "$1"; else fail "$1: want [$2] got [$3]"; fi
}
# has WHAT FILE PATTERN: FILE contains the fixed string PATTERN.
has() {
	if grep -qF -- "$3" "$2"; then pass "$1"; else
		fail "$1: [$3] not in $2:"; sed 's/^/#   /' "$2" | head -20; fi
}
hasnt() {
	if grep -qF -- "$3" "$2"; then fail "$1: [$3] found in $2"; else pass "$1"; fi
}
# status WHAT WANT: the last run's exit status.
status() { eq "$1 (exit status)" "$2" "$rc"; }
# jqv FILTER FILE: one value from a JSON file (needs jq).
jqv() { jq -r "$1" "$2"; }
# same_tree WHAT DIR1 DIR2: two directories hold the same files and bytes.
same_tree() {
	if diff -r "$2" "$3" >/dev/null 2>&1; then pass "$1"; else
		fail "$1: $2 and $3 differ"; fi
}
