/* logread.c: the one way a reader gets the status log: up to the end of
 * its last whole line and its last whole batch, under a shared flock
 * while that end is found (see append.c for the writers' side).
 *
 * The bytes before that end never change afterwards (writers only append
 * whole lines, and undo or repair only past it), so a reader reads them
 * without holding the lock, and a writer never waits for a slow reader.
 * A pipe or standard input is copied to a temporary file first, so that
 * every reader reads a file: at a known length, in halves, twice. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "zz.h"

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

int
zz_log_whole(int fd, off_t size, off_t *limit, long *torn)
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
	if (zz_log_whole(fd, st.st_size, &limit, torn) < 0 ||
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
	if (zz_log_whole(fd, st.st_size, limit, torn) < 0) {
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
