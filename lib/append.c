/* append.c: the one way lines get into the status log (logread.c is the
 * one way a reader gets it).
 *
 * Writers take an exclusive flock, refuse a log that ends in a torn line
 * or an unfinished batch (a crash cut it: zz-status fsck says so and
 * repairs it on request), and append every line of a batch with one
 * write() and fsync.  A short write (full disk, file size limit) is
 * undone with ftruncate, so the log never keeps half a line; a kill in
 * the middle of the write leaves a batch without its last line, which
 * no reader counts.  Readers take a shared flock while they find the
 * log's end, so they never see a write in progress. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "zz.h"

char *
zz_log_path(const char *dir)
{
	return zz_xasprintf("%s/status.csv", dir);
}

void
zz_log_put(FILE *f, const char *const *v, int n)
{
	bool safe = zz_csv_safe;	/* the log keeps what was reported */
	int i;

	zz_csv_safe = false;
	for (i = 0; i < n; i++)
		zz_csv_field(f, v[i] ? v[i] : "", i == 0, ',');
	putc('\n', f);
	zz_csv_safe = safe;
}

void
zz_logrows_add(struct zz_logrows *rs, const char *const v[6], long voids)
{
	struct zz_logrow *r;
	int i;

	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 64;
		rs->r = zz_xreallocarray(rs->r, rs->cap, sizeof *rs->r);
	}
	r = &rs->r[rs->n++];
	for (i = 0; i < 6; i++)
		r->v[i] = zz_xstrdup(v[i] ? v[i] : "");
	r->voids = voids;
}

void
zz_logrows_free(struct zz_logrows *rs)
{
	size_t k;
	int i;

	for (k = 0; k < rs->n; k++)
		for (i = 0; i < 6; i++)
			free(rs->r[k].v[i]);
	free(rs->r);
	memset(rs, 0, sizeof *rs);
}

char *
zz_log_now(char *buf)
{
	const char *env = getenv("ZZ_NOW");
	time_t now = time(NULL);
	struct tm tm;

	if (env && strlen(env) == 20) {
		memcpy(buf, env, 21);
		return buf;
	}
	gmtime_r(&now, &tm);
	strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}

void
zz_log_torn_warn(const char *path, long torn)
{
	if (torn > 0)
		zz_fwarn(path, torn, "the last line has no newline (cut by a "
		    "crash?) and is left out; 'zz-status fsck --repair' "
		    "removes it");
	else if (torn < 0)
		zz_fwarn(path, -torn, "a batch of lines from here has no last "
		    "line (an add cut by a crash?) and is left out; 'zz-status "
		    "fsck --repair' removes it");
}

static int
check_dir(const char *dir)
{
	struct stat st;

	if (stat(dir, &st) < 0) {
		zz_warn("%s: no such data directory (give -d DIR or set "
		    "ZZ_DATA)", dir);
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		zz_warn("%s: not a directory", dir);
		return -1;
	}
	return 0;
}

/* Create the log with its header.  link() instead of rename() so that a
 * log another process created meanwhile is never replaced. */
int
zz_log_create(const char *path)
{
	struct zz_afile a;
	int rc = 0;

	if (zz_afile_open(&a, path) < 0)
		return -1;
	fputs(ZZ_LOG_HEADER "\n", a.f);	/* a new log in the second form */
	if (zz_afile_finish(&a) < 0)
		return -1;
	if (link(a.tmp, path) < 0 && errno != EEXIST) {
		zz_warn("%s: cannot create: %s", path, strerror(errno));
		rc = -1;
	}
	zz_afile_abort(&a);	/* unlinks the temp name */
	return rc;
}

/* Open path for appending (and reading its last byte) and lock it.  Retries when fsck --repair
 * replaced the file between our open and our lock. */
static int
open_locked(const char *path)
{
	struct stat a, b;
	int fd;

	for (;;) {
		if ((fd = open(path, O_RDWR | O_APPEND | O_CLOEXEC)) < 0) {
			if (errno != ENOENT) {
				zz_warn("%s: cannot open for appending: %s",
				    path, strerror(errno));
				return -1;
			}
			if (zz_log_create(path) < 0)
				return -1;
			continue;
		}
		if (flock(fd, LOCK_EX) < 0) {
			zz_warn("%s: cannot lock: %s", path, strerror(errno));
			close(fd);
			return -1;
		}
		if (fstat(fd, &a) == 0 && stat(path, &b) == 0 &&
		    a.st_ino == b.st_ino && a.st_dev == b.st_dev)
			return fd;
		close(fd);
	}
}

static int
write_all_or_undo(int fd, const char *path, const char *lines, size_t len,
    off_t size)
{
	ssize_t n;
	int err = 0;

	do
		n = write(fd, lines, len);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		err = errno;
	else if ((size_t)n != len)	/* the rest says why: full, or a limit */
		err = write(fd, lines + n, len - (size_t)n) < 0 ? errno : ENOSPC;
	else if (fsync(fd) < 0)
		err = errno;
	if (!err)
		return 0;
	if (ftruncate(fd, size) < 0 || fsync(fd) < 0)
		zz_warn("%s: write failed (%s) and could not be undone: %s; "
		    "run zz-status fsck", path, strerror(err), strerror(errno));
	else
		zz_warn("%s: write failed: %s (nothing written)", path,
		    strerror(err));
	return -1;
}

/* Nothing a reader would refuse, or a terminal would run, is written:
 * each line keeps the byte rules of a note (zz_text_check). */
static int
check_lines(const char *path, const char *lines, size_t len)
{
	const char *p = lines, *e = lines + len, *nl, *why;
	size_t n, at;

	for (; p < e; p = nl + 1) {
		if (!(nl = memchr(p, '\n', (size_t)(e - p)))) {
			zz_warn("%s: not a whole line: nothing written", path);
			return -1;
		}
		n = (size_t)(nl - p);
		if ((at = zz_text_check(p, n, ZZ_TEXT_TAB, &why)) != n) {
			zz_warn("%s: %s (byte 0x%02x) in a line to append: "
			    "nothing written", path, why, (unsigned char)p[at]);
			return -1;
		}
	}
	return 0;
}

/* A batch's id: a hash of its time and its lines, the same for the same
 * batch (tests set the time); batches are told apart by place too. */
static uint32_t
batch_id(const struct zz_logrows *rs, const char *now)
{
	unsigned h = zz_map_hash(now, strlen(now));
	size_t k;
	int i;

	for (k = 0; k < rs->n; k++)
		for (i = 0; i < 6; i++)
			h = h * 31 + zz_map_hash(rs->r[k].v[i],
			    strlen(rs->r[k].v[i]));
	return h;
}

/* The lines of rs in the form of a log of cols columns (0: a new log,
 * which gets the header of the second form first). */
static char *
format_rows(const char *path, const struct zz_logrows *rs, int cols,
    size_t *len)
{
	char now[21], mark[64], voids[24], *buf = NULL;
	const char *v[ZZ_LOG_COLS];
	uint32_t id;
	size_t k;
	FILE *f;
	int i;

	if (!(f = open_memstream(&buf, len)))
		zz_die("out of memory");
	if (cols == 0)
		fputs(ZZ_LOG_HEADER "\n", f);
	zz_log_now(now);
	id = batch_id(rs, now);
	for (k = 0; k < rs->n; k++) {
		if (cols == ZZ_LOG_COLS1 && rs->r[k].voids) {
			zz_warn("%s: the log is in its first form (six columns), "
			    "which has no void records: run 'zz-status fsck "
			    "--upgrade' first; nothing written", path);
			fclose(f);
			free(buf);
			return NULL;
		}
		for (i = 0; i < 6; i++)
			v[i] = rs->r[k].v[i];
		mark[0] = voids[0] = '\0';
		if (rs->n > 1)
			snprintf(mark, sizeof mark, "%08x:%zu/%zu", id, k + 1,
			    rs->n);
		if (rs->r[k].voids)
			snprintf(voids, sizeof voids, "%ld", rs->r[k].voids);
		v[6] = now, v[7] = mark, v[8] = voids;
		zz_log_put(f, v, cols == ZZ_LOG_COLS1 ? ZZ_LOG_COLS1 :
		    ZZ_LOG_COLS);
	}
	if (fclose(f) != 0)
		zz_die("out of memory");
	return buf;
}

/* The log at dir, locked, that ends in a whole line and a whole batch:
 * its descriptor, size and columns (0 when empty); -1 with a message. */
static int
open_whole(const char *path, off_t *size, int *cols)
{
	struct stat st;
	off_t limit;
	long torn;
	int fd;

	if ((fd = open_locked(path)) < 0)
		return -1;
	if (fstat(fd, &st) < 0 || zz_log_whole(fd, st.st_size, &limit,
	    &torn) < 0) {
		zz_warn("%s: cannot read: %s", path, strerror(errno));
	} else if (torn > 0) {
		zz_warn("%s: the last line has no newline (cut by a crash?); "
		    "nothing written; run 'zz-status fsck'", path);
	} else if (torn < 0) {
		zz_warn("%s:%ld: a batch from here has no last line (an add cut "
		    "by a crash?); nothing written; run 'zz-status fsck'", path,
		    -torn);
	} else if (st.st_size > 0 && !(*cols = zz_log_columns(fd))) {
		zz_warn("%s:1: expected the header " ZZ_LOG_HEADER "; nothing "
		    "written; run 'zz-status fsck'", path);
	} else {
		*size = st.st_size;
		if (st.st_size == 0)
			*cols = 0;
		return fd;
	}
	close(fd);
	return -1;
}

/* Append rs (or, when rs is NULL, the raw lines) to dir's log. */
static int
append(const char *dir, const struct zz_logrows *rs, const char *lines,
    size_t len)
{
	char *path, *buf = NULL;
	off_t size;
	int fd, cols = 0, rc = -1;

	/* a file size limit must give EFBIG, not kill us mid-line */
	signal(SIGXFSZ, SIG_IGN);
	if (check_dir(dir) < 0)
		return -1;
	path = zz_log_path(dir);
	if ((fd = open_whole(path, &size, &cols)) < 0)
		goto out;
	if (rs)
		lines = buf = format_rows(path, rs, cols, &len);
	else if (size == 0)	/* an empty file: its header in the same write */
		lines = buf = zz_xasprintf(ZZ_LOG_HEADER "\n%.*s", (int)len,
		    lines), len += sizeof ZZ_LOG_HEADER;
	if (lines && check_lines(path, lines, len) == 0)
		rc = len ? write_all_or_undo(fd, path, lines, len, size) : 0;
	free(buf);
	flock(fd, LOCK_UN);
	if (close(fd) < 0 && rc == 0) {
		zz_warn("%s: close failed: %s", path, strerror(errno));
		rc = -1;
	}
out:
	free(path);
	return rc;
}

int
zz_log_add(const char *dir, const struct zz_logrows *rs)
{
	return append(dir, rs, NULL, 0);	/* none: the log is checked */
}

int
zz_log_append(const char *dir, const char *lines, size_t len)
{
	return append(dir, NULL, lines, len);
}
