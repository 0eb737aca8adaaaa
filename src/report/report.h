/*
 * report.h - the parts of zz-report: the model (units of account and
 * their state as of a date), the document built from it (headings,
 * paragraphs, tables, charts, figure rows) and its renderers.
 * Private to zz-report; everything shared by other programs lives in
 * lib/zz.h.
 */
#ifndef REPORT_H
#define REPORT_H

#include "zz.h"

/* ---- model.c ---- */

/* How a unit of account stands as of the report's date. */
enum cls { C_ONTIME = ZZ_C_ONTIME, C_LATE = ZZ_C_LATE,
	C_OVERDUE = ZZ_C_OVERDUE, C_PENDING = ZZ_C_PENDING,
	C_DROPPED = ZZ_C_DROPPED, C_TODAY = ZZ_C_TODAY };

/* One unit of account: a trackable item with a due date, or one
 * occurrence (ID@YYYY-MM) of a recurring one. */
struct unit {
	const struct zz_item *it;
	const char *id;		/* the item's, or an occurrence's (the model's) */
	int year, month;	/* the occurrence's month; 0 if not recurring */
	zz_date due;
	enum zz_status st;	/* latest report as of asof; todo if none */
	bool reported;
	zz_date done;		/* first report marking it done, or NODATE */
	enum cls cls;
};

/* A report dated within the period, kept for the monthly listing. */
struct rep {
	zz_date date;
	const char *id, *note, *by;	/* in the model's text, from at */
	size_t at;
	enum zz_status st;
	int progress;
	long line;
	long item;		/* position of its item in the plan, or -1 */
};

/*
 * Memory is O(items): one struct zz_state per item (and per occurrence
 * reported), the period's reports, the units; never the log.  Units and
 * reports are bucketed by group slot (zz_group_slot) once, so a report
 * walks each group's own rows, never all rows once per group.
 */
struct model {
	struct zz_plan plan;
	const char *logname;
	zz_date asof;		/* reports after it do not exist */
	zz_date from, to;	/* the period */
	/* the latest state and first report of done of each item, and of
	 * each occurrence ID@YYYY-MM reported (in its map) */
	struct zz_states st;
	/* reports dated in [from, min(to, asof)]: kept (keep_reps, for the
	 * monthly listing) or only counted (whether anything was reported) */
	bool keep_reps;
	struct rep *reps;
	size_t nreps;
	struct zz_buf text;	/* the kept reports' strings */
	struct unit *u;		/* in plan order, occurrences by month */
	size_t nu;
	struct zz_bucket ubyg;	/* units by group slot */
	struct zz_bucket rbyg;	/* the period's reports by group slot */
	int err;
};

int model_load_log(struct model *m, const char *path);
void model_units(struct model *m);
void model_free(struct model *m);
/* The units (reports) of group gid: m->u[m->ubyg.row[k]] for k from the
 * value returned up to *end. */
size_t group_units(const struct model *m, int gid, size_t *end);
size_t group_reps(const struct model *m, int gid, size_t *end);
#define GROUP_UNIT(m, k) (&(m)->u[(m)->ubyg.row[(k)]])
#define GROUP_REP(m, k) (&(m)->reps[(m)->rbyg.row[(k)]])

/* Counts over the units that pass a filter: struct zz_tally (lib). */
/* Units of group g (-1: all groups but the office, -2: all) with due in
 * [lo, hi] (and <= asof for the due counts). */
void agg_group(const struct model *m, int g, zz_date lo, zz_date hi,
    struct zz_tally *a);
void agg_add(struct zz_tally *a, const struct unit *u, zz_date asof);
bool unit_open(const struct unit *u);
/* Rate in tenths of a percent, or -1 when den is 0. */
int rate10(int num, int den);
/* "66.7%" or "—"; static buffer per call slot. */
const char *pct(int tenths, char *buf);
const char *cls_cn(enum cls c);
const char *cls_name(enum cls c);
const char *light_of(const struct zz_tally *a);	/* "red" ... */
const char *light_cn(const char *light);	/* "红灯" ... */

/* ---- doc.c ---- */
enum ofmt { O_TEXT, O_MD, O_HTML, O_CSV, O_JSON, O_DOCX };
enum btype { B_TITLE, B_H2, B_H3, B_P, B_TABLE, B_CHARTS, B_H4 };

#define MAXCOLS 12
struct rtab {
	int ncols;
	struct zz_col cols[MAXCOLS];
	char **cells;		/* nrows * ncols; NULL when streamed */
	size_t nrows, cap;
	const char *empty;	/* said instead of an empty table */
	bool skip;		/* rows not kept: the output shows no tables */
	/* streamed (doc_stream): text keeps the rows in zt until the table
	 * ends (its widths need them all); md and html print each row as
	 * it comes (live) */
	struct rdoc *d;
	struct zz_table *zt;
	bool live;
};

struct block {
	enum btype t;
	char *text;
	struct rtab *tab;
	const struct rdoc *src;	/* charts: of this document, else its own */
};

/* The flat figure rows of csv and json: one schema for every report. */
enum fcol { F_SCOPE, F_KEY, F_NAME, F_GROUP, F_DUE, F_DONE, F_ON_TIME,
	F_LATE, F_OPEN, F_OVERDUE, F_DUE_TODAY, F_DOING, F_BLOCKED, F_DROPPED, F_RATE,
	F_ON_TIME_RATE, F_LIGHT, F_SCORE, F_RANK, F_DUE_DATE, F_STATUS,
	F_DONE_DATE, F_CLASS, F_RESPONSIBLE, F_NCOLS };

/* A figure row: F_NCOLS cells (NULL: empty) in a. */
struct frow {
	struct zz_arena *a;
	const char *c[F_NCOLS];
};

struct bar {
	char *label;
	int tenths;		/* -1: nothing due */
};

struct rdoc {
	const char *kind;	/* monthly, quarterly, annual */
	char *title, *period;
	zz_date asof;
	const char *asof_why;	/* why that date: given, today, period end */
	int year;
	bool figures;		/* keep the figure rows (csv, json) */
	bool tables;		/* keep the tables' rows (text, md, html) */
	struct block *b;
	size_t nb, capb;
	char **rules;		/* the rules the figures follow */
	size_t nrules, caprules;
	struct frow **rows;	/* figure rows, in rowmem */
	struct zz_arena rowmem;
	size_t nrows, caprows;
	struct bar *bars;
	size_t nbars, capbars;
	const char *barlabel;
	const struct model *m;	/* for the timeline */
	/* streamed (doc_stream): each block printed and freed once the next
	 * one starts, b holding only those not printed yet; csv's figure
	 * rows printed as the next one starts (pending) */
	FILE *out;
	enum ofmt fmt;
	bool begun;		/* the html head, the csv header printed */
	struct frow *pending;	/* in scratch, emptied for each row */
	struct zz_arena scratch;
};

/* Print d to f in fmt (text, md, html or csv) while it is built, so
 * that it costs the memory of one block rather than the whole report;
 * doc_print then prints what is left.  Not for a roll-up, which takes
 * its plans' documents whole. */
void doc_stream(struct rdoc *d, FILE *f, enum ofmt fmt);
/* A new block at the end (text: taken); the blocks grow by doubling. */
struct block *doc_add_block(struct rdoc *d, enum btype t, char *text);
void doc_title(struct rdoc *d, const char *s);
void report_head(struct rdoc *d, const struct model *m, const char *before,
    const char *after);
void doc_h2(struct rdoc *d, const char *fmt, ...);
void doc_h3(struct rdoc *d, const char *fmt, ...);
void doc_p(struct rdoc *d, const char *fmt, ...);
void doc_rule(struct rdoc *d, const char *fmt, ...);
/* s is one of the rules: html and docx print them as notes, smaller. */
bool doc_is_rule(const struct rdoc *d, const char *s);
/* List s among the rules (once) without printing it again: a roll-up's
 * copy of a plan's rule paragraph. */
void doc_note_rule(struct rdoc *d, const char *s);
/* Append a figure row made by doc_row of another document (which keeps
 * it in its arena: it must outlive d's printing). */
void doc_take_row(struct rdoc *d, struct frow *row);
void doc_charts(struct rdoc *d);
struct rtab *doc_table(struct rdoc *d, const char *empty, const char *spec);
void tab_row(struct rtab *t, ...);
void doc_bar(struct rdoc *d, const char *label, int tenths);
const char *doc_empty_after(const struct rdoc *d, size_t i);
/* A new figure row (d owns it), or NULL when d->figures is off. */
struct frow *doc_row(struct rdoc *d, const char *scope, const char *key,
    const char *name);
void row_set(struct frow *row, enum fcol c, const char *fmt, ...);
void row_str(struct frow *row, enum fcol c, const char *s);
void row_int(struct frow *row, enum fcol c, int n);
void row_agg(struct frow *row, const struct zz_tally *a);
void row_unit(struct frow *row, const struct model *m, const struct unit *u);
void doc_free(struct rdoc *d);

/* 0, or -1 having said why (docx: a libzip failure, or a failed write). */
int doc_print(struct rdoc *d, FILE *f, enum ofmt fmt);
/* Streaming (render.c for doc.c): print block i of d (two when html
 * says a label and its empty table on one line), a live table's row, a
 * figure row; the end of the document. */
size_t render_block(struct rdoc *d, size_t i);
void render_row(struct rdoc *d, const struct rtab *t, const char *const *v);
void render_figure(struct rdoc *d, const struct frow *row);
void render_end(struct rdoc *d);
int doc_finish(struct rdoc *d);	/* doc_print of a streamed document */
/* ---- docx.c ---- */
int doc_docx(const struct rdoc *d, FILE *f);

/* ---- rollup.c: one report over several plans ---- */
struct plan_run {
	char *label;		/* the data directory's name; ids read label:id */
	char *dir, *logpath;
	size_t index;
	struct model m;
	struct rdoc d;		/* the plan's own report */
};
/* r from the plans' own reports: their blocks and rows move into r; the
 * runs stay alive until r is printed (its charts are theirs). */
void rollup(struct rdoc *r, struct plan_run *p, size_t n, const char *title);

/* ---- the three reports ---- */
struct ropts {
	bool detail;
	/* the annual score: ontime x on-time rate + done x completion */
	int ontime, done;
};
int report_monthly(struct model *m, int y, int mon, struct rdoc *d);
int report_quarterly(struct model *m, int y, int q, struct rdoc *d);
int report_annual(struct model *m, int y, const struct ropts *o,
    struct rdoc *d);

/* Shared helpers of the reports (reports.c). */
const char *iso(zz_date t, char *buf);
void unit_table_row(struct rtab *t, const struct model *m,
    const struct unit *u, bool with_group);
const char *cn_num(int n);	/* 一 二 ... 十 */

#endif
