/* Unit tests of the map and of zz_states_load: the reader must keep the
 * rule "greatest date wins, on equal dates the later line", checked here
 * against a plain computation, with and without the notes kept (t_scan
 * checks the fast reader against this one). */
#include <stdlib.h>
#include <unistd.h>

#include "unit.h"

#define NIDS 3000
#define NLINES 40000

static void
test_map(void)
{
	struct zz_map m = {0};
	char key[32];
	bool isnew, all = true;
	int i;

	CHECK(zz_map_get(&m, "x", 1) == NULL);
	for (i = 0; i < 100000; i++) {
		snprintf(key, sizeof key, "%d.P%d", i / 20, i % 20);
		*zz_map_slot(&m, key, strlen(key), &isnew) = (void *)(long)(i + 1);
		all = all && isnew;
	}
	CHECK(all);
	CHECK(m.n == 100000);
	for (i = 0, all = true; i < 100000; i++) {
		snprintf(key, sizeof key, "%d.P%d", i / 20, i % 20);
		all = all && zz_map_get(&m, key, strlen(key)) ==
		    (void *)(long)(i + 1);
	}
	CHECK(all);
	CHECK(zz_map_get(&m, "0.P", 3) == NULL);
	CHECK(zz_map_get(&m, "0.P10", 4) == (void *)2L);	/* "0.P1" */
	zz_map_slot(&m, "0.P1", 4, &isnew);
	CHECK(!isnew && m.n == 100000);
	zz_map_free(&m, NULL);
}

struct want {
	int date, status, progress;
	long line;
};

static void
id_of(int k, char *buf, size_t n)
{
	if (k % 500 == 7)	/* longer than the queue keeps */
		snprintf(buf, n, "%d.P1@a-very-long-occurrence-id-that-goes-on-"
		    "and-on-%d", k, k);
	else
		snprintf(buf, n, "%d.P%d", k / 10, k % 10);
}

static void
test_states(void)
{
	static struct want want[NIDS];
	static const char *st[] = {"todo", "doing", "done", "blocked",
		"dropped"};
	char path[] = "/tmp/t_states.XXXXXX", id[128], d[11];
	zz_date base = zz_mkdate(2022, 1, 1), asof = base + 300;
	struct zz_states fast, slow;
	int fd = mkstemp(path), i, k, bad = 0, seen = 0;
	FILE *f = fdopen(fd, "w");

	srand(4);
	fputs(ZZ_LOG_HEADER1 "\n", f);
	for (i = 0; i < NLINES; i++) {
		int day = rand() % 365, s = rand() % 5, p = rand() % 101;
		long line = i + 2;

		k = rand() % NIDS;
		id_of(k, id, sizeof id);
		fprintf(f, "%s,%s,%s,%d,note %d,\"by, %d\"\n",
		    zz_fmt_date(base + day, d), id, st[s], p, i, i);
		if (base + day > asof)
			continue;
		if (!want[k].line || base + day >= want[k].date)
			want[k] = (struct want){base + day, s, p, line};
	}
	fclose(f);
	CHECK(zz_states_load(&fast, path, asof, false) == 0);
	CHECK(zz_states_load(&slow, path, asof, true) == 0);
	unlink(path);
	for (k = 0; k < NIDS; k++) {
		const struct zz_state *a, *b;

		id_of(k, id, sizeof id);
		a = zz_state_get(&fast, id);
		b = zz_state_get(&slow, id);
		if (!want[k].line) {
			bad += a != NULL || b != NULL;
			continue;
		}
		seen++;
		bad += !a || !b || a->date != want[k].date ||
		    (int)a->status != want[k].status ||
		    a->progress != want[k].progress || a->line != want[k].line ||
		    b->date != a->date || b->status != a->status ||
		    b->line != a->line;
	}
	CHECK(seen > NIDS / 2);
	CHECK(bad == 0);
	CHECK(fast.map.n == slow.map.n);
	zz_states_free(&fast);
	zz_states_free(&slow);
}

/* zz_log_open streams what zz_log_read copies, torn tail and all. */
static void
same_log(const char *what, const char *text, size_t len)
{
	char path[] = "/tmp/t_log.XXXXXX", buf[4096];
	int fd = mkstemp(path);
	struct zz_buf got = {0};
	long torn_read, torn_open;
	size_t n, rlen;
	char *want;
	FILE *f;
	bool ok;

	ok = write(fd, text, len) == (ssize_t)len;
	close(fd);
	want = zz_log_read(path, &rlen, &torn_read);
	f = zz_log_open(path, &torn_open);
	while (f && (n = fread(buf, 1, sizeof buf, f)) > 0)
		zz_buf_add(&got, buf, n);
	ok = ok && want && f && !ferror(f) && got.len == rlen &&
	    memcmp(got.s ? got.s : "", want, rlen) == 0 &&
	    torn_read == torn_open;
	printf("%s - zz_log_open = zz_log_read: %s (torn %ld)\n",
	    ok ? "ok" : "not ok", what, torn_open);
	unit_failed += !ok;
	if (f)
		fclose(f);
	unlink(path);
	free(want);
	zz_buf_free(&got);
}

static void
test_log_open(void)
{
	struct zz_buf b = {0};
	int i;

	same_log("empty", "", 0);
	same_log("whole lines", "a\nb\n", 4);
	same_log("torn tail", "a\nb\nc,d", 7);
	same_log("only a torn line", "abc", 3);
	for (i = 0; i < 20000; i++)
		zz_buf_printf(&b, "2022-01-01,%d.P1,done,,,\n", i);
	same_log("long, whole", b.s, b.len);
	for (i = 0; i < 100000; i++)
		zz_buf_puts(&b, "torn");
	same_log("long, with a torn tail longer than a chunk", b.s, b.len);
	zz_buf_free(&b);
}

/* The progress column: the quick digits path and strtol agree. */
static int
progress(const char *p)
{
	char date[] = "2022-01-01", id[] = "1.P1", st[] = "doing", note[] = "",
	    by[] = "", prog[16];
	char *f[6] = {date, id, st, prog, note, by};
	struct zz_report r;
	const char *why;

	snprintf(prog, sizeof prog, "%s", p);
	return zz_report_parse(f, 6, &r, &why) < 0 ? -2 : r.progress;
}

static void
test_progress(void)
{
	CHECK(progress("") == -1);
	CHECK(progress("0") == 0);
	CHECK(progress("7") == 7);
	CHECK(progress("07") == 7);
	CHECK(progress("42") == 42);
	CHECK(progress("100") == 100);
	CHECK(progress("5%") == 5);
	CHECK(progress("+5") == 5);
	CHECK(progress("-0") == 0);
	CHECK(progress("101") == -2);
	CHECK(progress("-1") == -2);
	CHECK(progress("4x") == -2);
	CHECK(progress("x") == -2);
	CHECK(progress("1000") == -2);
}

int
main(void)
{
	test_progress();
	zz_setprog("t_states");
	test_map();
	test_states();
	test_log_open();
	UNIT_END();
}
