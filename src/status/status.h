/*
 * status.h: the parts of zz-status (src/zz-status.c and the files of
 * src/status/) that its subcommands share.  One file per subcommand:
 * set.c, add.c, show.c, log.c, fsck.c; check.c holds what a report
 * must be.
 */
#ifndef STATUS_H
#define STATUS_H

#include "zz.h"

enum cmd { C_SHOW, C_SET, C_ADD, C_LOG, C_FSCK, C_SHEET, C_VOID, C_UNDO,
	NCMDS };

/* Options given, to refuse those a command does not use. */
enum {
	G_ASOF = 1 << 0, G_BY = 1 << 1, G_DATE = 1 << 2, G_GROUP = 1 << 3,
	G_NOTE = 1 << 4, G_FMT = 1 << 5, G_PCT = 1 << 6, G_REPAIR = 1 << 7,
	G_MONTH = 1 << 8, G_DIR = 1 << 9, G_UPGRADE = 1 << 10, G_ALL = 1 << 11,
	G_FORCE = 1 << 12, G_CORRECT = 1 << 13,
};

struct opts {
	struct zz_common c;
	int group;		/* -g, or -1 */
	const char *pct, *note, *date, *by;
	unsigned given;
	bool repair;		/* fsck --repair */
	bool upgrade;		/* fsck --upgrade */
	bool all;		/* set, add: done on a recurring item as a whole */
	bool force;		/* set, add: a date far from the plan's, or later */
	bool correct;		/* add: rows that correct earlier reports */
	const char *month;	/* sheet --month */
	const char *outdir;	/* sheet --dir */
	const char *complete;	/* --complete WHAT */
};

extern const char *dir;		/* the data directory */
extern struct zz_plan plan;	/* loaded from dir before any command */

void usage(FILE *f);

/* check.c */
/* Most occurrences of one recurring item looked at. */
#define MAXOCC 600
zz_date item_end(const struct zz_item *it);
/* Occurrences of a recurring item from the plan's date to to. */
int occurrences(const struct zz_item *it, zz_date to, struct zz_occ *occ);
/* The trackable item an id (or ID@YYYY-MM) names, or NULL with why. */
const struct zz_item *check_id(const char *id, char *why, size_t n);
/* The byte rules of a field (zz_text_check with rules): 0, or -1 with
 * why naming the field as what. */
int check_bytes(const char *what, const char *s, unsigned rules, char *why,
    size_t n);
/* Leading and trailing blanks cut, in place. */
char *trim(char *s);
/* Check one report, f = date,id,status,progress,note,by (trimmed in
 * place), and add it to out in the log's form.  0, or -1 with why. */
int check_report(const struct opts *o, char **f, struct zz_logrows *out,
    char *why, size_t n);
const char *default_by(const struct opts *o);
void default_date(const struct opts *o, char *buf);
/* Read dir's log to fn: its reports that stand; all: void records and
 * voided reports too.  A log not yet made has none.  0, or -1 with a
 * message. */
int each_report(zz_report_fn fn, void *ctx, bool all);
/* Append rows as one batch under the data directory's lock: an exit
 * code. */
int append(const struct zz_logrows *rows);

/* dedup.c: add's checked rows (lines: their rows in the sheet) into
 * the log, less those already in it; corrections with --correct.  An
 * exit code. */
int add_rows(const struct opts *o, const char *name,
    const struct zz_logrows *rows, const long *lines);

/* one per subcommand: argc and argv are the arguments after its name */
int cmd_set(const struct opts *o, int argc, char **argv);
int cmd_add(const struct opts *o, int argc, char **argv);
int cmd_show(const struct opts *o, int argc);
int cmd_log(const struct opts *o, int argc, char **argv);
int cmd_fsck(const struct opts *o, int argc);
int cmd_sheet(const struct opts *o, int argc);
/* complete.c: --complete WHAT (commands, ids, occurrences, groups, people,
 * units, statuses), the words of shell completion, one a line. */
int cmd_complete(const char *what, const char *const *cmds, int ncmds);
int cmd_void(const struct opts *o, int argc, char **argv);
int cmd_undo(const struct opts *o, int argc);

/* xlsx.c: reading a filled-in sheet */
/* Whether the len bytes at s are a zip archive, as an .xlsx is. */
bool xlsx_is(const char *s, size_t len);
/* Each row of the first sheet of the .xlsx workbook in s to fn, as
 * zz_csv_read gives CSV records: its cells up to the last one filled, an
 * empty string for an empty cell, and the sheet's row number.  0, -1
 * with a message, or what fn returned when not 0. */
int xlsx_read(const char *s, size_t len, const char *name, zz_row_fn fn,
    void *ctx);

#endif
