/* Unit tests of zz_states_load_plan: the log read against a plan's index,
 * in two halves at once, must give what one plain pass gives, whatever
 * lies across the middle, and name the right line when a line is bad. */
#include <stdlib.h>
#include <unistd.h>

#include "unit.h"

#define NIDS 3000
#define NLINES 40000

/* Ids: most are the plan's items; every 9th is not (an occurrence, of
 * an item of the plan or not), every 500th is longer than the reader's
 * queue keeps. */
static void
id_of(int k, char *buf, size_t n)
{
	if (k % 500 == 7)
		snprintf(buf, n, "%d.P1-a-very-long-item-id-that-goes-on-and-"
		    "on-%d", k, k);
	else if (k % 9 == 4)
		snprintf(buf, n, "0.P%d@2022-%02d", k / 10 + 1, k % 12 + 1);
	else
		snprintf(buf, n, "0.P%d", k + 1);
}

/* The plan's ids are GROUP.LETTERSEQ (zz-data(5)), never as long as the
 * queue's limit: the long ones are reports of ids the plan lacks. */
static bool
in_plan(int k)
{
	return k % 9 != 4 && k % 500 != 7;
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
		it->kind = ZZ_PLAN;
		it->seq = k + 1;
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

/* The id names neither an item of p nor an occurrence of one. */
static bool
stray(const struct zz_plan *p, const char *id)
{
	const char *at = strchr(id, '@');

	return !zz_plan_item_n(p, id, at ? (size_t)(at - id) : strlen(id));
}

/* Every id's state from s equals the one from the plain reader (with p,
 * only the ids that are p's or its items' occurrences). */
static bool
same_states(const struct zz_states *s, const struct zz_states *plain,
    const struct zz_plan *p)
{
	char id[128];
	int k, bad = 0;

	for (k = 0; k < NIDS; k++) {
		const struct zz_state *a, *b;

		id_of(k, id, sizeof id);
		if (p && stray(p, id))
			continue;
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

	zz_split_min = 0;
	ok = zz_states_load(&plain, path, asof, false) == 0 &&
	    zz_states_load_plan(&split, path, p, asof) == 0;
	zz_split_min = (off_t)1 << 40;
	ok = ok && zz_states_load_plan(&whole, path, p, asof) == 0;
	printf("%s - %s: read in halves\n", ok && same_states(&split, &plain, NULL) ?
	    "ok" : "not ok", what);
	printf("%s - %s: read whole\n", ok && same_states(&whole, &plain, NULL) ?
	    "ok" : "not ok", what);
	unit_failed += !ok || !same_states(&split, &plain, NULL) ||
	    !same_states(&whole, &plain, NULL);
	zz_states_free(&plain);
	zz_states_free(&split);
	zz_states_free(&whole);
}

/* check_both on a log of the text in b (freed). */
static void
check_text(const char *what, struct zz_buf *b, const struct zz_plan *p,
    zz_date asof)
{
	char *path = write_file(b->s, b->len);

	check_both(what, path, p, asof);
	unlink(path);
	free(path);
	zz_buf_free(b);
}

static void
random_log(struct zz_buf *b, int lines, unsigned seed)
{
	static const char *st[] = {"todo", "doing", "done", "blocked",
		"dropped"};
	zz_date base = zz_mkdate(2022, 1, 1);
	char id[128], d[11];
	int i;

	static const char *cn[] = {"未开始", "推进中", "已完成", "受阻",
		"已取消"};
	/* lines of the usual form (read in one pass), and some not: a
	 * quoted name, Chinese words, 5%, CRLF, an empty progress */
	static const char *form[] = {
		"%s,%s,%s,%d,推进 %d,联络员\n",
		"%s,%s,%s,%d,note %d,联络员\n",
		"%s,%s,%s,%d,note %d,\"by, x\"\n",
		"%s,%s,%s,%d%%,进展%d,x\n",
		"%s,%s,%s,%d,\"说明\n%d\",x\n",
		"%s,%s,%s,%d,%d,\r\n",
	};

	srand(seed);
	zz_buf_puts(b, ZZ_LOG_HEADER1 "\n");
	for (i = 0; i < lines; i++) {
		/* few days, so that many lines of an id share a date */
		int day = rand() % 20, s = rand() % 5, p = rand() % 101,
		    k = rand() % 16;

		id_of(rand() % NIDS, id, sizeof id);
		zz_buf_printf(b, form[k < 10 || k > 13 ? k % 2 : k - 8],
		    zz_fmt_date(base + day, d), id, k == 11 ? cn[s] : st[s], p,
		    i);
		if (k == 15)	/* and one with no progress */
			zz_buf_printf(b, "%s,%s,%s,,,\n",
			    zz_fmt_date(base + day, d), id, st[s]);
	}
}

/* A log of the second form: lines that record their time, batches of
 * lines (some left unfinished at the end when cut), lines of the first
 * form among them, and, with voids, void records of earlier lines. */
static void
random_log2(struct zz_buf *b, int lines, unsigned seed, bool voids,
    bool cut)
{
	static const char *st[] = {"todo", "doing", "done", "blocked",
		"dropped"};
	zz_date base = zz_mkdate(2022, 1, 1);
	char id[128], d[11];
	int i, line = 1, batch = 0, left = 0, k, n = 0;

	srand(seed);
	zz_buf_puts(b, ZZ_LOG_HEADER "\n");
	for (i = 0; i < lines; i++) {
		int day = rand() % 20, s = rand() % 5, p = rand() % 101;

		id_of(rand() % NIDS, id, sizeof id);
		line++;
		if (voids && line > 3 && rand() % 50 == 0 && !left) {
			int t = 2 + rand() % (line - 2);	/* may be a void */

			zz_buf_printf(b, "%s,%s,void,,why,x,2022-02-01T00:00:00Z,,"
			    "%d\n", zz_fmt_date(base + day, d), id, t);
			continue;
		}
		if (!left && rand() % 20 == 0) {
			left = n = 2 + rand() % 5;
			batch++;
		}
		if (left) {
			k = n - left-- + 1;
			zz_buf_printf(b, "%s,%s,%s,%d,推进 %d,联络员,"
			    "2022-02-01T00:00:00Z,%08x:%d/%d,\n",
			    zz_fmt_date(base + day, d), id, st[s], p, i, batch, k, n);
		} else if (rand() % 10 == 0) {	/* the first form, by hand */
			zz_buf_printf(b, "%s,%s,%s,%d,note %d,x\n",
			    zz_fmt_date(base + day, d), id, st[s], p, i);
		} else {
			zz_buf_printf(b, "%s,%s,%s,%d,\"a, %d\",x,,,\n",
			    zz_fmt_date(base + day, d), id, st[s], p, i);
		}
		if (cut && i == lines - 1 && !left)	/* leave one unfinished */
			zz_buf_printf(b, "%s,%s,done,100,,x,2022-02-01T00:00:00Z,"
			    "ffff:1/3,\n", zz_fmt_date(base + day, d), id);
	}
}

/* What every reader gives for the 4.P3 case: a report voided. */
static void
test_voided(const struct zz_plan *p)
{
	struct zz_states plain = {0}, split = {0};
	const struct zz_state *a, *b;
	char *path;
	const char *text = ZZ_LOG_HEADER "\n"
	    "2022-09-20,0.P1,done,100,,x,2022-09-20T08:00:00Z,,\n"
	    "2022-09-21,0.P1,doing,50,,x,2022-09-21T08:00:00Z,,\n"
	    "2022-09-18,0.P1,blocked,,,x,2022-09-21T08:00:00Z,,\n"
	    "2022-09-21,0.P1,void,,wrong,y,2022-09-22T08:00:00Z,,3\n"
	    "2022-09-21,1.P1,done,,,x,2022-09-21T08:00:00Z,a:1/2,\n";

	path = write_file(text, strlen(text));
	zz_split_min = 0;
	CHECK(zz_states_load(&plain, path, zz_mkdate(2022, 12, 31), false) == 0);
	CHECK(zz_states_load_plan(&split, path, p, zz_mkdate(2022, 12, 31)) == 0);
	a = zz_state_get(&plain, "0.P1");
	b = zz_state_get(&split, "0.P1");
	CHECK(a && a->status == ZZ_DONE && a->line == 2);
	CHECK(b && b->status == ZZ_DONE && b->line == 2);
	CHECK(!zz_state_get(&plain, "1.P1") && !zz_state_get(&split, "1.P1"));
	zz_states_free(&plain);
	zz_states_free(&split);
	unlink(path);
	free(path);
}

static void
test_random2(const struct zz_plan *p)
{
	struct zz_buf b = {0};

	random_log2(&b, NLINES, 5, false, false);
	check_text("second form", &b, p, zz_mkdate(2022, 1, 15));
	random_log2(&b, NLINES, 6, false, true);
	check_text("second form, a batch cut at the end", &b, p,
	    zz_mkdate(2023, 1, 1));
	random_log2(&b, NLINES, 7, true, false);
	check_text("second form with void records", &b, p,
	    zz_mkdate(2022, 1, 15));
	random_log2(&b, NLINES, 8, true, true);
	check_text("second form with void records, cut", &b, p,
	    zz_mkdate(2023, 1, 1));
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

/* A log in date order, as appending keeps it: the halves split where
 * the work is half (the lines after the as-of date cost less), at
 * every as-of date the same states as read whole. */
static void
test_dated(const struct zz_plan *p)
{
	static const int when[][3] = {{2021, 12, 31}, {2022, 2, 1},
	    {2022, 7, 1}, {2022, 11, 30}, {2023, 1, 1}};
	struct zz_buf b = {0};
	char *path, what[64], id[128];
	size_t k;
	int i;

	zz_buf_puts(&b, ZZ_LOG_HEADER1 "\n");
	for (i = 0; i < NLINES; i++) {
		id_of(i * 7 % NIDS, id, sizeof id);
		zz_buf_printf(&b, "2022-%02d-%02d,%s,%s,%d,进展,联络员\n",
		    i / 3334 + 1, i % 3334 / 120 + 1, id,
		    i % 5 ? "doing" : "done", i % 100);
	}
	path = write_file(b.s, b.len);
	for (k = 0; k < sizeof when / sizeof when[0]; k++) {
		snprintf(what, sizeof what, "a log in date order, as of "
		    "%04d-%02d-%02d", when[k][0], when[k][1], when[k][2]);
		check_both(what, path, p, zz_mkdate(when[k][0], when[k][1],
		    when[k][2]));
	}
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
	int i;

	random_log(&b, 2000, 5);
	zz_buf_puts(&b, "2022-01-05,0.P1,doing,10,\"a note\n");
	for (i = 0; i < 4000; i++)
		zz_buf_printf(&b, "2022-01-19,%d.P1,done,100,fake,x\n", i % 300);
	zz_buf_puts(&b, "end of the note\",x\n");
	for (i = 0; i < 2000; i++)
		zz_buf_printf(&b, "2022-01-%02d,%d.P2,doing,%d,n,x\n", i % 20 + 1,
		    i % 300, i % 100);
	check_text("a quoted field across the middle", &b, p,
	    zz_mkdate(2023, 1, 1));
}

/* Blank lines past the middle, then the header and reports. */
static void
test_late_header(const struct zz_plan *p)
{
	struct zz_buf b = {0};
	int i;

	for (i = 0; i < 30000; i++)
		zz_buf_puts(&b, i % 7 ? "\n" : "\"\"\n");
	random_log(&b, 200, 6);
	check_text("the header after the middle", &b, p,
	    zz_mkdate(2023, 1, 1));
}

/* stderr into a file while a call runs: start returns what end needs. */
struct capture {
	char path[32];
	int fd, saved;
};

static void
capture_start(struct capture *c)
{
	snprintf(c->path, sizeof c->path, "/tmp/t_scan_err.XXXXXX");
	c->fd = mkstemp(c->path);
	c->saved = dup(2);
	fflush(stderr);
	dup2(c->fd, 2);
}

/* What went to stderr (caller frees). */
static char *
capture_end(struct capture *c)
{
	size_t len;
	char *text;
	long torn;

	fflush(stderr);
	dup2(c->saved, 2);
	close(c->saved);
	close(c->fd);
	text = zz_log_read(c->path, &len, &torn);
	unlink(c->path);
	return text;
}

/* What the reader says on stderr, and whether it failed: plain (the
 * reader of zz_states_load) or for a plan (zz_states_load_plan). */
static char *
load_err(const char *path, const struct zz_plan *p, bool plain, int *rc)
{
	struct capture c;
	struct zz_states s;
	zz_date asof = zz_mkdate(2023, 1, 1);

	capture_start(&c);
	*rc = plain ? zz_states_load(&s, path, asof, false) :
	    zz_states_load_plan(&s, path, p, asof);
	if (*rc == 0)
		zz_states_free(&s);
	return capture_end(&c);
}

/* A log of n lines whose line `at` is bad, with or without a quoted
 * field of 6 lines across the middle: it fails with the one message the
 * plain reader gives, naming the bad line. */
static void
check_bad_line(const struct zz_plan *p, int n, int at, bool quoted,
    const char *bad)
{
	struct zz_buf b = {0}, line = {0};
	char *path, *got, *want;
	int i, rc = 0, prc;
	bool ok;

	zz_split_min = 0;
	/* a line of the second form, in a log of that form */
	for (i = 0; bad[i] && bad[i] != '\n'; i++)
		rc += bad[i] == ',';
	zz_buf_puts(&b, rc == 8 ? ZZ_LOG_HEADER "\n" : ZZ_LOG_HEADER1 "\n");
	for (i = 2; i <= n; i++) {
		if (i == at)
			zz_buf_puts(&b, bad);
		else if (quoted && i == n / 2 - 2)
			zz_buf_puts(&b, "2022-01-01,0.P1,doing,,\"a\nb\nc\nd\ne\n"
			    "f\",x\n");
		else
			zz_buf_printf(&b, "2022-01-01,%d.P1,doing,5,说明,x\n",
			    i % 300);
	}
	path = write_file(b.s, b.len);
	/* lines after the quoted note's start are 5 further on */
	zz_buf_printf(&line, ":%d: ", quoted && at > n / 2 - 2 ? at + 5 : at);
	want = load_err(path, p, true, &prc);
	got = load_err(path, p, false, &rc);
	ok = rc < 0 && prc < 0 && got && want && strcmp(got, want) == 0 &&
	    strstr(got, line.s) && !strchr(strchr(got, '\n') + 1, '\n');
	printf("%s - bad line %d of %d%s: rc %d, message \"%s\"\n",
	    ok ? "ok" : "not ok", at, n, quoted ? " (quoted middle)" : "", rc,
	    got ? strtok(got, "\n") : "");
	unit_failed += !ok;
	unlink(path);
	free(path);
	free(got);
	free(want);
	zz_buf_free(&b);
	zz_buf_free(&line);
}

static void
test_bad_lines(const struct zz_plan *p)
{
	static const char *bad[] = {
		"2022-02-30,0.P1,done,,,\n",
		"2022-01-01,0.P1,done,101,,\n",
		"2022-01-01,0.P1,done,5,a,b,c\n",
		"2022-01-01,0.P1,done,5,a\n",
		"2022-01-01,0.P1,finished,5,a,b\n",
		"2022-01-01,,done,5,a,b\n",
		"2022-01-01,0.P1,done,5,a\xff,b\n",
		"2022-01-01,0.P1,done,5,a\"b,c\n",
		"2022-01-01,0.P1,done,5,\xe5\x8a,b\n",
		"2022-1-1,0.P1,done,5,a,b\n",
		/* the second form's fields, which whole_line must not pass */
		"2022-01-01,0.P1,done,5,a,b,2022-01-01 08:00:00,,\n",
		"2022-01-01,0.P1,done,5,a,b,2022-01-01T08:00:00Z,x:1/2,\n",
		"2022-01-01,0.P1,done,5,a,b,2022-01-01T08:00:00Z,ab:3/2,\n",
		"2022-01-01,0.P1,done,5,a,b,2022-01-01T08:00:00Z,,7\n",
		"2022-01-01,0.P1,done,5,a,b,,ab:0/2,\n",
	};
	size_t i;

	check_bad_line(p, 1000, 10, false, bad[0]);	/* first half */
	check_bad_line(p, 1000, 900, false, bad[0]);	/* second half */
	check_bad_line(p, 1000, 501, false, bad[0]);	/* near the middle */
	check_bad_line(p, 1000, 502, false, bad[0]);
	check_bad_line(p, 1000, 503, false, bad[0]);
	check_bad_line(p, 1000, 1000, false, bad[0]);	/* the last line */
	check_bad_line(p, 1000, 900, true, bad[0]);
	check_bad_line(p, 1000, 10, true, bad[0]);
	for (i = 1; i < sizeof bad / sizeof bad[0]; i++)
		check_bad_line(p, 1000, 700, false, bad[i]);
}

/* A short log, stdin and a torn tail go the plain way, with its result. */
static void
test_small(const struct zz_plan *p)
{
	const char *text = ZZ_LOG_HEADER1 "\n2022-01-02,0.P1,done,100,,\n"
	    "2022-01-01,0.P1,doing,50,,\n2022-01-03,0.P2,done,100,,\n2022-01";
	char *path = write_file(text, strlen(text));
	struct zz_states s;
	const struct zz_state *st;
	char *err;
	int rc;

	zz_split_min = 0;
	err = load_err(path, p, false, &rc);
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

/* A data directory whose items.csv is the given rows. */
static char *
data_dir(const char *items)
{
	char *dir = zz_xstrdup("/tmp/t_scan_dir.XXXXXX");
	static const char *files[][2] = {
		{"doc.csv", "number,title,issuer,date,year\nn,t,i,2022-01-01,"
		    "2022\n"},
		{"groups.csv", "id,name,goal,due,ongoing\n1,g1,,,no\n2,g2,,,no\n"},
		{"people.csv", "name,title,unit,role\n"},
		{"members.csv", "group,name,role\n"},
	};
	size_t i;
	FILE *f;

	if (!mkdtemp(dir))
		abort();
	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		char *path = zz_xasprintf("%s/%s", dir, files[i][0]);

		if (!(f = fopen(path, "w")) || fputs(files[i][1], f) < 0 ||
		    fclose(f) != 0)
			abort();
		free(path);
	}
	{
		char *path = zz_xasprintf("%s/items.csv", dir);

		if (!(f = fopen(path, "w")) || fputs(items, f) < 0 ||
		    fclose(f) != 0)
			abort();
		free(path);
	}
	return dir;
}

static void
rm_dir(char *dir)
{
	char *cmd = zz_xasprintf("rm -rf '%s'", dir);

	if (system(cmd) != 0)
		abort();
	free(cmd);
	free(dir);
}

/* What zz_plan_load says, with items.csv read in halves or whole. */
static char *
plan_err(const char *dir, bool halves, struct zz_plan *p, int *rc)
{
	struct capture c;

	zz_split_min = halves ? 0 : (off_t)1 << 40;
	capture_start(&c);
	*rc = zz_plan_load(dir, p);
	return capture_end(&c);
}

static bool
same_plans(const struct zz_plan *a, const struct zz_plan *b)
{
	size_t i;

	if (a->nitems != b->nitems || a->index.n != a->nitems)
		return false;
	for (i = 0; i < a->nitems; i++) {
		const struct zz_item *x = &a->items[i], *y = &b->items[i];

		if (strcmp(x->id, y->id) || strcmp(x->text, y->text) ||
		    x->group != y->group || x->due != y->due ||
		    strcmp(x->owner, y->owner) || x->seq != y->seq ||
		    zz_plan_item(a, x->id) != x)
			return false;
	}
	return true;
}

/* A data directory whose items.csv is items, loaded in halves and whole:
 * the same plan (of want items, when want >= 0) or the same message. */
static void
same_loads(const char *what, const char *items, long want)
{
	struct zz_plan x, y;
	char *dir = data_dir(items), *e1, *e2;
	int r1, r2;
	bool ok;

	e1 = plan_err(dir, true, &x, &r1);
	e2 = plan_err(dir, false, &y, &r2);
	ok = r1 == r2 && e1 && e2 && strcmp(e1, e2) == 0 &&
	    (r1 < 0 ? *e1 != '\0' && want < 0 : same_plans(&x, &y) &&
	    (want < 0 || (long)x.nitems == want));
	printf("%s - items.csv in halves, %s: rc %d, \"%s\"\n", ok ? "ok" :
	    "not ok", what, r1, e1 ? strtok(e1, "\n") ? e1 : "" : "");
	unit_failed += !ok;
	if (r1 == 0)
		zz_plan_free(&x);
	if (r2 == 0)
		zz_plan_free(&y);
	free(e1);
	free(e2);
	rm_dir(dir);
}

/* items.csv of n rows, row `at` replaced by bad (when given) and row
 * at + 500 by worse (when given), a quoted text of 5 lines at row
 * `quoted` (when > 0): read in halves and whole, the same plan or the
 * same one message. */
/* Row i's item number: ids are GROUP.LETTERSEQ from 1 (zz-data(5)). */
#define ID(i) ((i) + 1000)

static void
check_items2(const char *what, int n, int at, const char *bad, int quoted,
    const char *worse)
{
	struct zz_buf b = {0};
	int i;

	zz_buf_puts(&b, "id,group,kind,seq,text,due,recur,owner,source\n");
	for (i = 0; i < n; i++) {
		if (i == at && bad)
			zz_buf_puts(&b, bad);
		else if (i == at + 500 && worse)
			zz_buf_puts(&b, worse);
		else if (i == quoted && quoted > 0)
			zz_buf_printf(&b, "%d.T%d,1,task,%d,\"多行\n1\n2\n3\n"
			    "4\",2022-06-30,,科室,\n", i % 2 + 1, ID(i), i);
		else
			zz_buf_printf(&b, "%d.T%d,%d,task,%d,任务%d,2022-%02d-01,"
			    ",科室%d,%d\n", i % 2 + 1, ID(i), i % 2 + 1, i, i,
			    i % 12 + 1, i % 5, i + 1);
	}
	same_loads(what, b.s, -1);
	zz_buf_free(&b);
}

/* Blank lines (and a blank quoted field) past the middle, then the
 * header: the first half has read no header at the middle, and reads on. */
static void
test_items_late_header(void)
{
	struct zz_buf b = {0};
	int i;

	for (i = 0; i < 3000; i++)
		zz_buf_puts(&b, i % 7 ? "\n" : "\"\"\n");
	zz_buf_puts(&b, "id,group,kind,seq,text,due,recur,owner,source\n");
	for (i = 0; i < 20; i++)
		zz_buf_printf(&b, "1.T%d,1,task,%d,任务,2022-06-30,,科室,\n", ID(i),
		    i);
	same_loads("the header after the middle", b.s, 20);
	zz_buf_free(&b);
}

static void
check_items(const char *what, int n, int at, const char *bad, int quoted)
{
	check_items2(what, n, at, bad, quoted, NULL);
}

/* items.csv with the columns added after source (coop ... removed):
 * the header wide or not, rows from wide_from on wide (an error under
 * a narrow header), row bad_at replaced by bad (when given). */
static void
wide_rows(struct zz_buf *b, bool wide_head, int wide_from, int bad_at,
    const char *bad)
{
	int i;

	zz_buf_reset(b);
	zz_buf_printf(b, "id,group,kind,seq,text,due,recur,owner,source%s\n",
	    wide_head ? ",coop,leader,person,ongoing,removed" : "");
	for (i = 0; i < 4000; i++)
		if (i == bad_at && bad)
			zz_buf_puts(b, bad);
		else
			zz_buf_printf(b, "%d.T%d,%d,task,%d,任务%d,2022-06-01,,"
			    "科室,%d%s\n", i % 2 + 1, ID(i), i % 2 + 1, i, i, i + 1,
			    i >= wide_from ? ",财务科,张三,李四,yes,2022-07-01" :
			    "");
}

static void
check_wide(const char *what, bool wide_head, int wide_from, int bad_at,
    const char *bad)
{
	struct zz_buf b = {0};

	wide_rows(&b, wide_head, wide_from, bad_at, bad);
	same_loads(what, b.s, bad || !wide_head ? -1 : 4000);
	zz_buf_free(&b);
}

/* Under the old header, the rows of the second half all new: the second
 * half cannot tell, its first row is checked when the halves join.  The
 * row the middle falls on moves with the rows' lengths: look for it. */
static void
check_wide_half(void)
{
	struct zz_buf b = {0};
	int w = 2000, tries, row;
	const char *p, *mid;

	for (tries = 0; tries < 20; tries++) {
		wide_rows(&b, false, w, -1, NULL);
		mid = strchr(b.s + b.len / 2, '\n') + 1;
		for (row = -1, p = b.s; p < mid; p = strchr(p, '\n') + 1)
			row++;
		if (row == w)
			break;
		w = row;
	}
	if (tries == 20)
		abort();
	same_loads("new rows under the old header, all of the second half",
	    b.s, -1);
	zz_buf_free(&b);
}

static void
test_items_wide(void)
{
	check_wide("the new columns", true, 0, -1, NULL);
	check_wide("the new columns, a bad ongoing in the second half", true,
	    0, 3000, "1.Tx,1,task,1,x,2022-01-01,,,,,,,maybe,\n");
	check_wide("the new columns, a bad removed date, first half", true, 0,
	    100, "1.Tx,1,task,1,x,2022-01-01,,,,,,,no,2022-02-30\n");
	check_wide("an old row under the new header, second half", true, 0,
	    3000, "1.Tx,1,task,1,x,2022-01-01,,,\n");
	check_wide("new rows under the old header from the middle on", false,
	    2000, -1, NULL);
	check_wide("new rows under the old header near the end", false,
	    3900, -1, NULL);
	check_wide_half();
}

/* Long rows first, short ones after: many more items than the first
 * 16 KiB promise, so the items, their lines and the index grow past the
 * room made for them, in each half and where the halves join. */
static void
test_items_grow(void)
{
	struct zz_buf b = {0}, text = {0};
	int i;

	for (i = 0; i < 400; i++)
		zz_buf_puts(&text, "任");
	zz_buf_puts(&b, "id,group,kind,seq,text,due,recur,owner,source\n");
	for (i = 0; i < 4000; i++)
		zz_buf_printf(&b, "%d.T%d,%d,task,%d,%s%d,2022-06-01,,科室,%d\n",
		    i % 2 + 1, ID(i), i % 2 + 1, i, i < 40 ? text.s : "任务", i,
		    i + 1);
	same_loads("long rows, then 3960 short ones", b.s, 4000);
	zz_buf_free(&b);
	zz_buf_free(&text);
}

static void
test_items(void)
{
	check_items("good", 4000, -1, NULL, -1);
	check_items("quoted text across the middle", 4000, -1, NULL, 2000);
	check_items("a quoted text early on", 4000, -1, NULL, 10);
	check_items("an id of the first half again in the second", 4000,
	    3500, "1.T1010,1,task,1,x,2022-01-01,,,\n", -1);
	check_items("an id repeated in the second half", 4000, 3500,
	    "1.T4000,1,task,1,x,2022-01-01,,,\n", -1);
	check_items("an id repeated in the first half", 4000, 1500,
	    "1.T1010,1,task,1,x,2022-01-01,,,\n", -1);
	check_items("a group the plan lacks, second half", 4000, 3000,
	    "9.T1,9,task,1,x,2022-01-01,,,\n", -1);
	check_items("a bad date, second half", 4000, 3900,
	    "1.T1x,1,task,1,x,2022-13-01,,,\n", -1);
	check_items("a bad date, first half", 4000, 100,
	    "1.T1x,1,task,1,x,2022-13-01,,,\n", -1);
	/* the second half reads on past a repeat it cannot see, to a bad
	 * row: the repeat, first in the file, is the one named */
	check_items2("a repeat, then a bad row, second half", 4000, 3000,
	    "1.T1004,1,task,1,x,2022-01-01,,,\n", -1,
	    "1.T1x,1,task,1,x,2022-13-01,,,\n");
	/* the first half's ids are indexed after it is read, too */
	check_items2("a repeat, then a bad row, first half", 4000, 1000,
	    "1.T1004,1,task,1,x,2022-01-01,,,\n", -1,
	    "1.T1x,1,task,1,x,2022-13-01,,,\n");
	check_items("a repeat with a bad id, first half", 4000, 1000,
	    "1.T1004,2,task,1,x,2022-01-01,,,\n", -1);
}

/*
 * zz_scan_plan against the plain reader (zz_log_each) doing what the
 * report's model did with it before: every line's id checked, the first
 * report of done of each id as of asof, the reports of a period.  What
 * each says is printed (with its line, in log order), to compare.
 */
struct ref {
	const struct zz_plan *p;
	const char *name;
	zz_date asof, from, to;
	struct zz_buf kept;	/* the period's reports, a line each */
	struct zz_map done;	/* id -> its first done date (in the pointer) */
	size_t n;		/* the period's reports */
};

static void
say_stray(void *ctx, const char *id, size_t len, long line)
{
	const char *name = ctx;

	zz_fwarn(name, line, "warning: '%.*s' is not an item of the plan; "
	    "report ignored", (int)len, id);
}

static void
kept_line(struct zz_buf *b, zz_date date, const char *id, long item,
    int status, int progress, const char *note, const char *by, long line)
{
	char d[11];

	zz_buf_printf(b, "%ld %s %s %ld %d %d [%s] [%s]\n", line,
	    zz_fmt_date(date, d), id, item, status, progress, note, by);
}

static int
ref_report(void *ctx, const struct zz_report *r)
{
	struct ref *f = ctx;
	const char *at = strchr(r->id, '@');
	size_t n = at ? (size_t)(at - r->id) : strlen(r->id);
	long pos;
	int y, mon;
	void **slot;

	if (at && zz_parse_month(at + 1, &y, &mon) < 0) {
		zz_fwarn(f->name, r->line, "bad occurrence '%s' (expected "
		    "ID@YYYY-MM)", r->id);
		return -1;
	}
	if ((pos = zz_plan_find(f->p, r->id, n, zz_map_hash(r->id, n))) < 0)
		say_stray((void *)f->name, r->id, n, r->line);
	if (r->date > f->asof)
		return 0;
	if (pos >= 0 && r->status == ZZ_DONE) {
		slot = zz_map_slot(&f->done, r->id, strlen(r->id), NULL);
		if (!*slot || r->date < (zz_date)(intptr_t)*slot)
			*slot = (void *)(intptr_t)r->date;
	}
	if (r->date >= f->from && r->date <= f->to && ++f->n)
		kept_line(&f->kept, r->date, r->id, pos, r->status,
		    r->progress, r->note, r->by, r->line);
	return 0;
}

/* The scan's first done of id, as a ref keeps it (0: none). */
static zz_date
scan_done(const struct zz_states *s, const char *id)
{
	const struct zz_state *st = zz_state_get(s, id);

	return st && st->done != ZZ_NODATE ? st->done : 0;
}

/* path read by zz_scan_plan (halves: split wherever it is long enough)
 * and by ref_report: the same stderr, result, states, first done dates
 * and (keep) period reports, or their number. */
static bool
scan_same(const char *what, const char *path, const struct zz_plan *p,
    zz_date asof, bool halves, bool keep)
{
	struct ref f = {p, path, asof, zz_mkdate(2022, 1, 5),
	    zz_mkdate(2022, 1, 12), {0}, {0}, 0};
	struct zz_scan w = {f.from, f.to, keep, say_stray, (void *)path,
	    NULL, 0, {0}};
	struct zz_states s = {0}, plain = {0};
	struct zz_buf kept = {0};
	struct capture c;
	char *want, *got, id[128];
	int rc, prc, k;
	size_t i;
	FILE *in;
	long torn;
	bool ok;

	zz_split_min = (off_t)1 << 40;
	capture_start(&c);
	in = zz_log_open(path, &torn);
	zz_log_torn_warn(path, torn);
	prc = zz_log_each(in, path, ref_report, &f);
	fclose(in);
	want = capture_end(&c);
	zz_split_min = halves ? 0 : (off_t)1 << 40;
	capture_start(&c);
	rc = zz_scan_plan(&s, &w, path, p, asof);
	got = capture_end(&c);
	ok = rc == prc && want && got && strcmp(want, got) == 0;
	if (ok && rc == 0) {
		ok = zz_states_load(&plain, path, asof, false) == 0 &&
		    same_states(&s, &plain, p) && w.nkept == f.n;
		for (k = 0; k < NIDS && ok; k++) {
			id_of(k, id, sizeof id);
			ok = scan_done(&s, id) ==
			    (zz_date)(intptr_t)zz_map_get(&f.done, id, strlen(id));
		}
		for (i = 0; keep && i < w.nkept; i++) {
			const struct zz_kept *e = &w.kept[i];
			const char *t = w.text.s + e->at, *note = t + strlen(t) + 1;

			kept_line(&kept, e->date, t, e->item, e->status,
			    e->progress, note, note + strlen(note) + 1, e->line);
		}
		ok = ok && (!keep || (f.n == 0 && kept.len == 0) ||
		    (kept.s && f.kept.s && strcmp(kept.s, f.kept.s) == 0));
	}
	printf("%s - zz_scan_plan, %s, %s%s: rc %d, %zu in the period\n",
	    ok ? "ok" : "not ok", what, halves ? "in halves" : "whole",
	    keep ? "" : ", counted", rc, w.nkept);
	unit_failed += !ok;
	if (rc == 0)
		zz_states_free(&s);
	zz_states_free(&plain);
	free(w.kept);
	zz_buf_free(&w.text);
	zz_buf_free(&kept);
	zz_buf_free(&f.kept);
	zz_map_free(&f.done, NULL);
	free(want);
	free(got);
	return ok;
}

static void
scan_text(const char *what, struct zz_buf *b, const struct zz_plan *p,
    zz_date asof)
{
	char *path = write_file(b->s, b->len);

	scan_same(what, path, p, asof, true, true);
	scan_same(what, path, p, asof, true, false);
	scan_same(what, path, p, asof, false, true);
	unlink(path);
	free(path);
	zz_buf_free(b);
}

/* A log whose middle falls in the period, with a line at offset k of
 * the second half (0: none) replaced by extra. */
static void
period_log(struct zz_buf *b, int lines, const char *extra, int k)
{
	int i;

	zz_buf_puts(b, ZZ_LOG_HEADER "\n");
	for (i = 0; i < lines; i++) {
		char id[128], d[11];

		if (extra && i == lines / 2 + k) {
			zz_buf_puts(b, extra);
			continue;
		}
		id_of(i * 7 % NIDS, id, sizeof id);
		zz_buf_printf(b, "%s,%s,%s,%d,n%d,x,,,\n",
		    zz_fmt_date(zz_mkdate(2022, 1, 1) + i * 20 / lines, d), id,
		    i % 3 ? "doing" : "done", i % 101, i);
	}
}

static void
test_scan(const struct zz_plan *p)
{
	struct zz_buf b = {0};

	random_log(&b, NLINES, 9);
	scan_text("random log", &b, p, zz_mkdate(2022, 1, 15));
	random_log2(&b, NLINES, 10, true, false);
	scan_text("void records", &b, p, zz_mkdate(2022, 1, 15));
	random_log2(&b, NLINES, 11, false, true);
	scan_text("second form, cut", &b, p, zz_mkdate(2023, 1, 1));
	period_log(&b, 4000, NULL, 0);
	scan_text("the period across the middle", &b, p,
	    zz_mkdate(2022, 1, 31));
	/* a void record of a line of the period in the first half */
	period_log(&b, 4000, "2022-01-11,0.P1,void,,why,x,,,1990\n", 100);
	scan_text("a void in the second half", &b, p, zz_mkdate(2022, 1, 31));
	period_log(&b, 4000, "2022-01-11,0.P3@2022-13,done,,,x,,,\n", 100);
	scan_text("a bad occurrence in the second half", &b, p,
	    zz_mkdate(2022, 1, 31));
	period_log(&b, 4000, "2022-01-11,0.P3@2022-13,done,,,x,,,\n", -100);
	scan_text("a bad occurrence in the first half", &b, p,
	    zz_mkdate(2022, 1, 31));
	period_log(&b, 4000, "2022-01-11,0.P1,bad,,,x,,,\n", -100);
	scan_text("a bad line after strays", &b, p, zz_mkdate(2022, 1, 31));
	/* a bad occurrence that a later void record voids is not bad */
	period_log(&b, 4000, "2022-01-11,0.P3@2022-13,done,,,x,,,\n", 0);
	zz_buf_puts(&b, "2022-01-31,0.P3,void,,why,x,,,2002\n");
	scan_text("a bad occurrence voided", &b, p, zz_mkdate(2022, 1, 31));
}

int
main(void)
{
	struct zz_plan p;

	zz_setprog("t_scan");
	make_plan(&p);
	test_random(&p);
	test_random2(&p);
	test_dated(&p);
	test_voided(&p);
	test_quoted_middle(&p);
	test_late_header(&p);
	test_bad_lines(&p);
	test_small(&p);
	test_scan(&p);
	zz_plan_free(&p);
	test_items();
	test_items_late_header();
	test_items_wide();
	test_items_grow();
	UNIT_END();
}
