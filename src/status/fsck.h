/*
 * fsck.h: what zz-status fsck knows of a log (fsck.c checks it, bytes.c
 * reads its bytes as a spreadsheet may have left them, repair.c writes
 * it back in its canonical form).
 */
#ifndef FSCK_H
#define FSCK_H

#include "status.h"

/* One record of the log, its fields in canonical form once checked. */
struct rec {
	long line;		/* its first line in the file */
	char *v[ZZ_LOG_COLS];	/* owned; the last three "" in the first form */
	long voids;		/* a void record: the line it voids */
	bool drop;		/* --repair leaves it out (an unfinished batch) */
};

/* A batch being read, a batch to drop, a void record or the report it
 * names (stream.c). */
struct batch {
	char id[17];
	long n, want, start, last;
	size_t count;
};
struct drop {
	long from, to, n;
	size_t count;
	char id[17];
};
struct vrec {
	long line, voids;
	char *id, *date;
	bool isvoid;		/* the report named is a void record */
};
struct vlist {
	struct vrec *v;
	size_t n;
};

struct logck {
	const char *path;
	int cols;		/* the header's: 6 or 9; 0 before it */
	struct rec *r;
	size_t n, cap;
	int problems;		/* of the form, named so far */
	int mendless;		/* of them, ones --repair cannot mend */
	int warnings;		/* of the content (an unknown id): kept */
	bool change;		/* --repair would change the file */
	bool repair, upgrade;	/* --repair, --upgrade */
	long lines;		/* lines of the file */
	struct zz_map ids;	/* id -> why it is not the plan's, or "" */
	/* streamed (stream.c): one record at a time */
	bool stream, pass2, quiet;
	struct rec cur;
	struct batch batch;
	struct drop *drops;
	size_t ndrops;
	struct vlist vr, targets;
};

/* fsck.c: the reader's row callback, and a batch mark (id, k of n). */
int fsck_row(void *ctx, char **f, int n, long line);
int batch_mark(const char *s, char *id, long *k, long *n);
/* stream.c: whether the log at fd is plain (fsck.c's byte mending not
 * needed); check it streamed; each record read; a record's fields freed. */
bool stream_plain(struct logck *c, int fd);
int stream_check(struct logck *c, int fd);
void stream_rec(struct logck *c, const struct rec *r);
void free_rec(struct rec *r);

/* A problem of the form at line: counted, and said; mend: --repair
 * mends it (and so rewrites the log). */
void problem(struct logck *c, long line, bool mend, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* A problem of the content (a report on an id the plan lacks): said and
 * counted, and the line kept as it is. */
void warning(struct logck *c, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* bytes.c: the file's bytes made UTF-8 text with newlines (a byte order
 * mark, GB18030, bad bytes and a torn last line named and mended);
 * *len updated.  Takes s; NULL when nothing is left. */
char *log_text(struct logck *c, char *s, size_t *len);

/* repair.c: write c's records over the log at c->path, with a backup;
 * the caller holds the directory's lock and fd, the log locked.  0 or
 * -1 with a message. */
int repair_write(struct logck *c, int fd);
/* Open and lock the log, and make sure it is still the file at path. */
int lock_log(const char *path);

#endif
