#!/bin/sh
# No array grows one element at a time (issue 14: realloc(p, n + 1) made
# n appends O(n^2), and under the sanitizer build a report over a long log
# never ended): tools/lint-growth.sh over lib/ and src/ finds nothing, and
# finds the pattern when it is there.
. "$(dirname "$0")/lib.sh"

if out=$(sh "$ROOT/tools/lint-growth.sh" 2>&1); then
	pass "no realloc(..., n + 1) growth in lib/ and src/"
else
	fail "growth by one element:"
	printf '%s\n' "$out" | sed 's/^/#   /'
fi
cat >"$TMP/bad.c" <<'C'
static void
add(struct list *l, int x)
{
	l->v = zz_xreallocarray(l->v, l->n + 1,
	    sizeof *l->v);
	l->v[l->n++] = x;
	l->w = realloc(l->w, (l->n + 1) * sizeof *l->w);
	l->u = zz_xreallocarray(NULL, l->n + 1, sizeof *l->u);
	l->z = zz_grow(l->z, l->n, sizeof *l->z);
}
C
run sh "$ROOT/tools/lint-growth.sh" "$TMP/bad.c"
status "a file growing by one is found" 1
eq "both growing calls named, by their first line" "$TMP/bad.c:4 $TMP/bad.c:7" \
    "$(cut -d: -f1,2 "$TMP/out" | tr '\n' ' ' | sed 's/ $//')"
