/* fsck.c: zz-status fsck: check the log line by line (its header, every
 * field of every report, batches, void records, a torn end, what a
 * spreadsheet changed) and, with --repair or --upgrade, write it back in
 * its canonical form (repair.c), every report kept, or say line by line
 * why it cannot be. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsck.h"

void
problem(struct logck *c, long line, bool mend, const char *fmt, ...)
{
	va_list ap;

	if (c->quiet)	/* the second pass over a streamed log */
		return;
	va_start(ap, fmt);
	zz_vfwarn(c->path, line, fmt, ap);
	va_end(ap);
	c->problems++;
	if (mend)
		c->change = true;
	else
		c->mendless++;
}

void
warning(struct logck *c, long line, const char *fmt, ...)
{
	va_list ap;

	if (c->quiet)
		return;
	va_start(ap, fmt);
	zz_vfwarn(c->path, line, fmt, ap);
	va_end(ap);
	c->warnings++;
}

static int
header(struct logck *c, char **f, int n, long line)
{
	static const char *names[ZZ_LOG_COLS] = {"date", "id", "status",
		"progress", "note", "by", "recorded", "batch", "voids"};
	int i;

	for (i = 0; i < n && i < ZZ_LOG_COLS && !strcmp(trim(f[i]), names[i]);
	    i++)
		;
	if (i == n && (n == ZZ_LOG_COLS || n == ZZ_LOG_COLS1)) {
		c->cols = n;
		if (c->upgrade && n == ZZ_LOG_COLS1)
			c->change = true;
		return 0;
	}
	problem(c, line, false, "expected the header " ZZ_LOG_HEADER " (or, "
	    "in the first form, " ZZ_LOG_HEADER1 ")");
	return -1;
}

static struct rec *
new_rec(struct logck *c, long line)
{
	struct rec *r;

	if (c->stream) {	/* one at a time */
		free_rec(&c->cur);
		memset(&c->cur, 0, sizeof c->cur);
		c->cur.line = line;
		return &c->cur;
	}
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 1024;
		c->r = zz_xreallocarray(c->r, c->cap, sizeof *c->r);
	}
	r = &c->r[c->n++];
	memset(r, 0, sizeof *r);
	r->line = line;
	return r;
}

/* The fields into r->v: a note whose commas lost their quotes (a
 * spreadsheet) takes back the fields too many. */
static int
fields(struct logck *c, struct rec *r, char **f, int n)
{
	int want = n == ZZ_LOG_COLS1 ? ZZ_LOG_COLS1 : c->cols, extra, i;
	struct zz_buf note = {0};

	extra = n - want;
	if (extra < 0) {
		problem(c, r->line, false, "%d fields, where the header has %d",
		    n, c->cols);
		for (i = 0; i < ZZ_LOG_COLS; i++)
			r->v[i] = zz_xstrdup("");
		return -1;
	}
	if (extra > 0)
		problem(c, r->line, true, "%d fields, where the header has %d: "
		    "a note's commas without quotes (saved by a spreadsheet?); "
		    "--repair puts them back in the note", n, want);
	for (i = 0; i < 4; i++)
		r->v[i] = zz_xstrdup(trim(f[i]));
	for (i = 4; i <= 4 + extra; i++) {
		if (i > 4)
			zz_buf_putc(&note, ',');
		zz_buf_puts(&note, f[i]);
	}
	r->v[4] = note.s ? zz_buf_take(&note) : zz_xstrdup("");
	for (i = 5; i < ZZ_LOG_COLS; i++)
		r->v[i] = zz_xstrdup(i < want ? trim(f[i + extra]) : "");
	return 0;
}

/* Replace *p by s (taken). */
static void
set(char **p, char *s)
{
	free(*p);
	*p = s;
}

static void
check_date(struct logck *c, struct rec *r)
{
	char buf[11];
	zz_date d;

	if (zz_parse_date(r->v[0], &d) == 0)
		return;
	if (zz_lenient_date(r->v[0], plan.doc.year, &d) == 0) {
		problem(c, r->line, true, "date '%s' is not YYYY-MM-DD "
		    "(reformatted by a spreadsheet?); --repair writes %s",
		    r->v[0], zz_fmt_date(d, buf));
		set(&r->v[0], zz_xstrdup(buf));
	} else {
		problem(c, r->line, false, "bad date '%s' (expected YYYY-MM-DD)",
		    r->v[0]);
	}
}

/* An id the plan lacks is said once for each of its lines; the answer
 * for an id is kept, as a long log names few ids many times.  Most lines
 * name a trackable item of the plan, found in the plan's own index: no
 * copy of its id kept (for 200,000 ids, a map as big as the plan's,
 * whose misses made fsck grow faster than its log). */
static void
check_known(struct logck *c, struct rec *r)
{
	const char *id = r->v[1];
	size_t len = strlen(id);
	char why[512], **slot;
	bool isnew;
	long pos;

	if (!*id) {
		problem(c, r->line, false, "empty id");
		return;
	}
	if (!memchr(id, '@', len) &&
	    (pos = zz_plan_find(&plan, id, len, zz_map_hash(id, len))) >= 0 &&
	    zz_kind_trackable(plan.items[pos].kind))
		return;
	slot = (char **)zz_map_slot(&c->ids, id, len, &isnew);
	if (isnew)
		*slot = zz_xstrdup(check_id(r->v[1], why, sizeof why) ? "" : why);
	if (**slot)
		warning(c, r->line, "%s", *slot);
}

static void
check_status(struct logck *c, struct rec *r)
{
	int st;

	if (strcmp(r->v[2], "void") == 0 && r->voids)
		return;
	if ((st = zz_status_parse(r->v[2])) >= 0) {	/* 已完成: as it is */
		set(&r->v[2], zz_xstrdup(zz_status_name((enum zz_status)st)));
	} else if ((st = zz_status_lenient(r->v[2])) >= 0) {
		problem(c, r->line, true, "status '%s' is a variant; --repair "
		    "writes %s", r->v[2], zz_status_name((enum zz_status)st));
		set(&r->v[2], zz_xstrdup(zz_status_name((enum zz_status)st)));
	} else {
		problem(c, r->line, false, "unknown status '%s' (todo, doing, "
		    "done, blocked, dropped%s)", r->v[2],
		    r->voids ? "" : "; void only with the line it voids");
	}
}

static void
check_progress(struct logck *c, struct rec *r)
{
	char *s = r->v[3], *end;
	long v;
	int p;

	if (!*s)
		return;
	v = strtol(s, &end, 10);
	if (end > s && (!*end || !strcmp(end, "%")) && v >= 0 && v <= 100) {
		set(&r->v[3], zz_xasprintf("%ld", v));	/* 40% as 40 */
	} else if (zz_lenient_progress(s, &p) == 0) {
		problem(c, r->line, true, "progress '%s' is not a whole number "
		    "0-100; --repair writes %d", s, p);
		set(&r->v[3], zz_xasprintf("%d", p));
	} else {
		problem(c, r->line, false, "bad progress '%s' (expected 0-100)",
		    s);
	}
}

/* The byte rules of the note (a tab allowed) and the name: a control
 * character is written as its visible escape. */
static void
check_text(struct logck *c, struct rec *r, int i, unsigned rules)
{
	char why[512];

	if (check_bytes(i == 4 ? "note" : "by", r->v[i], rules, why,
	    sizeof why) == 0)
		return;
	problem(c, r->line, true, "%s; --repair writes it as an escape", why);
	set(&r->v[i], zz_visible(r->v[i]));
}

/* A recorded time a spreadsheet showed its own way (2022/5/10 9:30,
 * 2022-05-10 09:30:00) back in its form; the seconds it dropped are 00. */
static void
check_recorded(struct logck *c, struct rec *r)
{
	int y, mo, d, h, mi, s = 0, n = 0;
	char sep, buf[96];

	if (!*r->v[6] || (strlen(r->v[6]) == 20 && r->v[6][10] == 'T'))
		return;
	if ((sscanf(r->v[6], "%d%c%d%*c%d %d:%d:%d%n", &y, &sep, &mo, &d, &h,
	    &mi, &s, &n) != 7 && sscanf(r->v[6], "%d%c%d%*c%d %d:%d%n", &y,
	    &sep, &mo, &d, &h, &mi, &n) != 6) || r->v[6][n] ||
	    !zz_valid_ymd(y, mo, d) || h > 23 || mi > 59 || s > 59)
		return;	/* zz_report_parse names it */
	snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h,
	    mi, s);
	problem(c, r->line, true, "recorded time '%s' is not "
	    "YYYY-MM-DDTHH:MM:SSZ (reformatted by a spreadsheet?); --repair "
	    "writes %s", r->v[6], buf);
	set(&r->v[6], zz_xstrdup(buf));
}

/* recorded, batch and voids, as zz_report_parse reads them. */
static void
check_second(struct logck *c, struct rec *r)
{
	char *f[ZZ_LOG_COLS];
	struct zz_report rep;
	const char *why;
	int i;

	for (i = 0; i < ZZ_LOG_COLS; i++)
		f[i] = r->v[i];
	f[0] = "2022-01-01", f[2] = *r->v[8] ? "void" : "todo", f[3] = "";
	if (zz_report_parse(f, ZZ_LOG_COLS, &rep, &why) < 0)
		problem(c, r->line, false, "%s", why);
	else
		r->voids = rep.voids;
}

int
fsck_row(void *ctx, char **f, int n, long line)
{
	struct logck *c = ctx;
	struct rec *r;

	if (!c->cols)
		return header(c, f, n, line);
	r = new_rec(c, line);
	if (fields(c, r, f, n) == 0) {
		check_recorded(c, r);
		check_second(c, r);
		check_date(c, r);
		check_known(c, r);
		check_status(c, r);
		check_progress(c, r);
		check_text(c, r, 4, ZZ_TEXT_TAB);
		check_text(c, r, 5, 0);
	}
	if (c->stream)
		stream_rec(c, r);
	return 0;
}

/* ---- batches and void records ---- */

/* A batch's mark: id (up to 16 bytes), k of n; 0 when none. */
int
batch_mark(const char *s, char *id, long *k, long *n)
{
	size_t len = strspn(s, "0123456789abcdef");

	if (!*s || len > 16 || s[len] != ':' ||
	    sscanf(s + len + 1, "%ld/%ld", k, n) != 2)
		return 0;
	memcpy(id, s, len);
	id[len] = '\0';
	return 1;
}

static void
drop(struct logck *c, size_t from, size_t to, const char *id, long n)
{
	size_t i;

	problem(c, c->r[from].line, true, "lines %ld-%ld are %zu of the %ld "
	    "lines of batch %s (an add cut by a crash?): no reader counts "
	    "them; %s", c->r[from].line, c->r[to - 1].line, to - from, n, id,
	    c->repair ? "removed" : "'zz-status fsck --repair' removes them");
	for (i = from; i < to; i++)
		c->r[i].drop = true;
}

/* Every batch whole, its lines 1 to n in a row; else its lines go. */
static void
check_batches(struct logck *c)
{
	char id[17] = "", id2[17];
	size_t i, start = 0;
	long n = 0, want = 0, k2, n2;

	for (i = 0; i <= c->n; i++) {
		bool has = i < c->n && batch_mark(c->r[i].v[7], id2, &k2, &n2);

		if (want) {	/* in a batch, its line want next */
			if (has && !strcmp(id, id2) && k2 == want && n2 == n) {
				want = want == n ? 0 : want + 1;
				continue;
			}
			drop(c, start, i, id, n);
			want = 0;
		}
		if (!has || n2 == 1)
			continue;
		if (k2 != 1) {	/* a batch's line without its first */
			drop(c, i, i + 1, id2, n2);
			continue;
		}
		memcpy(id, id2, sizeof id);
		n = n2, start = i, want = 2;
	}
}

static int
by_line(const void *a, const void *b)
{
	const long *x = a;
	const struct rec *y = b;

	return (*x > y->line) - (*x < y->line);
}

/* A void record names an earlier report of its id and date, once. */
static void
check_voids(struct logck *c)
{
	struct zz_map seen = {0};
	const struct rec *t;
	char key[24];
	size_t i;

	for (i = 0; i < c->n; i++) {
		const struct rec *r = &c->r[i];
		bool isnew;

		if (!r->voids || r->drop)
			continue;
		t = bsearch(&r->voids, c->r, i, sizeof *c->r, by_line);
		if (!t || t->voids || t->drop)
			warning(c, r->line, "voids line %ld, which is not a "
			    "report before it; it voids nothing", r->voids);
		else if (strcmp(t->v[1], r->v[1]) || strcmp(t->v[0], r->v[0]))
			warning(c, r->line, "voids line %ld, whose id and date "
			    "(%s %s) are not its own (%s %s)", r->voids, t->v[1],
			    t->v[0], r->v[1], r->v[0]);
		snprintf(key, sizeof key, "%ld", r->voids);
		zz_map_slot(&seen, key, strlen(key), &isnew);
		if (!isnew)
			warning(c, r->line, "voids line %ld a second time",
			    r->voids);
	}
	zz_map_free(&seen, NULL);
}

/* ---- reading, and the command ---- */

int
lock_log(const char *path)
{
	struct stat a, b;
	int fd;

	for (;;) {
		if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0 ||
		    flock(fd, LOCK_EX) < 0 || fstat(fd, &a) < 0) {
			zz_warn("%s: cannot lock: %s", path, strerror(errno));
			if (fd >= 0)
				close(fd);
			return -1;
		}
		if (stat(path, &b) == 0 && a.st_ino == b.st_ino &&
		    a.st_dev == b.st_dev)
			return fd;
		close(fd);
	}
}

/* All of fd's bytes, a torn end too (caller frees); NULL with a message. */
static char *
read_all(int fd, const char *path, size_t *len)
{
	struct zz_buf b = {0};
	char chunk[65536];
	ssize_t n;

	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			zz_warn("%s: read error: %s", path, errno == EISDIR ?
			    "is a directory, not a CSV file" : strerror(errno));
			zz_buf_free(&b);
			return NULL;
		}
		zz_buf_add(&b, chunk, (size_t)n);
	}
	*len = b.len;
	return b.s ? zz_buf_take(&b) : zz_xstrdup("");
}

static void
logck_free(struct logck *c)
{
	size_t i;
	int k;

	for (i = 0; i < c->n; i++)
		for (k = 0; k < ZZ_LOG_COLS; k++)
			free(c->r[i].v[k]);
	free(c->r);
	zz_map_free(&c->ids, free);
}

/* Check the log at fd into c. */
static int
check(struct logck *c, int fd)
{
	size_t len;
	char *s;
	FILE *f;

	if (!(s = read_all(fd, c->path, &len)))
		return -1;
	if (!(s = log_text(c, s, &len)) || len == 0) {
		problem(c, 1, true, "empty: expected the header " ZZ_LOG_HEADER);
		c->cols = ZZ_LOG_COLS;
		free(s);
		return 0;
	}
	if (!(f = fmemopen(s, len, "r")))
		zz_die("out of memory");
	if (zz_csv_read(f, c->path, ',', fsck_row, c) != 0 && c->cols)
		c->mendless++, c->problems++;	/* named by the reader */
	fclose(f);
	free(s);
	check_batches(c);
	check_voids(c);
	return 0;
}

/* Mend what can be mended: all or nothing. */
static int
mend(struct logck *c, int fd)
{
	if (c->mendless) {
		zz_warn("%s: %d problem%s above --repair cannot mend; nothing "
		    "written", c->path, c->mendless, c->mendless == 1 ? "" : "s");
		return ZZ_EXIT_FOUND;
	}
	if (!c->change)
		return c->warnings ? ZZ_EXIT_FOUND : ZZ_EXIT_OK;
	if (repair_write(c, fd) < 0)
		return ZZ_EXIT_ERR;
	return c->warnings ? ZZ_EXIT_FOUND : ZZ_EXIT_OK;
}

int
cmd_fsck(const struct opts *o, int argc)
{
	struct logck c = {0};
	char *path;
	int lock = -1, fd, rc;

	if (argc != 0) {
		usage(stderr);
		return ZZ_EXIT_ERR;
	}
	c.path = path = zz_log_path(dir);
	c.repair = o->repair || o->upgrade;
	c.upgrade = o->upgrade;
	if (c.repair) {
		if ((lock = zz_dir_lock(dir, true)) < 0 ||
		    (fd = lock_log(path)) < 0) {
			if (lock >= 0)
				close(lock);
			free(path);
			return ZZ_EXIT_ERR;
		}
	} else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0 ||
	    flock(fd, LOCK_SH) < 0) {
		zz_warn("%s: cannot open: %s", path, strerror(errno));
		free(path);
		return ZZ_EXIT_ERR;
	}
	/* a plain log is checked as it is read (its length takes no
	 * memory); --repair and a log to mend read it whole */
	if (!c.repair && !zz_bench_off("fsckstream") && stream_plain(&c, fd))
		rc = stream_check(&c, fd) < 0 ? ZZ_EXIT_ERR :
		    c.problems || c.warnings ? ZZ_EXIT_FOUND : ZZ_EXIT_OK;
	else if (check(&c, fd) < 0)
		rc = ZZ_EXIT_ERR;
	else if (c.repair)
		rc = mend(&c, fd);
	else
		rc = c.problems || c.warnings ? ZZ_EXIT_FOUND : ZZ_EXIT_OK;
	close(fd);
	if (lock >= 0)
		close(lock);
	logck_free(&c);
	free(path);
	return rc;
}
