/* tally.c: how one unit of account (an item, or one occurrence of a
 * recurring one) stands as of a date, and the counts and completion rate
 * over many.  zz-report's figures and zz-status's per-group summary both
 * come from here, so the two can never disagree. */
#include <string.h>

#include "zz.h"

enum zz_class
zz_classify(zz_date due, enum zz_status st, zz_date done, zz_date asof)
{
	if (st == ZZ_DROPPED)
		return ZZ_C_DROPPED;
	if (st == ZZ_DONE)
		return done == ZZ_NODATE || done <= due ? ZZ_C_ONTIME :
		    ZZ_C_LATE;
	if (due < asof)
		return ZZ_C_OVERDUE;
	if (due == asof)
		return ZZ_C_TODAY;
	return ZZ_C_PENDING;
}

bool
zz_class_open(enum zz_class c)
{
	return c == ZZ_C_OVERDUE || c == ZZ_C_TODAY || c == ZZ_C_PENDING;
}

/* A unit counts as due once its due date is reached, or once it is done
 * (done early counts as done, whether or not it is due yet). */
void
zz_tally_add(struct zz_tally *t, zz_date due, enum zz_status st,
    enum zz_class c, zz_date asof)
{
	if (zz_class_open(c)) {
		if (st == ZZ_DOING)
			t->doing++;
		if (st == ZZ_BLOCKED)
			t->blocked++;
		if (due > asof && due <= asof + 7)
			t->soon++;
	}
	if (c == ZZ_C_DROPPED) {
		if (due <= asof)
			t->dropped++;
		return;
	}
	if (c == ZZ_C_PENDING)
		return;
	t->due++;
	switch (c) {
	case ZZ_C_ONTIME:
		t->done++, t->ontime++;
		break;
	case ZZ_C_LATE:
		t->done++, t->late++;
		break;
	case ZZ_C_OVERDUE:
		t->open++, t->overdue++;
		break;
	default:
		t->open++, t->today++;
		break;
	}
}

int
zz_tally_rate(const struct zz_tally *t)
{
	if (t->due <= 0)
		return -1;
	return (int)(((long)t->done * 1000 + t->due / 2) / t->due);
}
