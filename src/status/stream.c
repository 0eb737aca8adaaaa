/*
 * stream.c: zz-status fsck without --repair on a plain log (UTF-8, no
 * byte order mark, no CRLF, no NUL, a newline at the end: what the tools
 * write), checked as it is read: one record in memory at a time, so a
 * log three times as long takes no more memory (issue 14).  What needs
 * other lines is kept small: the batch being read, the batches to drop
 * (ranges), the void records, and, in a second pass made only when there
 * are void records, the reports they name.  The messages are fsck.c's,
 * in its order.  A log that is not plain is read whole (fsck.c).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsck.h"

#define CHUNK (1 << 20)

/* Whether s (n bytes) is the start of a UTF-8 sequence cut short. */
static bool
utf8_prefix(const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];
	size_t len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 :
	    c >= 0xf0 && c <= 0xf4 ? 4 : 0;
	size_t i;

	if (n >= len)
		return false;
	for (i = 1; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			return false;
	return true;
}

/* The bytes need none of bytes.c's mending: true, with c->lines set. */
bool
stream_plain(struct logck *c, int fd)
{
	char *b = zz_xmalloc(CHUNK + 4), last = '\n';
	size_t carry = 0, ok;
	off_t at = 0;
	ssize_t n;
	bool plain = true, first = true;

	c->lines = 0;
	while (plain && (n = pread(fd, b + carry, CHUNK, at)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || (first && n >= 3 && !memcmp(b, "\xef\xbb\xbf", 3)))
			plain = false;
		if (!plain)
			break;
		first = false;
		at += n;
		n += (ssize_t)carry;
		last = b[n - 1];
		if (memchr(b, '\0', (size_t)n) || memchr(b, '\r', (size_t)n))
			plain = false;
		/* a UTF-8 sequence cut by the chunk's end is carried over */
		ok = zz_utf8_check(b, (size_t)n);
		if (ok < (size_t)n && !utf8_prefix(b + ok, (size_t)n - ok))
			plain = false;
		for (const char *p = b; (p = memchr(p, '\n', (size_t)(b + n -
		    p))); p++)
			c->lines++;
		carry = (size_t)n - ok;
		memmove(b, b + ok, carry);
	}
	free(b);
	return plain && carry == 0 && at > 0 && last == '\n';
}

/* ---- batches ---- */

static void
add_drop(struct logck *c, long from, long to, size_t count, const char *id,
    long n)
{
	struct drop *d;

	c->drops = zz_grow(c->drops, c->ndrops, sizeof *c->drops);
	d = &c->drops[c->ndrops++];
	d->from = from, d->to = to, d->count = count, d->n = n;
	memcpy(d->id, id, sizeof d->id);
}

/* fsck.c's check_batches, one record at a time. */
static void
batch_step(struct logck *c, const struct rec *r)
{
	struct batch *b = &c->batch;
	char id2[17];
	long k2 = 0, n2 = 0;
	bool has = r && batch_mark(r->v[7], id2, &k2, &n2);

	if (b->want) {	/* in a batch, its line want next */
		if (has && !strcmp(b->id, id2) && k2 == b->want && n2 == b->n) {
			b->want = b->want == b->n ? 0 : b->want + 1;
			b->last = r->line, b->count++;
			return;
		}
		add_drop(c, b->start, b->last, b->count, b->id, b->n);
		b->want = 0;
	}
	if (!has || n2 == 1)
		return;
	if (k2 != 1) {	/* a batch's line without its first */
		add_drop(c, r->line, r->line, 1, id2, n2);
		return;
	}
	memcpy(b->id, id2, sizeof b->id);
	b->n = n2, b->start = b->last = r->line, b->count = 1, b->want = 2;
}

static bool
dropped(const struct logck *c, long line)
{
	size_t i;

	for (i = 0; i < c->ndrops; i++)	/* few: an add cut by a crash */
		if (line >= c->drops[i].from && line <= c->drops[i].to)
			return true;
	return false;
}

/* ---- void records ---- */

/* A void record (its id and date), or the report one names (id and
 * date NULL until the second pass finds it). */
static struct vrec *
add_vrec(struct vlist *l, long line, long voids, const char *id,
    const char *date)
{
	struct vrec *v;

	l->v = zz_grow(l->v, l->n, sizeof *l->v);
	v = &l->v[l->n++];
	memset(v, 0, sizeof *v);
	v->line = line;
	v->voids = voids;
	v->id = id ? zz_xstrdup(id) : NULL;
	v->date = date ? zz_xstrdup(date) : NULL;
	return v;
}

static int
by_voids(const void *a, const void *b)
{
	const struct vrec *x = a, *y = b;

	return (x->voids > y->voids) - (x->voids < y->voids);
}

/* A record read: its batch, and the void records (first pass) or the
 * reports they name (second). */
void
stream_rec(struct logck *c, const struct rec *r)
{
	struct vrec key, *t;

	if (!c->pass2) {
		batch_step(c, r);
		if (r->voids)
			add_vrec(&c->vr, r->line, r->voids, r->v[1], r->v[0]);
		return;
	}
	key.voids = r->line;
	t = bsearch(&key, c->targets.v, c->targets.n, sizeof key, by_voids);
	if (t && !t->id) {	/* the report a void record names */
		t->id = zz_xstrdup(r->v[1]);
		t->date = zz_xstrdup(r->v[0]);
		t->isvoid = r->voids != 0;
	}
}

/* fsck.c's check_voids over the void records and their targets. */
static void
voids(struct logck *c)
{
	struct zz_map seen = {0};
	struct vrec key, *t;
	char k[24];
	size_t i;

	for (i = 0; i < c->vr.n; i++) {
		const struct vrec *r = &c->vr.v[i];
		bool isnew;

		if (dropped(c, r->line))
			continue;
		key.voids = r->voids;
		t = bsearch(&key, c->targets.v, c->targets.n, sizeof key,
		    by_voids);
		if (!t || !t->id || r->voids >= r->line || t->isvoid ||
		    dropped(c, r->voids))
			warning(c, r->line, "voids line %ld, which is not a "
			    "report before it; it voids nothing", r->voids);
		else if (strcmp(t->id, r->id) || strcmp(t->date, r->date))
			warning(c, r->line, "voids line %ld, whose id and date "
			    "(%s %s) are not its own (%s %s)", r->voids, t->id,
			    t->date, r->id, r->date);
		snprintf(k, sizeof k, "%ld", r->voids);
		zz_map_slot(&seen, k, strlen(k), &isnew);
		if (!isnew)
			warning(c, r->line, "voids line %ld a second time",
			    r->voids);
	}
	zz_map_free(&seen, NULL);
}

static void
vlist_free(struct vlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].id), free(l->v[i].date);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* One pass of the CSV reader over fd's log. */
static int
pass(struct logck *c, int fd)
{
	FILE *f;
	int dupfd = dup(fd), rc;

	if (dupfd < 0 || lseek(dupfd, 0, SEEK_SET) < 0 ||
	    !(f = fdopen(dupfd, "r"))) {
		zz_warn("%s: cannot read: %s", c->path, strerror(errno));
		if (dupfd >= 0)
			close(dupfd);
		return -1;
	}
	c->cols = 0;
	rc = zz_csv_read(f, c->path, ',', fsck_row, c);
	fclose(f);
	return rc;
}

/* The plain log at fd checked into c, streamed. */
int
stream_check(struct logck *c, int fd)
{
	size_t i, k;

	c->stream = true;
	if (pass(c, fd) != 0 && c->cols)
		c->mendless++, c->problems++;	/* named by the reader */
	batch_step(c, NULL);	/* a batch still open at the end */
	for (i = 0; i < c->ndrops; i++)
		problem(c, c->drops[i].from, true, "lines %ld-%ld are %zu of "
		    "the %ld lines of batch %s (an add cut by a crash?): no "
		    "reader counts them; 'zz-status fsck --repair' removes "
		    "them", c->drops[i].from, c->drops[i].to, c->drops[i].count,
		    c->drops[i].n, c->drops[i].id);
	if (c->vr.n) {	/* the reports the void records name, quietly */
		for (i = 0; i < c->vr.n; i++)
			add_vrec(&c->targets, 0, c->vr.v[i].voids, NULL, NULL);
		qsort(c->targets.v, c->targets.n, sizeof *c->targets.v,
		    by_voids);
		for (i = k = 0; i < c->targets.n; i++)	/* each line once */
			if (!k || c->targets.v[i].voids !=
			    c->targets.v[k - 1].voids)
				c->targets.v[k++] = c->targets.v[i];
		c->targets.n = k;
		c->pass2 = c->quiet = true;
		pass(c, fd);
		c->quiet = false;
		voids(c);
	}
	vlist_free(&c->vr);
	vlist_free(&c->targets);
	free(c->drops);
	free_rec(&c->cur);
	return 0;
}

void
free_rec(struct rec *r)
{
	int k;

	for (k = 0; k < ZZ_LOG_COLS; k++) {
		free(r->v[k]);
		r->v[k] = NULL;
	}
}
