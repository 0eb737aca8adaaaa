/* lock.c: the data directory's lock.
 *
 * Every writer of a data directory (zz-import, zz-status set, add and
 * fsck --repair) holds the directory's lock exclusively while it writes,
 * so that two writers never interleave: an import never rewrites the
 * plan while a repair rewrites the log, and two repairs never both
 * rewrite it.  The lock is a flock on the directory itself: it is never
 * renamed or replaced, so a process that waited for it holds the right
 * one afterwards, it needs no file of its own (nothing new appears in a
 * data directory), and it works where the directory is read-only.
 * Appending to status.csv also takes the log's own flock (append.c),
 * which readers share; the directory's lock comes first, always. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "zz.h"

int
zz_dir_lock(const char *dir, bool exclusive)
{
	int fd, rc;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		if (errno == ENOENT)
			zz_warn("%s: no such data directory (give -d DIR or set "
			    "ZZ_DATA)", dir);
		else if (errno == ENOTDIR)
			zz_warn("%s: not a directory", dir);
		else
			zz_warn("%s: cannot open: %s", dir, strerror(errno));
		return -1;
	}
	while ((rc = flock(fd, exclusive ? LOCK_EX : LOCK_SH)) < 0 &&
	    errno == EINTR)
		;
	if (rc < 0) {
		zz_warn("%s: cannot lock the data directory: %s", dir,
		    strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}
