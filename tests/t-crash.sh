#!/bin/sh
# Inputs that once crashed a fuzz target (or broke one of its checks) stay
# fixed: tests/fixtures/crash-TARGET-* goes through tests/replay/fuzz_TARGET,
# the same target built as a plain program (ZZ_REPLAY_BIN under
# make check-sanitize).
. "$(dirname "$0")/lib.sh"

replay=${ZZ_REPLAY_BIN:-$ROOT/tests/replay}
for f in "$FIX"/crash-*; do
	[ -e "$f" ] || continue
	name=${f##*/crash-}
	target=${name%%-*}
	if [ ! -x "$replay/fuzz_$target" ]; then
		fail "crash $name: no replay program $replay/fuzz_$target"
		continue
	fi
	run "$replay/fuzz_$target" "$f"
	eq "crash $name: replays cleanly" 0 "$rc"
done
