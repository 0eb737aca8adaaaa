/* Unit tests of zz_states_load_plan: the log read against a plan's index,
 * in two halves at once, must give what one plain pass gives, whatever
 * lies across the middle, and name the right line when a line is bad. */
#include <stdlib.h>
#include <unistd.h>

#include "unit.h"

#define NIDS 3000
#define NLINES 40000

/* Ids: most are the plan's items; every 9th is not (an occurrence, a
 * typo), every 500th is longer than the reader's queue keeps. */
static void
id_of(int k, char *buf, size_t n)
{
	if (k % 500 == 7)
		snprintf(buf, n, "%d.P1-a-very-long-item-id-that-goes-on-and-"
		    "on-%d", k, k);
	else if (k % 9 == 4)
		snprintf(buf, n, "%d.R1@2022-%02d", k / 10, k % 12 + 1);
	else
		snprintf(buf, n, "%d.P%d", k / 10, k % 10);
}

static bool
in_plan(int k)
{
	return k % 9 != 4;
}

static void
make_plan(struct zz_plan *p)
{
	char id[128];
	int k;

	memset(p, 0, sizeof *p);
	p->doc.number = zz_xstrdup("t");
	for (k = 0; k < NIDS; k++) {
		struct zz_item *it;

		if (!in_plan(k))
			continue;
		id_of(k, id, sizeof id);
		it = zz_plan_add_item(p);
		it->id = zz_xstrdup(id);
		it->text = zz_xstrdup("");
		it->recur = zz_xstrdup("");
		it->owner = zz_xstrdup("");
	}
	if (zz_plan_check(p, "plan") < 0)
		abort();
}

static char *
write_file(const char *text, size_t len)
{
	char *path = zz_xstrdup("/tmp/t_scan.XXXXXX");
	int fd = mkstemp(path);

	if (fd < 0 || write(fd, text, len) != (ssize_t)len)
		abort();
	close(fd);
	return path;
}

/* Every id's state from s equals the one from the plain reader. */
static bool
same_states(const struct zz_states *s, const struct zz_states *plain)
{
	char id[128];
	int k, bad = 0;

	for (k = 0; k < NIDS; k++) {
		const struct zz_state *a, *b;

		id_of(k, id, sizeof id);
		a = zz_state_get(s, id);
		b = zz_state_get(plain, id);
		if (!a || !b)
			bad += a != b;
		else
			bad += a->date != b->date || a->status != b->status ||
			    a->progress != b->progress || a->line != b->line;
	}
	return bad == 0;
}

/* Read path both ways, with the log split wherever it is long enough
 * and never; both must agree with zz_states_load. */
static void
check_both(const char *what, const char *path, const struct zz_plan *p,
    zz_date asof)
{
	struct zz_states plain = {0}, split = {0}, whole = {0};
	bool ok;

	zz_log_split_min = 0;
	ok = zz_states_load(&plain, path, asof, false) == 0 &&
	    zz_states_load_plan(&split, path, p, asof) == 0;
	zz_log_split_min = (off_t)1 << 40;
	ok = ok && zz_states_load_plan(&whole, path, p, asof) == 0;
	printf("%s - %s: read in halves\n", ok && same_states(&split, &plain) ?
	    "ok" : "not ok", what);
	printf("%s - %s: read whole\n", ok && same_states(&whole, &plain) ?
	    "ok" : "not ok", what);
	unit_failed += !ok || !same_states(&split, &plain) ||
	    !same_states(&whole, &plain);
	zz_states_free(&plain);
	zz_states_free(&split);
	zz_states_free(&whole);
}

static void
random_log(struct zz_buf *b, int lines, unsigned seed)
{
	static const char *st[] = {"todo", "doing", "done", "blocked",
		"dropped"};
	zz_date base = zz_mkdate(2022, 1, 1);
	char id[128], d[11];
	int i;

	srand(seed);
	zz_buf_puts(b, ZZ_LOG_HEADER "\n");
	for (i = 0; i < lines; i++) {
		/* few days, so that many lines of an id share a date */
		int day = rand() % 20, s = rand() % 5, p = rand() % 101;

		id_of(rand() % NIDS, id, sizeof id);
		zz_buf_printf(b, "%s,%s,%s,%d,note %d,\"by, %d\"\n",
		    zz_fmt_date(base + day, d), id, st[s], p, i, i);
	}
}

static void
test_random(const struct zz_plan *p)
{
	struct zz_buf b = {0};
	char *path;

	random_log(&b, NLINES, 4);
	path = write_file(b.s, b.len);
	check_both("random log", path, p, zz_mkdate(2022, 1, 15));
	check_both("random log, all dates", path, p, zz_mkdate(2023, 1, 1));
	unlink(path);
	free(path);
	zz_buf_free(&b);
}

/* A quoted note of many lines across the middle, whose lines look like
 * reports: the second half starts inside it and must not count. */
static void
test_quoted_middle(const struct zz_plan *p)
{
	struct zz_buf b = {0};
	char *path;
	int i;

	random_log(&b, 2000, 5);
	zz_buf_puts(&b, "2022-01-05,0.P1,doing,10,\"a note\n");
	for (i = 0; i < 4000; i++)
		zz_buf_printf(&b, "2022-01-19,%d.P1,done,100,fake,x\n", i % 300);
	zz_buf_puts(&b, "end of the note\",x\n");
	for (i = 0; i < 2000; i++)
		zz_buf_printf(&b, "2022-01-%02d,%d.P2,doing,%d,n,x\n", i % 20 + 1,
		    i % 300, i % 100);
	path = write_file(b.s, b.len);
	check_both("a quoted field across the middle", path, p,
	    zz_mkdate(2023, 1, 1));
	unlink(path);
	free(path);
	zz_buf_free(&b);
}

/* What zz_states_load_plan says on stderr, and whether it failed. */
static char *
load_err(const char *path, const struct zz_plan *p, int *rc)
{
	char errpath[] = "/tmp/t_scan_err.XXXXXX";
	int fd = mkstemp(errpath), saved = dup(2);
	struct zz_states s;
	size_t len;
	char *text;
	long torn;

	fflush(stderr);
	dup2(fd, 2);
	*rc = zz_states_load_plan(&s, path, p, zz_mkdate(2023, 1, 1));
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	close(fd);
	if (*rc == 0)
		zz_states_free(&s);
	text = zz_log_read(errpath, &len, &torn);
	unlink(errpath);
	return text;
}

/* A bad line at line `bad` of a log of n lines (after the header), with
 * or without a quoted field across the middle: one message, with the
 * bad line's own number. */
static void
check_bad_line(const struct zz_plan *p, int n, int bad, bool quoted)
{
	struct zz_buf b = {0}, want = {0};
	char *path, *got;
	int i, rc;
	bool ok;

	zz_log_split_min = 0;
	zz_buf_puts(&b, ZZ_LOG_HEADER "\n");
	for (i = 2; i <= n; i++) {
		if (i == bad)
			zz_buf_puts(&b, "2022-02-30,0.P1,done,,,\n");
		else if (quoted && i == n / 2 - 2)
			zz_buf_puts(&b, "2022-01-01,0.P1,doing,,\"a\nb\nc\nd\ne\n"
			    "f\",x\n");
		else
			zz_buf_printf(&b, "2022-01-01,%d.P1,doing,5,n,x\n", i % 300);
	}
	path = write_file(b.s, b.len);
	/* lines after the quoted note's start are 5 further on */
	zz_buf_printf(&want, "t_scan: %s:%d: bad date (expected YYYY-MM-DD)\n",
	    path, quoted && bad > n / 2 - 2 ? bad + 5 : bad);
	got = load_err(path, p, &rc);
	ok = rc < 0 && got && strcmp(got, want.s) == 0;
	printf("%s - bad line %d of %d%s: rc %d, message \"%s\"\n",
	    ok ? "ok" : "not ok", bad, n, quoted ? " (quoted middle)" : "", rc,
	    got ? strtok(got, "\n") : "");
	unit_failed += !ok;
	unlink(path);
	free(path);
	free(got);
	zz_buf_free(&b);
	zz_buf_free(&want);
}

static void
test_bad_lines(const struct zz_plan *p)
{
	check_bad_line(p, 1000, 10, false);	/* first half */
	check_bad_line(p, 1000, 900, false);	/* second half */
	check_bad_line(p, 1000, 501, false);	/* near the middle */
	check_bad_line(p, 1000, 502, false);
	check_bad_line(p, 1000, 503, false);
	check_bad_line(p, 1000, 1000, false);	/* the last line */
	check_bad_line(p, 1000, 900, true);
	check_bad_line(p, 1000, 10, true);
}

/* A short log, stdin and a torn tail go the plain way, with its result. */
static void
test_small(const struct zz_plan *p)
{
	const char *text = ZZ_LOG_HEADER "\n2022-01-02,0.P1,done,100,,\n"
	    "2022-01-01,0.P1,doing,50,,\n2022-01-03,0.P2,done,100,,\n2022-01";
	char *path = write_file(text, strlen(text));
	struct zz_states s;
	const struct zz_state *st;
	char *err;
	int rc;

	zz_log_split_min = 0;
	err = load_err(path, p, &rc);
	CHECK(rc == 0);
	CHECK(err && strstr(err, ":5: the last line has no newline"));
	free(err);
	CHECK(zz_states_load_plan(&s, path, p, zz_mkdate(2022, 1, 2)) == 0);
	st = zz_state_get(&s, "0.P1");
	CHECK(st && st->status == ZZ_DONE && st->line == 2);
	CHECK(zz_state_get(&s, "0.P2") == NULL);	/* after as-of */
	CHECK(zz_state_get(&s, "0.P3") == NULL);	/* never reported */
	zz_states_free(&s);
	unlink(path);
	free(path);
}

int
main(void)
{
	struct zz_plan p;

	zz_setprog("t_scan");
	make_plan(&p);
	test_random(&p);
	test_quoted_middle(&p);
	test_bad_lines(&p);
	test_small(&p);
	zz_plan_free(&p);
	UNIT_END();
}
