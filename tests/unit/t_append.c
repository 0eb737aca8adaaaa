/* Unit tests of the status log's append path (lib/append.c). */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unit.h"

static char dir[256], path[300];

static char *
contents(size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct zz_buf b = {0};
	char chunk[4096];
	size_t n;

	if (!f)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		zz_buf_add(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return zz_buf_take(&b);
}

static int
count(void *ctx, const struct zz_report *r)
{
	(void)r;
	(*(long *)ctx)++;
	return 0;
}

/* 50 processes append 200 lines each, one line per call, all at once. */
static void
concurrent(void)
{
	enum { PROCS = 50, EACH = 200 };
	char line[128];
	long n = 0;
	int p, i, st, failed = 0;
	FILE *f;

	unlink(path);
	fflush(stdout);		/* or every child prints it again */
	for (p = 0; p < PROCS; p++) {
		if (fork() == 0) {
			for (i = 0; i < EACH; i++) {
				snprintf(line, sizeof line,
				    "2022-05-01,1.T1,doing,%d,\"p%d, i%d\",u,,,\n",
				    i % 101, p, i);
				if (zz_log_append(dir, line, strlen(line)) < 0)
					_exit(1);
			}
			_exit(0);
		}
	}
	while (wait(&st) > 0)
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
			failed++;
	CHECK(failed == 0);
	f = fopen(path, "r");
	CHECK(f != NULL);
	if (f) {
		CHECK(zz_log_each(f, path, count, &n) == 0);
		fclose(f);
	}
	CHECK(n == PROCS * EACH);
}

/* A file size limit lets only part of a write through: it is undone. */
static void
size_limit(void)
{
	struct rlimit rl;
	char *before, *after, big[600];
	size_t n1, n2;
	int st;

	memset(big, 'x', sizeof big);
	memcpy(big, "2022-05-01,1.T1,doing,10,", 25);
	big[sizeof big - 1] = '\n';
	before = contents(&n1);
	fflush(stdout);
	if (fork() == 0) {
		free(before);	/* the child's copy: valgrind checks it too */
		rl.rlim_cur = rl.rlim_max = (rlim_t)n1 + 100;
		setrlimit(RLIMIT_FSIZE, &rl);
		_exit(zz_log_append(dir, big, sizeof big) < 0 ? 3 : 0);
	}
	wait(&st);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 3);
	after = contents(&n2);
	CHECK(n1 == n2 && before && after && memcmp(before, after, n1) == 0);
	free(before);
	free(after);
}

/* The data directory's lock: an exclusive holder keeps out every other,
 * shared holders only writers; and a missing directory is an error. */
static void
dir_lock(void)
{
	int fd = zz_dir_lock(dir, true), other;
	int ex = 0, sh = 0;

	CHECK(fd >= 0);
	other = open(dir, O_RDONLY | O_DIRECTORY);
	if (other >= 0) {
		ex = flock(other, LOCK_EX | LOCK_NB);
		sh = flock(other, LOCK_SH | LOCK_NB);
	}
	CHECK(other >= 0 && ex < 0 && sh < 0);
	close(fd);
	CHECK(flock(other, LOCK_EX | LOCK_NB) == 0);
	flock(other, LOCK_UN);
	fd = zz_dir_lock(dir, false);
	CHECK(fd >= 0 && flock(other, LOCK_SH | LOCK_NB) == 0);
	CHECK(flock(other, LOCK_EX | LOCK_NB) < 0);
	close(fd);
	close(other);
	CHECK(zz_dir_lock("/nonexistent/zz", true) < 0);
}

int
main(void)
{
	const char *tmp = getenv("TMPDIR");
	const char *line = "2022-05-01,1.T1,done,100,,u,,,\n";
	char *s;
	size_t n;
	long torn;
	FILE *f;

	snprintf(dir, sizeof dir, "%s/t_append.XXXXXX", tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof path, "%s/status.csv", dir);

	/* a missing log is created with its header */
	CHECK(zz_log_append(dir, line, strlen(line)) == 0);
	s = contents(&n);
	CHECK(s && strcmp(s, ZZ_LOG_HEADER "\n2022-05-01,1.T1,done,100,,u,,,\n") == 0);
	free(s);

	/* a torn last line: appends are refused, readers leave it out */
	f = fopen(path, "a");
	fputs("2022-05-02,1.T", f);
	fclose(f);
	CHECK(zz_log_append(dir, line, strlen(line)) < 0);
	s = contents(&n);
	CHECK(n == strlen(ZZ_LOG_HEADER) + 1 + strlen(line) + 14);
	free(s);
	s = zz_log_read(path, &n, &torn);
	CHECK(torn == 3);
	CHECK(s && strcmp(s, ZZ_LOG_HEADER "\n2022-05-01,1.T1,done,100,,u,,,\n") == 0);
	free(s);

	/* zz_states_load leaves out a torn line even when it would parse */
	{
		struct zz_states ss;
		const struct zz_state *x;

		f = fopen(path, "w");
		fputs(ZZ_LOG_HEADER1 "\n2022-05-01,1.T1,done,100,,u\n"
		    "2022-05-02,1.T1,blocked,10,,u", f);
		fclose(f);
		CHECK(zz_states_load(&ss, path, zz_mkdate(2022, 12, 31),
		    false) == 0);
		x = zz_state_get(&ss, "1.T1");
		CHECK(x && x->status == ZZ_DONE && x->line == 2);
		zz_states_free(&ss);
	}

	/* an empty file gets its header in the same write */
	f = fopen(path, "w");
	fclose(f);
	CHECK(zz_log_append(dir, line, strlen(line)) == 0);
	s = contents(&n);
	CHECK(s && strcmp(s, ZZ_LOG_HEADER "\n2022-05-01,1.T1,done,100,,u,,,\n") == 0);
	free(s);

	size_limit();

	/* no data directory */
	CHECK(zz_log_append("/nonexistent/zz", line, strlen(line)) < 0);

	concurrent();
	dir_lock();

	unlink(path);
	rmdir(dir);
	UNIT_END();
}
