/* fsck.c: zz-status fsck: check the log, and cut a torn last line. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "status.h"

struct checker {
	const char *name;
	bool header;
	int problems;
};

static int
on_fsck_row(void *ctx, char **f, int n, long line)
{
	static const char *want[6] = {"date", "id", "status", "progress",
		"note", "by"};
	struct checker *c = ctx;
	struct zz_report r;
	const char *msg;
	char why[512];
	int i;

	if (!c->header) {
		c->header = true;
		for (i = 0; i < 6 && n == 6 && !strcmp(f[i], want[i]); i++)
			;
		if (i < 6) {
			zz_fwarn(c->name, line, "expected the header "
			    ZZ_LOG_HEADER);
			c->problems++;
		}
		return 0;
	}
	if (zz_report_parse(f, n, &r, &msg) < 0) {
		zz_fwarn(c->name, line, "%s", msg);
		c->problems++;
	} else if (!check_id(r.id, why, sizeof why) ||
	    check_bytes("note", r.note, ZZ_TEXT_TAB, why, sizeof why) < 0 ||
	    check_bytes("by", r.by, 0, why, sizeof why) < 0) {
		zz_fwarn(c->name, line, "%s", why);
		c->problems++;
	}
	return 0;
}

/* Open and lock the log, and make sure it is still the file at path:
 * one replaced while we waited for the lock is opened again. */
static int
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

/* Cut the torn last line: the good part goes to a temporary file that
 * replaces the log.  The caller holds the data directory's lock, which
 * every writer takes; appenders are refused while the log is torn, and an
 * appender that opened the old file notices the new one after its lock. */
static int
repair(const char *path)
{
	struct zz_afile a;
	size_t len;
	long torn;
	char *s, *cut;
	int fd, rc = -1;

	if ((fd = lock_log(path)) < 0)
		return -1;
	/* zz_log_read takes its own shared lock on another descriptor, which
	 * would wait for ours: read the bytes here instead */
	{
		struct zz_buf b = {0};
		char chunk[65536];
		ssize_t n;

		while ((n = read(fd, chunk, sizeof chunk)) > 0)
			zz_buf_add(&b, chunk, (size_t)n);
		if (n < 0) {
			zz_warn("%s: read error: %s", path, strerror(errno));
			zz_buf_free(&b);
			close(fd);
			return -1;
		}
		len = b.len;
		s = b.len ? zz_buf_take(&b) : zz_xstrdup("");
	}
	if (len == 0 || s[len - 1] == '\n') {
		rc = 0;		/* someone repaired it meanwhile */
		goto out;
	}
	cut = memrchr(s, '\n', len);
	torn = 1;
	for (char *p = s; cut && p <= cut; p++)
		torn += *p == '\n';
	if (zz_afile_open(&a, path) < 0)
		goto out;
	fwrite(s, 1, cut ? (size_t)(cut - s) + 1 : 0, a.f);
	if (zz_afile_finish(&a) < 0 || zz_afile_commit(&a) < 0)
		goto out;
	zz_fwarn(path, torn, "removed the torn last line (%zu bytes): %s",
	    len - (cut ? (size_t)(cut - s) + 1 : 0), cut ? cut + 1 : s);
	rc = 0;
out:
	free(s);
	close(fd);
	return rc;
}

int
cmd_fsck(const struct opts *o, int argc)
{
	struct checker c = {NULL, false, 0};
	char *path, *s;
	size_t len;
	long torn;
	FILE *f;
	int rc;

	if (argc != 0) {
		usage(stderr);
		return ZZ_EXIT_ERR;
	}
	path = zz_log_path(dir);
	c.name = path;
	if (!(s = zz_log_read(path, &len, &torn))) {
		free(path);
		return ZZ_EXIT_ERR;
	}
	if (torn) {
		zz_fwarn(path, torn, "the last line has no newline (cut by a "
		    "crash?)%s", o->repair ? "" : "; 'zz-status fsck --repair' "
		    "removes it");
		c.problems++;
	}
	if (len == 0 && !torn) {
		zz_fwarn(path, 1, "empty: expected the header " ZZ_LOG_HEADER);
		c.problems++;
	} else if (len > 0) {
		if (!(f = fmemopen(s, len, "r")))
			zz_die("out of memory");
		if (zz_csv_read(f, path, ',', on_fsck_row, &c) != 0)
			c.problems++;
		fclose(f);
	}
	free(s);
	rc = ZZ_EXIT_OK;
	if (torn && o->repair) {
		int lock = zz_dir_lock(dir, true);

		if (lock < 0 || repair(path) < 0)
			rc = ZZ_EXIT_ERR;
		else
			c.problems--;
		if (lock >= 0)
			close(lock);
	}
	free(path);
	if (rc == ZZ_EXIT_OK && c.problems)
		rc = ZZ_EXIT_FOUND;
	return rc;
}

