# tests/fault/fault.sh: the fault-injection loop, sourced by tests/t-fault*.sh
# after tests/lib.sh.
#
# fault_loop WHAT BEFORE AFTER DIR CMD...: count the calls of each kind
# CMD makes in a clean run; then for each kind and each N up to that count,
# copy BEFORE to DIR, run CMD with the Nth such call failing, and check: a
# failure exits 2 with a message and leaves DIR byte for byte BEFORE or
# AFTER (no temp file left either); a run that succeeds anyway (the call
# did not matter, e.g. closing a file it only read) leaves AFTER.  CMD
# must write into DIR.

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

# How many calls of each kind CMD makes in a clean run: "CALL COUNT" lines.
fault_count() {	# fault_count BEFORE DIR CMD...
	before=$1 dir=$2
	shift 2
	rm -rf "$dir" "$TMP/fault.count"
	cp -a "$before" "$dir"
	LD_PRELOAD=$preload ZZ_FAIL_COUNT=$TMP/fault.count \
	    ASAN_OPTIONS=${ASAN_OPTIONS:-}:verify_asan_link_order=0 \
	    "$@" >/dev/null 2>&1
}

fault_loop() {
	what=$1 before=$2 after=$3 dir=$4
	shift 4
	if [ ! -f "$INJECT" ]; then
		fail "$what: no fault shim at $INJECT (make tests/fault/inject.so)"
		return
	fi
	preload=$(fault_preload "$(command -v "$1")")
	fault_count "$before" "$dir" "$@"
	if [ ! -s "$TMP/fault.count" ]; then
		fail "$what: the shim counted nothing (not preloaded?)"
		return
	fi
	for call in $FAULT_CALLS; do
		total=$(awk -v c="$call" '$1 == c { print $2 }' "$TMP/fault.count")
		n=1 bad=0 failures=0
		# every call of the kind fails in turn, one run each
		while [ "$n" -le "${total:-0}" ] && [ "$n" -le "$FAULT_MAX" ]; do
			rm -rf "$dir"
			cp -a "$before" "$dir"
			LD_PRELOAD=$preload ZZ_FAIL=$call:$n \
			    ASAN_OPTIONS=${ASAN_OPTIONS:-}:verify_asan_link_order=0 \
			    "$@" >"$TMP/fault.out" 2>"$TMP/fault.err"
			code=$?
			n=$((n + 1))
			if [ $code -eq 0 ]; then
				# a failure that does not matter (closing a file
				# only read): the run must still be complete
				if ! fault_same "$dir" "$after"; then
					fail "$what: $call:$((n - 1)): succeeded but the data differ from a clean run"
					diff -r "$dir" "$after" 2>&1 | head -5 | sed 's/^/#   /'
					bad=1
				fi
				continue
			fi
			failures=$((failures + 1))
			if [ $code -ne 2 ]; then
				fail "$what: $call:$((n - 1)): exit status $code (want 2)"
				sed 's/^/#   /' "$TMP/fault.err" | head -5
				bad=1
			elif ! fault_same "$dir" "$before" &&
			    ! fault_same "$dir" "$after"; then
				fail "$what: $call:$((n - 1)): data directory left half-written"
				diff -r "$before" "$dir" 2>&1 | head -5 | sed 's/^/#   /'
				bad=1
			elif [ ! -s "$TMP/fault.err" ]; then
				fail "$what: $call:$((n - 1)): failed without a message"
				bad=1
			fi
		done
		if [ "${total:-0}" -gt "$FAULT_MAX" ]; then
			fail "$what: $call: $total calls, more than FAULT_MAX=$FAULT_MAX"
		elif [ $bad -eq 0 ]; then
			pass "$what: each of $total $call calls failing in turn leaves the data whole ($failures runs failed, with exit 2)"
		fi
	done
}
