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
#include <stdlib.h>
#include <string.h>
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
zz_log_put(FILE *f, const char *const v[6])
{
	bool safe = zz_csv_safe;	/* the log keeps what was reported */
	int i;

	zz_csv_safe = false;
	for (i = 0; i < 6; i++)
		zz_csv_field(f, v[i] ? v[i] : "", i == 0, ',');
	putc('\n', f);
	zz_csv_safe = safe;
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
	fputs(ZZ_LOG_HEADER "\n", a.f);
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

/* 0 if the file at fd is empty or ends in a newline, 1 if not, -1 on a
 * read error. */
static int
torn_tail(int fd, off_t size)
{
	char c;

	if (size == 0)
		return 0;
	if (pread(fd, &c, 1, size - 1) != 1)
		return -1;
	return c != '\n';
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
zz_log_append(const char *dir, const char *lines, size_t len)
{
	char *path;
	struct stat st;
	int fd, rc = -1, torn;

	/* a file size limit must give EFBIG, not kill us mid-line */
	signal(SIGXFSZ, SIG_IGN);
	if (check_dir(dir) < 0)
		return -1;
	path = zz_log_path(dir);
	if (check_lines(path, lines, len) < 0 || (fd = open_locked(path)) < 0)
		goto out;
	if (fstat(fd, &st) < 0) {
		zz_warn("%s: %s", path, strerror(errno));
		goto close;
	}
	if ((torn = torn_tail(fd, st.st_size)) != 0) {
		if (torn < 0)
			zz_warn("%s: cannot read: %s", path, strerror(errno));
		else
			zz_warn("%s: the last line has no newline (cut by a "
			    "crash?); nothing written; run 'zz-status fsck'",
			    path);
		goto close;
	}
	if (st.st_size == 0) {
		/* an empty file (made by hand): its header goes in the same write */
		char *all = zz_xmalloc(sizeof ZZ_LOG_HEADER + len);

		memcpy(all, ZZ_LOG_HEADER "\n", sizeof ZZ_LOG_HEADER);
		memcpy(all + sizeof ZZ_LOG_HEADER, lines, len);
		rc = write_all_or_undo(fd, path, all, sizeof ZZ_LOG_HEADER + len,
		    0);
		free(all);
	} else if (len > 0) {
		rc = write_all_or_undo(fd, path, lines, len, st.st_size);
	} else {
		rc = 0;
	}
close:
	flock(fd, LOCK_UN);
	if (close(fd) < 0 && rc == 0) {
		zz_warn("%s: close failed: %s", path, strerror(errno));
		rc = -1;
	}
out:
	free(path);
	return rc;
}

/* Line number of the last line of s (which has no final newline). */
static long
last_line(const char *s, size_t n)
{
	long line = 1;
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == '\n')
			line++;
	return line;
}

char *
zz_log_read(const char *path, size_t *len, long *torn)
{
	struct zz_buf b = {0};
	char chunk[65536];
	ssize_t n;
	int fd;

	*len = 0;
	*torn = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		zz_warn("%s: cannot open: %s", path, strerror(errno));
		return NULL;
	}
	if (flock(fd, LOCK_SH) < 0) {
		zz_warn("%s: cannot lock: %s", path, strerror(errno));
		close(fd);
		return NULL;
	}
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			if (errno == EISDIR)
				zz_warn("%s: is a directory, not a CSV file",
				    path);
			else
				zz_warn("%s: read error: %s", path,
				    strerror(errno));
			zz_buf_free(&b);
			close(fd);
			return NULL;
		}
		zz_buf_add(&b, chunk, (size_t)n);
	}
	close(fd);	/* drops the lock */
	if (b.len > 0 && b.s[b.len - 1] != '\n') {
		char *nl = memrchr(b.s, '\n', b.len);

		*torn = last_line(b.s, b.len);
		b.len = nl ? (size_t)(nl - b.s) + 1 : 0;
		b.s[b.len] = '\0';
	}
	*len = b.len;
	return b.s ? zz_buf_take(&b) : zz_xstrdup("");
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
logfd_close(void *c)
{
	struct logfd *l = c;
	int rc = close(l->fd);

	free(l);
	return rc;
}

/* The end of the last whole line of the first size bytes of fd, and,
 * when bytes follow it, the number of the line they start. */
static int
whole_lines(int fd, off_t size, off_t *limit, long *torn)
{
	char chunk[65536], last;
	off_t at = size;
	ssize_t n;
	char *nl;

	*limit = size;
	*torn = 0;
	if (size == 0 || (pread(fd, &last, 1, size - 1) == 1 && last == '\n'))
		return 0;
	*limit = 0;
	while (at > 0) {
		n = at < (off_t)sizeof chunk ? (ssize_t)at : (ssize_t)sizeof chunk;
		if (pread(fd, chunk, (size_t)n, at - n) != n)
			return -1;
		at -= n;
		if ((nl = memrchr(chunk, '\n', (size_t)n))) {
			*limit = at + (nl - chunk) + 1;
			break;
		}
	}
	*torn = 1;	/* rare: count the lines before the torn one */
	for (at = 0; at < *limit; at += n) {
		n = *limit - at < (off_t)sizeof chunk ? (ssize_t)(*limit - at) :
		    (ssize_t)sizeof chunk;
		if (pread(fd, chunk, (size_t)n, at) != n)
			return -1;
		for (nl = chunk; (nl = memchr(nl, '\n', (size_t)(chunk + n - nl)));
		    nl++)
			(*torn)++;
	}
	return 0;
}

int
zz_log_open_fd(const char *path, off_t *limit, long *torn)
{
	struct stat st;
	int fd;

	*torn = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
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
	/* a pipe (-s <(...)) has no length to take: it is read as it comes */
	if (!S_ISREG(st.st_mode)) {
		*limit = -1;
		return fd;
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
	cookie_io_functions_t io = {logfd_read, NULL, NULL, logfd_close};
	struct logfd *l;
	off_t limit;
	FILE *f;
	int fd;

	if ((fd = zz_log_open_fd(path, &limit, torn)) < 0)
		return NULL;
	if (limit < 0) {
		if (!(f = fdopen(fd, "r")))
			zz_die("out of memory");
		return f;
	}
	l = zz_xcalloc(1, sizeof *l);
	l->fd = fd;
	l->limit = limit;
	if (!(f = fopencookie(l, "r", io)))
		zz_die("out of memory");
	return f;
}
