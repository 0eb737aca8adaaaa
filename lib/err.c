/* err.c: one error style for every program. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "zz.h"

const char *zz_prog = "zz";

/* fds 0-2 open, on /dev/null if they were closed: else the first file a
 * program opens becomes its stderr (or stdout), and its messages land in
 * a data file. */
static void
std_fds(void)
{
	int fd;

	for (fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) < 0 && errno == EBADF &&
		    open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY) < 0)
			abort();	/* no way to say so */
}

void
zz_setprog(const char *argv0)
{
	const char *s = strrchr(argv0, '/');

	std_fds();
	/* a file size limit (ulimit -f) gives EFBIG, reported and undone,
	 * rather than killing a writer half-way */
	signal(SIGXFSZ, SIG_IGN);
	zz_prog = s ? s + 1 : argv0;
	zz_i18n_init();
}

/* Where this thread's warnings are held, when they are. */
static _Thread_local struct zz_held *held;

struct zz_held *
zz_warn_hold(struct zz_held *h)
{
	struct zz_held *was = held;

	held = h;
	return was;
}

void
zz_warn_release(struct zz_held *h, long lines)
{
	if (h->msg)
		zz_fwarn(h->file, h->line > 0 ? h->line + lines : h->line,
		    "%s", h->msg);
	zz_held_free(h);
}

void
zz_held_free(struct zz_held *h)
{
	free(h->file);
	free(h->msg);
	memset(h, 0, sizeof *h);
}

static void
hold(struct zz_held *h, const char *file, long line, const char *fmt,
    va_list ap)
{
	char *msg;

	if (h->msg)	/* the first says what went wrong */
		return;
	if (vasprintf(&msg, fmt, ap) < 0)
		zz_die("out of memory");
	h->file = file ? zz_xstrdup(file) : NULL;
	h->line = line;
	h->msg = msg;
}

/* The format is translated here, once for every message of every
 * program, rather than at each call. */
void
zz_vfwarn(const char *file, long line, const char *fmt, va_list ap)
{
	fmt = zz_tr(fmt);
	if (held) {
		hold(held, file, line, fmt, ap);
		return;
	}
	char *msg;

	if (vasprintf(&msg, fmt, ap) < 0) {
		fprintf(stderr, "%s: out of memory\n", zz_prog);
		exit(ZZ_EXIT_ERR);
	}
	fflush(stdout);
	fprintf(stderr, "%s: ", zz_prog);
	if (file && line > 0)
		fprintf(stderr, "%s:%ld: ", file, line);
	else if (file)
		fprintf(stderr, "%s: ", file);
	/* what a message quotes from a file or an argument may hold escape
	 * sequences: shown, never sent to the terminal */
	zz_put_visible(stderr, msg, true);
	fputc('\n', stderr);
	free(msg);
}

void
zz_fwarn(const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	zz_vfwarn(file, line, fmt, ap);
	va_end(ap);
}

void
zz_fdie(const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	zz_vfwarn(file, line, fmt, ap);
	va_end(ap);
	exit(ZZ_EXIT_ERR);
}

void
zz_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	zz_vfwarn(NULL, 0, fmt, ap);
	va_end(ap);
}

void
zz_die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	zz_vfwarn(NULL, 0, fmt, ap);
	va_end(ap);
	exit(ZZ_EXIT_ERR);
}

/* A full disk under cron must fail loudly, so stdout is checked last. */
int
zz_finish(int code)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		zz_warn("write error on standard output: %s", strerror(errno));
		return ZZ_EXIT_ERR;
	}
	if (fclose(stdout) != 0) {
		zz_warn("write error on standard output: %s", strerror(errno));
		return ZZ_EXIT_ERR;
	}
	return code;
}
