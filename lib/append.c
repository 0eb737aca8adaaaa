/* append.c: the one way lines get into the status log, and the one way a
 * reader gets a log without a torn line.
 *
 * Writers take an exclusive flock, refuse a log whose last byte is not a
 * newline (a crash cut it: zz-status fsck says so and repairs it on
 * request), append every line with one write() and fsync.  A short write
 * (full disk, file size limit) is undone with ftruncate, so the log never
 * keeps half a line.  Readers take a shared flock while they copy the log
 * or take its length, so they never see a write in progress. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/file.h>
#include <sys/stat.h>
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

int
zz_log_columns(int fd)
{
	char b[128], *p = b;
	ssize_t n = pread(fd, b, sizeof b - 1, 0);
	size_t k;

	if (n <= 0)
		return 0;
	b[n] = '\0';
	if (memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	k = strlen(ZZ_LOG_HEADER);
	if (strncmp(p, ZZ_LOG_HEADER, k) == 0 && (p[k] == '\n' || p[k] == '\r'))
		return ZZ_LOG_COLS;
	k = strlen(ZZ_LOG_HEADER1);
	if (strncmp(p, ZZ_LOG_HEADER1, k) == 0 && (p[k] == '\n' || p[k] == '\r'))
		return ZZ_LOG_COLS1;
	return 0;
}

/* The line that ends with the newline at end - 1, from *start (caller
 * frees); NULL on a read error. */
static char *
line_before(int fd, off_t end, off_t *start)
{
	char chunk[4096], *nl, *line;
	off_t pos = end - 1;
	ssize_t n;
	size_t len;

	while (pos > 0) {
		n = pos < (off_t)sizeof chunk ? (ssize_t)pos : (ssize_t)sizeof chunk;
		if (pread(fd, chunk, (size_t)n, pos - n) != n)
			return NULL;
		if ((nl = memrchr(chunk, '\n', (size_t)n))) {
			pos = pos - n + (nl - chunk) + 1;
			break;
		}
		pos -= n;
	}
	if (pos < 0)
		pos = 0;
	*start = pos;
	len = (size_t)(end - 1 - pos);
	line = zz_xmalloc(len + 1);
	if (pread(fd, line, len, pos) != (ssize_t)len) {
		free(line);
		return NULL;
	}
	line[len] = '\0';
	return line;
}

/* The batch mark of a line of the second form, id:k/n, from its last
 * fields (batch and voids never need quotes): 1, or 0 for none. */
static int
batch_of(char *line, char *id, long *k, long *n)
{
	char *e = line + strlen(line), *c1, *c2, *end;
	size_t len;

	if (e > line && e[-1] == '\r')
		*--e = '\0';
	if (!(c1 = memrchr(line, ',', (size_t)(e - line))) ||
	    !(c2 = memrchr(line, ',', (size_t)(c1 - line))))
		return 0;
	*c1 = '\0';
	len = strspn(c2 + 1, "0123456789abcdef");
	if (len == 0 || len > 16 || c2[1 + len] != ':')
		return 0;
	memcpy(id, c2 + 1, len);
	id[len] = '\0';
	*k = strtol(c2 + 2 + len, &end, 10);
	if (*end != '/' || *k < 1)
		return 0;
	*n = strtol(end + 1, &end, 10);
	return *end == '\0' && *n >= *k;
}

/* Where a batch the last line of [0, limit) leaves unfinished (its
 * line k of n, k < n) starts: its first line, k - 1 lines up, when
 * they are its lines 1 to k - 1; else limit. */
static off_t
batch_tail(int fd, off_t limit)
{
	char id[17], id2[17], *line;
	long k, n, k2, n2;
	off_t start = limit, at;

	if (limit == 0 || zz_log_columns(fd) != ZZ_LOG_COLS ||
	    !(line = line_before(fd, limit, &start)))
		return limit;
	if (!batch_of(line, id, &k, &n) || k == n) {
		free(line);
		return limit;
	}
	free(line);
	for (; k > 1; k--) {
		if (start == 0 || !(line = line_before(fd, start, &at)))
			return limit;
		if (!batch_of(line, id2, &k2, &n2) || strcmp(id, id2) != 0 ||
		    k2 != k - 1 || n2 != n) {
			free(line);
			return limit;	/* not a batch as written: fsck's */
		}
		free(line);
		start = at;
	}
	return start;
}

/* The number of the line that starts at offset end. */
static long
line_at(int fd, off_t end)
{
	char chunk[65536], *nl;
	long line = 1;
	off_t at;
	ssize_t n;

	for (at = 0; at < end; at += n) {
		n = end - at < (off_t)sizeof chunk ? (ssize_t)(end - at) :
		    (ssize_t)sizeof chunk;
		if (pread(fd, chunk, (size_t)n, at) != n)
			return -1;
		for (nl = chunk; (nl = memchr(nl, '\n', (size_t)(chunk + n - nl)));
		    nl++)
			line++;
	}
	return line;
}

/* The end of the last whole line of the first size bytes of fd, and of
 * the last whole batch: when bytes follow it, *torn is the number of the
 * line they start (negative for an unfinished batch). */
static int
whole_lines(int fd, off_t size, off_t *limit, long *torn)
{
	char chunk[65536], last;
	off_t at = size, cut;
	ssize_t n;
	char *nl;

	*limit = size;
	*torn = 0;
	if (size > 0 && (pread(fd, &last, 1, size - 1) != 1 || last != '\n')) {
		*limit = 0;
		while (at > 0) {
			n = at < (off_t)sizeof chunk ? (ssize_t)at :
			    (ssize_t)sizeof chunk;
			if (pread(fd, chunk, (size_t)n, at - n) != n)
				return -1;
			at -= n;
			if ((nl = memrchr(chunk, '\n', (size_t)n))) {
				*limit = at + (nl - chunk) + 1;
				break;
			}
		}
		*torn = 1;
	}
	if ((cut = batch_tail(fd, *limit)) < *limit) {
		*limit = cut;
		*torn = -1;
	}
	if (*torn) {
		long line = line_at(fd, *limit);

		if (line < 0)
			return -1;
		*torn *= line;
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
	if (fstat(fd, &st) < 0 || whole_lines(fd, st.st_size, &limit,
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

char *
zz_log_read(const char *path, size_t *len, long *torn)
{
	struct stat st;
	off_t limit;
	char *s;
	int fd;

	*len = 0;
	*torn = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		zz_warn("%s: cannot open: %s", path, strerror(errno));
		return NULL;
	}
	if (flock(fd, LOCK_SH) < 0 || fstat(fd, &st) < 0) {
		zz_warn("%s: cannot lock: %s", path, strerror(errno));
		close(fd);
		return NULL;
	}
	if (S_ISDIR(st.st_mode)) {
		zz_warn("%s: is a directory, not a CSV file", path);
		close(fd);
		return NULL;
	}
	s = zz_xmalloc((size_t)st.st_size + 1);
	if (whole_lines(fd, st.st_size, &limit, torn) < 0 ||
	    pread(fd, s, (size_t)limit, 0) != (ssize_t)limit) {
		zz_warn("%s: read error: %s", path, strerror(errno));
		free(s);
		close(fd);
		return NULL;
	}
	close(fd);	/* drops the lock */
	s[limit] = '\0';
	*len = (size_t)limit;
	return s;
}

/*
 * zz_log_open streams the log rather than copying it, so that reading a
 * long log takes no memory.  Under the shared lock it only takes the
 * log's length and finds a torn tail; the bytes before that point never
 * change afterwards (writers only append whole lines, and undo or repair
 * only past it), so the stream reads them without holding the lock, and
 * a writer never waits for a slow reader.
 */
struct logfd {
	int fd;
	off_t pos, limit;
};

static ssize_t
logfd_read(void *c, char *buf, size_t n)
{
	struct logfd *l = c;
	ssize_t r;

	if ((off_t)n > l->limit - l->pos)
		n = (size_t)(l->limit - l->pos);
	if (n == 0)
		return 0;
	while ((r = pread(l->fd, buf, n, l->pos)) < 0 && errno == EINTR)
		;
	if (r > 0)
		l->pos += r;
	return r;
}

static int
logfd_seek(void *c, off64_t *pos, int whence)
{
	struct logfd *l = c;
	off_t to = whence == SEEK_SET ? *pos : whence == SEEK_CUR ?
	    l->pos + *pos : l->limit + *pos;

	if (to < 0 || to > l->limit) {
		errno = EINVAL;
		return -1;
	}
	*pos = l->pos = to;
	return 0;
}

static int
logfd_close(void *c)
{
	struct logfd *l = c;
	int rc = close(l->fd);

	free(l);
	return rc;
}

/* A pipe or standard input, copied to a temporary file that can be read
 * as a log file is (at a length, in halves, twice); -1 with a message. */
static int
spool(int in, const char *path)
{
	char chunk[65536];
	FILE *t = tmpfile();
	ssize_t n;
	int fd;

	if (!t) {
		zz_warn("cannot make a temporary file: %s", strerror(errno));
		return -1;
	}
	while ((n = read(in, chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || fwrite(chunk, 1, (size_t)n, t) != (size_t)n) {
			zz_warn("%s: read error: %s", path, strerror(errno));
			fclose(t);
			return -1;
		}
	}
	if (fflush(t) != 0 || (fd = dup(fileno(t))) < 0) {
		zz_warn("%s: %s", path, strerror(errno));
		fclose(t);
		return -1;
	}
	fclose(t);
	return fd;
}

int
zz_log_open_fd(const char *path, off_t *limit, long *torn)
{
	struct stat st;
	int fd, in;

	*torn = 0;
	if (strcmp(path, "-") == 0) {
		if ((fd = spool(0, "<stdin>")) < 0)
			return -1;
	} else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		zz_warn("%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	if (flock(fd, LOCK_SH) < 0 || fstat(fd, &st) < 0) {
		zz_warn("%s: cannot lock: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		zz_warn("%s: is a directory, not a CSV file", path);
		close(fd);
		return -1;
	}
	/* a pipe (-s <(...)) has no length to take: it is copied first */
	if (!S_ISREG(st.st_mode)) {
		in = fd;
		fd = spool(in, path);
		close(in);
		if (fd < 0 || fstat(fd, &st) < 0)
			return -1;
	}
	if (whole_lines(fd, st.st_size, limit, torn) < 0) {
		zz_warn("%s: read error: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	flock(fd, LOCK_UN);
	return fd;
}

FILE *
zz_log_open(const char *path, long *torn)
{
	off_t limit;
	int fd;

	if ((fd = zz_log_open_fd(path, &limit, torn)) < 0)
		return NULL;
	return zz_log_fdopen(fd, limit);
}

FILE *
zz_log_fdopen(int fd, off_t limit)
{
	cookie_io_functions_t io = {logfd_read, NULL, logfd_seek, logfd_close};
	struct logfd *l = zz_xcalloc(1, sizeof *l);
	FILE *f;

	l->fd = fd;
	l->limit = limit;
	if (!(f = fopencookie(l, "r", io)))
		zz_die("out of memory");
	return f;
}
