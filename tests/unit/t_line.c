/* Unit tests of zz_plain_line: the check of a plain log line gives the
 * same answer 64 bytes at a time as a byte at a time, on lines made of
 * every kind of byte sequence, cut and changed at random, ending at
 * every offset of a block, with random bytes after their end. */
#include <stdint.h>
#include <stdlib.h>

#include "unit.h"

static uint64_t seed = 0x9e3779b97f4a7c15u;

static unsigned
rnd(unsigned n)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (unsigned)(seed % n);
}

/* Pieces of lines: what a plain line has, and each thing that makes one
 * not plain, or that only the byte loop may tell. */
static const char *const pieces[] = {
	"1423.P11", "0.T5@2022-07", "doing", "done", "47", "100", ",", ",",
	",", ",", "a", "note text", " ", "\t", "完成政策落实", "联络员", "中",
	"\xc2\xa9", "\xdf\xbf", "\xc3\xa9t\xc3\xa9",	/* two bytes */
	"\xee\x80\x80", "\xef\xbf\xbf", "\xe1\x80\x80",
	"\xe0\xa0\x80", "\xe0\xbf\xbf",			/* E0, not overlong */
	"\xed\x80\x80", "\xed\x9f\xbf",			/* ED, no surrogate */
	/* not plain */
	"\xe0\x80\xaf", "\xe0\x9f\xbf",			/* overlong */
	"\xed\xa0\x80", "\xed\xbf\xbf",			/* surrogates */
	"\xf0\x9f\x98\x80", "\xf4\x8f\xbf\xbf", "\xf5\x80\x80\x80",
	"\xc0\x80", "\xc1\xbf",				/* overlong two */
	"\x80", "\xbf", "\xe4\xb8", "\xc3", "\xe4",	/* cut short */
	"\xff", "\xfe", "\xb9\xfa",			/* GBK, not UTF-8 */
	"\"", "\r", "\x7f", "\x01", "\x1f", "~", "",	/* "": a NUL */
};

/* The first 27 pieces make plain lines, the last four of them only the
 * byte loop's to tell. */
#define NPLAIN 27

static char *
put(char *p, const char *end, unsigned piece)
{
	const char *x = pieces[piece];
	size_t len = x[0] ? strlen(x) : 1;

	if (p + len > end)
		return p;
	memcpy(p, x, len);
	return p + len;
}

/* A line from s to *e: half of them plain (a head of an id, a status
 * and a progress, a tail of one to five fields), the others of any
 * pieces; then a few bytes changed, or cut short. */
static void
make_line(char *s, char **e, size_t room)
{
	const size_t np = sizeof pieces / sizeof *pieces;
	char *p = s, *end = s + room;
	int i, n = (int)rnd(40);

	if (rnd(2)) {
		p = put(p, end, rnd(2));
		p = put(p, end, 6);
		p = put(p, end, 2 + rnd(2));
		p = put(p, end, 6);
		p = put(p, end, 4 + rnd(2));
		p = put(p, end, 6);
		for (i = 0; i < n; i++)
			p = put(p, end, !rnd(3) ? 6 : rnd(20) ?
			    10 + rnd(NPLAIN - 14) : NPLAIN - 1 - rnd(4));
	} else {
		for (i = 0; i < n; i++)
			p = put(p, end, rnd(4) ? rnd(8) : rnd((unsigned)np));
	}
	if (p > s && rnd(4) == 0)
		s[rnd((unsigned)(p - s))] = (char)rnd(256);
	if (p > s && rnd(8) == 0)
		p -= rnd((unsigned)(p - s));
	*e = p;
}

/* line (n bytes) at every offset of a block in a buffer with random
 * bytes around it: the answer and the commas, each wide way and a byte
 * at a time; how many agree (16 a line for each wide way). */
static int
both_ways(const char *line, size_t n, int *plain)
{
	static char buf[512 + 128];
	char *c1[3], *c2[3];
	int k, agree = 0;

	for (k = 0; k < (int)sizeof buf; k++)
		buf[k] = (char)rnd(256);
	for (k = 0; k < 16; k++) {
		char *s = buf + 64 + k;
		int a, b, w;

		memcpy(s, line, n);
		if (k > 0 && n > 0)	/* the byte before: not the line's */
			s[-1] = (char)rnd(256);
		zz_line_wide = 1;
		b = zz_plain_line(s, s + n, c2);
		for (w = 16; w <= zz_line_widest(); w *= 2) {
			zz_line_wide = w;
			a = zz_plain_line(s, s + n, c1);
			agree += a == b && (a < 0 || (c1[0] == c2[0] &&
			    c1[1] == c2[1] && c1[2] == c2[2]));
		}
		zz_line_wide = 0;
		*plain += b >= 0;
	}
	return agree;
}

static void
test_random(void)
{
	char line[400], *e;
	int i, w, ways = 0, agree = 0, plain = 0, long_plain = 0, tried = 0;

	for (w = 16; w <= zz_line_widest(); w *= 2)
		ways++;
	printf("# %d wide ways (the widest: %d bytes)\n", ways,
	    zz_line_widest());

	for (i = 0; i < 200000; i++) {
		int was = plain;

		make_line(line, &e, 300);
		agree += both_ways(line, (size_t)(e - line), &plain);
		long_plain += plain > was && e - line > 64;
		tried += 16 * ways;
	}
	CHECK(agree == tried);
	/* both answers came often, and lines past one block of 64 */
	CHECK(plain > i * 16 / 20 && plain < i * 16 - i * 16 / 20);
	CHECK(long_plain > 1000);
}

/* Lines whose answer is known. */
static int
one(const char *line)
{
	static char buf[400];
	char *c[3];
	size_t n = strlen(line);

	memset(buf, 'x', sizeof buf);
	memcpy(buf, line, n);
	return zz_plain_line(buf, buf + n, c);
}

static void
test_known(int wide)
{
	zz_line_wide = wide;
	CHECK(one("1423.P11,doing,47,完成政策落实,联络员") == 1);
	CHECK(one("1.P1,done,100,a,b,2022-07-02T08:00:00Z,,") == 4);
	CHECK(one("1.P1,done,,\xc2\xa9\xe0\xa0\x80\xed\x9f\xbf,x") == 1);
	CHECK(one("1.P1,done,1,\xb9\xfa,x") == -1);		/* GBK */
	CHECK(one("1.P1,done,1,\xe0\x80\xaf,x") == -1);	/* overlong */
	CHECK(one("1.P1,done,1,\xed\xa0\x80,x") == -1);	/* surrogate */
	CHECK(one("1.P1,done,1,\xf0\x9f\x98\x80,x") == -1);	/* 4 bytes */
	CHECK(one("1.P1,done,1,\xc0\x80,x") == -1);
	CHECK(one("1.P1,done,1,x,\xe4\xb8") == -1);		/* cut short */
	CHECK(one("1.P1,done,1,\"x\",y") == -1);
	CHECK(one("1.P1,done,1,x\ry,z") == -1);
	CHECK(one("1.P1,do\x7fne,1,x,y") == -1);
	CHECK(one("1.P1,doing,中,x,y") == -1);		/* not in the head */
	CHECK(one("1.P1,done") == -1);
	/* the third comma past the first 64 bytes */
	CHECK(one("1.P1-a-very-long-item-id-that-goes-on-and-on-and-on-and-"
	    "on-and-on,done,1,x,y") == 1);
	zz_line_wide = 0;
}

int
main(void)
{
	int w;

	test_known(1);
	for (w = 16; w <= zz_line_widest(); w *= 2)
		test_known(w);
	test_random();
	UNIT_END();
}
