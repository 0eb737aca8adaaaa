/* afile.c: rewrite a file atomically.  The temp file sits beside the
 * target (a rename across file systems is not atomic), is synced and
 * checked on close, and only then renamed over the target. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "zz.h"

static mode_t
umask_get(void)
{
	mode_t m = umask(022);

	umask(m);
	return m;
}

/*
 * Temp files not yet renamed or removed, so that no exit leaves one
 * behind: exit() (zz_die) and the signals that end a program by default
 * remove them first.  Only kill -9 can leave one (fsck names it).
 */
#define LIVE 32
static char *volatile live[LIVE];

static void
remove_live(void)
{
	int i;

	for (i = 0; i < LIVE; i++)
		if (live[i])
			unlink(live[i]);
}

static void
on_signal(int sig)
{
	remove_live();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
remember(char *tmp)
{
	static const int sigs[] = {SIGHUP, SIGINT, SIGTERM, SIGPIPE};
	static bool armed;
	struct sigaction sa, old;
	size_t k;
	int i;

	if (!armed) {
		armed = true;
		atexit(remove_live);
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		for (k = 0; k < sizeof sigs / sizeof sigs[0]; k++)
			if (sigaction(sigs[k], NULL, &old) == 0 &&
			    old.sa_handler == SIG_DFL)
				sigaction(sigs[k], &sa, NULL);
	}
	for (i = 0; i < LIVE; i++)
		if (!live[i]) {
			live[i] = tmp;
			return;
		}
}

/* Forget a's temp file (renamed or removed) and free its names. */
static void
release(struct zz_afile *a)
{
	int i;

	for (i = 0; i < LIVE; i++)
		if (live[i] == a->tmp)
			live[i] = NULL;
	free(a->path), free(a->tmp);
	a->path = a->tmp = NULL;
}

int
zz_afile_open(struct zz_afile *a, const char *path)
{
	int fd;

	memset(a, 0, sizeof *a);
	a->path = zz_xstrdup(path);
	a->tmp = zz_xasprintf("%s.tmpXXXXXX", path);
	if ((fd = mkstemp(a->tmp)) < 0) {
		zz_warn("%s: cannot create temporary file: %s", path,
		    strerror(errno));
		free(a->path), free(a->tmp);
		return -1;
	}
	remember(a->tmp);
	fchmod(fd, 0666 & ~umask_get());
	if (!(a->f = fdopen(fd, "w"))) {
		zz_warn("%s: %s", a->tmp, strerror(errno));
		close(fd);
		unlink(a->tmp);
		release(a);
		return -1;
	}
	return 0;
}

int
zz_afile_finish(struct zz_afile *a)
{
	int err = 0;

	if (fflush(a->f) != 0 || ferror(a->f))
		err = errno ? errno : EIO;
	else if (fsync(fileno(a->f)) != 0)
		err = errno;
	if (fclose(a->f) != 0 && !err)
		err = errno;
	a->f = NULL;
	if (err) {
		zz_warn("%s: write failed: %s", a->path, strerror(err));
		zz_afile_abort(a);
		return -1;
	}
	return 0;
}

static void
sync_dir(const char *path)
{
	char *copy = zz_xstrdup(path);
	int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(copy);
}

int
zz_afile_commit(struct zz_afile *a)
{
	if (rename(a->tmp, a->path) != 0) {
		zz_warn("%s: cannot replace: %s", a->path, strerror(errno));
		zz_afile_abort(a);
		return -1;
	}
	sync_dir(a->path);
	release(a);
	return 0;
}

/* The old file is kept as a hard link until every rename succeeded; a
 * failure part way renames the old ones back (or removes a file that did
 * not exist before), so the set is replaced whole or not at all. */
static char *
keep_old(const char *path, bool *failed)
{
	char *old = zz_xasprintf("%s.old%ld", path, (long)getpid());

	*failed = false;
	unlink(old);
	if (link(path, old) == 0)
		return old;
	if (errno != ENOENT && errno != EPERM && errno != ENOTSUP &&
	    errno != EXDEV) {
		zz_warn("%s: cannot keep the old file: %s", path,
		    strerror(errno));
		*failed = true;
	}
	/* no old file, or no hard links here: nothing to put back */
	free(old);
	return NULL;
}

int
zz_afile_commit_all(struct zz_afile *a, int n)
{
	char **old = zz_xcalloc((size_t)n, sizeof *old);
	bool *existed = zz_xcalloc((size_t)n, sizeof *existed);
	char *first = n > 0 ? zz_xstrdup(a[0].path) : NULL;
	int i, done = 0, rc = 0;
	bool failed;

	for (i = 0; i < n && rc == 0; i++) {
		existed[i] = access(a[i].path, F_OK) == 0;
		old[i] = keep_old(a[i].path, &failed);
		if (failed)
			rc = -1;
	}
	for (; rc == 0 && done < n; done++)
		if (rename(a[done].tmp, a[done].path) != 0) {
			zz_warn("%s: cannot replace: %s", a[done].path,
			    strerror(errno));
			rc = -1;
			break;
		}
	for (i = 0; rc != 0 && i < done; i++) {
		if (old[i] && rename(old[i], a[i].path) != 0) {
			zz_warn("%s: cannot put the old file back (it is %s): %s",
			    a[i].path, old[i], strerror(errno));
			free(old[i]);	/* the only copy now: keep it */
			old[i] = NULL;
		} else if (!old[i] && !existed[i]) {
			unlink(a[i].path);
		}
	}
	for (i = 0; i < n; i++) {
		if (old[i])
			unlink(old[i]);
		free(old[i]);
		if (i >= done)
			unlink(a[i].tmp);
		release(&a[i]);
	}
	if (done > 0)
		sync_dir(first);
	free(first);
	free(old);
	free(existed);
	return rc;
}

void
zz_afile_abort(struct zz_afile *a)
{
	if (a->f)
		fclose(a->f);
	a->f = NULL;
	if (a->tmp)
		unlink(a->tmp);
	release(a);
}
