# tests/fault/fault.sh: the fault-injection loop, sourced by tests/t-fault*.sh
# after tests/lib.sh.
#
# fault_loop WHAT BEFORE AFTER DIR CMD...: for each call the shim knows, and
# N = 1, 2, ... until CMD succeeds, copy BEFORE to DIR, run CMD with the Nth
# such call failing, and check: a failure exits non-zero, and DIR is then
# byte for byte BEFORE or AFTER (no temp file left either); the run that
# succeeds leaves AFTER.  CMD must write into DIR.

# The shim: build/san/... under make check-sanitize, else tests/fault/.
INJECT=${ZZ_INJECT:-$ROOT/tests/fault/inject.so}
FAULT_CALLS=${FAULT_CALLS:-open write fsync rename close}
FAULT_MAX=${FAULT_MAX:-200}

# LD_PRELOAD for prog: a sanitizer build wants its runtime first, and then
# calls through to the shim.
fault_preload() {
	asan=$(ldd "$1" 2>/dev/null | awk '/libasan/ { print $3 }')
	if [ -n "$asan" ]; then echo "$asan $INJECT"; else echo "$INJECT"; fi
}

fault_same() {	# fault_same DIR1 DIR2
	diff -r "$1" "$2" >/dev/null 2>&1
}

fault_loop() {
	what=$1 before=$2 after=$3 dir=$4
	shift 4
	if [ ! -f "$INJECT" ]; then
		fail "$what: no fault shim at $INJECT (make tests/fault/inject.so)"
		return
	fi
	preload=$(fault_preload "$(command -v "$1")")
	for call in $FAULT_CALLS; do
		n=1 bad=0 failures=0
		while [ $n -le "$FAULT_MAX" ]; do
			rm -rf "$dir"
			cp -a "$before" "$dir"
			LD_PRELOAD=$preload ZZ_FAIL=$call:$n \
			    ASAN_OPTIONS=${ASAN_OPTIONS:-}:verify_asan_link_order=0 \
			    "$@" >"$TMP/fault.out" 2>"$TMP/fault.err"
			code=$?
			if [ $code -eq 0 ]; then
				if ! fault_same "$dir" "$after"; then
					fail "$what: $call:$n: succeeded but the data differ from a clean run"
					diff -r "$dir" "$after" 2>&1 | head -5 | sed 's/^/#   /'
					bad=1
				fi
				break
			fi
			failures=$((failures + 1))
			if [ $code -ne 2 ]; then
				fail "$what: $call:$n: exit status $code (want 2)"
				sed 's/^/#   /' "$TMP/fault.err" | head -5
				bad=1
			elif ! fault_same "$dir" "$before" &&
			    ! fault_same "$dir" "$after"; then
				fail "$what: $call:$n: data directory left half-written"
				diff -r "$before" "$dir" 2>&1 | head -5 | sed 's/^/#   /'
				bad=1
			elif [ ! -s "$TMP/fault.err" ]; then
				fail "$what: $call:$n: failed without a message"
				bad=1
			fi
			n=$((n + 1))
		done
		if [ $n -gt "$FAULT_MAX" ]; then
			fail "$what: $call: still failing after $FAULT_MAX tries"
		elif [ $bad -eq 0 ]; then
			pass "$what: each of $failures failing $call calls leaves the data whole"
		fi
	done
}
