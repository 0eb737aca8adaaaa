/*
 * inject.c: an LD_PRELOAD shim that makes the Nth call of a system call
 * fail, to test that a program leaves its files as they were or complete.
 *
 *   ZZ_FAIL=write:3          the 3rd write fails (ENOSPC)
 *   ZZ_FAIL=open:1,fsync:2   several at once
 *   ZZ_FAIL_COUNT=FILE       at exit, append "CALL COUNT" lines to FILE
 *
 * Calls, and the libc functions counted as each:
 *   open    open, open64, openat, openat64, creat, mkstemp, mkostemp,
 *           fopen/fopen64 for writing                      (EACCES)
 *   write   write, pwrite, writev, and every write of a stdio stream
 *           that fopen/fdopen made for writing             (ENOSPC)
 *   short   the same calls, counted apart: the Nth writes half of
 *           its bytes and returns that short count, as a full disk
 *           does (write(2) only; the others fail with ENOSPC)
 *   fsync   fsync, fdatasync                               (EIO)
 *   rename  rename, renameat, renameat2, link, linkat: what puts
 *           a file in place                                (EIO)
 *   close   close, and so fclose of a stream for writing   (EIO)
 *   trunc   ftruncate                                      (EIO)
 *
 * What libc really calls (strace, ltrace): mkstemp opens its file through
 * an internal __open that LD_PRELOAD cannot reach, so mkstemp itself is
 * counted as an open; fopen(..., "r") likewise, and is left alone (a
 * failing read shows as a failing open of a data file, tested by the
 * bad-input table instead).
 * glibc's stdio writes through internal aliases that LD_PRELOAD cannot
 * reach (strace shows write(2), ltrace shows no write call), so a stream
 * opened for writing is rebuilt with fopencookie over the same fd: its
 * buffer is then written through our write(), and its close through our
 * close().  fileno() on such a stream returns the fd, so fsync(fileno(f))
 * behaves as before.
 */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

enum { C_OPEN, C_WRITE, C_SHORT, C_FSYNC, C_RENAME, C_CLOSE, C_TRUNC,
	NCALLS };
static const char *names[NCALLS] = {"open", "write", "short", "fsync",
	"rename", "close", "trunc"};
static const int errs[NCALLS] = {EACCES, ENOSPC, ENOSPC, EIO, EIO, EIO, EIO};
static long fail_at[NCALLS];	/* 0: never */
static long calls[NCALLS];
static int ready;

static void
report(void)
{
	const char *path = getenv("ZZ_FAIL_COUNT");
	char line[64];
	int fd, i, n;
	ssize_t (*real_write)(int, const void *, size_t);

	if (!path)
		return;
	real_write = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT,
	    "write");
	fd = ((int (*)(const char *, int, ...))dlsym(RTLD_NEXT, "open"))(path,
	    O_WRONLY | O_APPEND | O_CREAT, 0644);
	if (fd < 0)
		return;
	for (i = 0; i < NCALLS; i++) {
		n = snprintf(line, sizeof line, "%s %ld\n", names[i], calls[i]);
		if (real_write(fd, line, (size_t)n) < 0)
			break;
	}
	((int (*)(int))dlsym(RTLD_NEXT, "close"))(fd);
}

static void
setup(void)
{
	const char *spec = getenv("ZZ_FAIL");
	int i;

	ready = 1;
	atexit(report);
	while (spec && *spec) {
		for (i = 0; i < NCALLS; i++) {
			size_t n = strlen(names[i]);

			if (strncmp(spec, names[i], n) == 0 && spec[n] == ':') {
				fail_at[i] = strtol(spec + n + 1, NULL, 10);
				break;
			}
		}
		spec = strchr(spec, ',');
		if (spec)
			spec++;
	}
}

/* Count one call of kind c; 1 if this one is to fail (errno is set). */
static int
hit(int c)
{
	if (!ready)
		setup();
	if (++calls[c] == fail_at[c]) {
		errno = errs[c];
		return 1;
	}
	return 0;
}

#define REAL(type, name, args) \
	static type (*real) args; \
	if (!real) \
		real = (type (*) args)dlsym(RTLD_NEXT, name)

/* ---- open ---- */

static mode_t
mode_arg(int flags, va_list ap)
{
	return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ?
	    (mode_t)va_arg(ap, int) : 0;
}

int
open(const char *path, int flags, ...)
{
	REAL(int, "open", (const char *, int, ...));
	va_list ap;
	mode_t m;

	va_start(ap, flags);
	m = mode_arg(flags, ap);
	va_end(ap);
	return hit(C_OPEN) ? -1 : real(path, flags, m);
}

int
open64(const char *path, int flags, ...)
{
	REAL(int, "open64", (const char *, int, ...));
	va_list ap;
	mode_t m;

	va_start(ap, flags);
	m = mode_arg(flags, ap);
	va_end(ap);
	return hit(C_OPEN) ? -1 : real(path, flags, m);
}

int
openat(int dir, const char *path, int flags, ...)
{
	REAL(int, "openat", (int, const char *, int, ...));
	va_list ap;
	mode_t m;

	va_start(ap, flags);
	m = mode_arg(flags, ap);
	va_end(ap);
	return hit(C_OPEN) ? -1 : real(dir, path, flags, m);
}

int
openat64(int dir, const char *path, int flags, ...)
{
	REAL(int, "openat64", (int, const char *, int, ...));
	va_list ap;
	mode_t m;

	va_start(ap, flags);
	m = mode_arg(flags, ap);
	va_end(ap);
	return hit(C_OPEN) ? -1 : real(dir, path, flags, m);
}

int
creat(const char *path, mode_t mode)
{
	REAL(int, "creat", (const char *, mode_t));

	return hit(C_OPEN) ? -1 : real(path, mode);
}

int
mkstemp(char *tmpl)
{
	REAL(int, "mkstemp", (char *));

	return hit(C_OPEN) ? -1 : real(tmpl);
}

int
mkostemp(char *tmpl, int flags)
{
	REAL(int, "mkostemp", (char *, int));

	return hit(C_OPEN) ? -1 : real(tmpl, flags);
}

/* ---- write, fsync, rename, close, ftruncate ---- */

ssize_t
write(int fd, const void *buf, size_t n)
{
	REAL(ssize_t, "write", (int, const void *, size_t));

	if (hit(C_WRITE))
		return -1;
	if (hit(C_SHORT)) {
		if (n < 2)
			return -1;
		return real(fd, buf, n / 2);
	}
	return real(fd, buf, n);
}

ssize_t
pwrite(int fd, const void *buf, size_t n, off_t off)
{
	REAL(ssize_t, "pwrite", (int, const void *, size_t, off_t));

	return hit(C_WRITE) || hit(C_SHORT) ? -1 : real(fd, buf, n, off);
}

ssize_t
writev(int fd, const struct iovec *iov, int n)
{
	REAL(ssize_t, "writev", (int, const struct iovec *, int));

	return hit(C_WRITE) || hit(C_SHORT) ? -1 : real(fd, iov, n);
}

int
fsync(int fd)
{
	REAL(int, "fsync", (int));

	return hit(C_FSYNC) ? -1 : real(fd);
}

int
fdatasync(int fd)
{
	REAL(int, "fdatasync", (int));

	return hit(C_FSYNC) ? -1 : real(fd);
}

int
rename(const char *from, const char *to)
{
	REAL(int, "rename", (const char *, const char *));

	return hit(C_RENAME) ? -1 : real(from, to);
}

int
renameat(int fd1, const char *from, int fd2, const char *to)
{
	REAL(int, "renameat", (int, const char *, int, const char *));

	return hit(C_RENAME) ? -1 : real(fd1, from, fd2, to);
}

int
renameat2(int fd1, const char *from, int fd2, const char *to, unsigned fl)
{
	REAL(int, "renameat2", (int, const char *, int, const char *,
	    unsigned));

	return hit(C_RENAME) ? -1 : real(fd1, from, fd2, to, fl);
}

int
link(const char *from, const char *to)
{
	REAL(int, "link", (const char *, const char *));

	return hit(C_RENAME) ? -1 : real(from, to);
}

int
linkat(int fd1, const char *from, int fd2, const char *to, int fl)
{
	REAL(int, "linkat", (int, const char *, int, const char *, int));

	return hit(C_RENAME) ? -1 : real(fd1, from, fd2, to, fl);
}

int
close(int fd)
{
	REAL(int, "close", (int));

	/* the fd is closed either way, as close(2) does on EIO */
	if (hit(C_CLOSE)) {
		real(fd);
		errno = EIO;
		return -1;
	}
	return real(fd);
}

int
ftruncate(int fd, off_t len)
{
	REAL(int, "ftruncate", (int, off_t));

	return hit(C_TRUNC) ? -1 : real(fd, len);
}

/* ---- stdio streams for writing, rebuilt over our write and close ---- */

#define NSTREAMS 64
static struct {
	FILE *f;
	int fd;
} streams[NSTREAMS];

static ssize_t
cookie_write(void *c, const char *buf, size_t n)
{
	return write((int)(long)c, buf, n);
}

static ssize_t
cookie_read(void *c, char *buf, size_t n)
{
	return read((int)(long)c, buf, n);
}

static int
cookie_seek(void *c, off64_t *off, int whence)
{
	off_t r = lseek((int)(long)c, (off_t)*off, whence);

	if (r < 0)
		return -1;
	*off = r;
	return 0;
}

static int
cookie_close(void *c)
{
	return close((int)(long)c);
}

static int
writing(const char *mode)
{
	return strpbrk(mode, "wa+") != NULL;
}

static FILE *
wrap(int fd, const char *mode)
{
	cookie_io_functions_t io = {cookie_read, cookie_write, cookie_seek,
		cookie_close};
	FILE *f = fopencookie((void *)(long)fd, mode, io);
	int i;

	if (!f)
		return NULL;
	for (i = 0; i < NSTREAMS; i++)
		if (!streams[i].f) {
			streams[i].f = f;
			streams[i].fd = fd;
			break;
		}
	return f;
}

static int
mode_flags(const char *mode)
{
	int fl = strchr(mode, '+') ? O_RDWR : O_WRONLY;

	if (*mode == 'w')
		fl |= O_CREAT | O_TRUNC;
	else if (*mode == 'a')
		fl |= O_CREAT | O_APPEND;
	if (strchr(mode, 'x'))
		fl |= O_EXCL;
	if (*mode == 'r')
		fl &= ~(O_CREAT | O_TRUNC);
	return fl | O_CLOEXEC * (strchr(mode, 'e') != NULL);
}

static FILE *
open_stream(const char *path, const char *mode)
{
	REAL(FILE *, "fopen", (const char *, const char *));
	int fd;
	FILE *f;

	if (!writing(mode))
		return real(path, mode);
	if ((fd = open(path, mode_flags(mode), 0666)) < 0)
		return NULL;
	if (!(f = wrap(fd, mode)))
		close(fd);
	return f;
}

FILE *
fopen(const char *path, const char *mode)
{
	return open_stream(path, mode);
}

FILE *
fopen64(const char *path, const char *mode)
{
	return open_stream(path, mode);
}

FILE *
fdopen(int fd, const char *mode)
{
	REAL(FILE *, "fdopen", (int, const char *));

	return writing(mode) ? wrap(fd, mode) : real(fd, mode);
}

int
fileno(FILE *f)
{
	REAL(int, "fileno", (FILE *));
	int i;

	for (i = 0; i < NSTREAMS; i++)
		if (f && streams[i].f == f)
			return streams[i].fd;
	return real(f);
}

int
fclose(FILE *f)
{
	REAL(int, "fclose", (FILE *));
	int i;

	for (i = 0; i < NSTREAMS; i++)
		if (f && streams[i].f == f)
			streams[i].f = NULL;
	return real(f);
}
