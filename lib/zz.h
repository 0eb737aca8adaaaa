/*
 * zz.h - the one public header of libzz, the library behind the zz tools.
 *
 * Ownership: a function returning char * or a struct pointer returns memory
 * the caller owns and frees, unless the comment says "borrowed".  Arguments
 * are borrowed unless the comment says "takes".
 */
#ifndef ZZ_H
#define ZZ_H

#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include <jansson.h>

#define ZZ_VERSION "0.1.0"

/* ---- i18n.c: the office's language (gettext, domain "zz") ---- */
/* The locale from the environment, also where the locale asked for was
 * never generated (LANG=zh_CN.UTF-8 alone is enough), and the catalog:
 * $ZZ_LOCALEDIR, beside the program, or the installed one. */
void zz_i18n_init(void);
/* msgid translated (borrowed).  zz_die, zz_warn, zz_fwarn and zz_fdie
 * translate their format, so only other text needs it. */
const char *zz_tr(const char *msgid);
#define _(s) zz_tr(s)
#define N_(s) (s)
/* Whether messages come in Chinese (text tables then too). */
bool zz_lang_zh(void);
/* A column's Chinese header (--excel, Chinese text), else name; borrowed. */
const char *zz_col_cn(const char *name);
/* A cell of column name as a Chinese reader wants it: status and kind
 * words in Chinese, anything else unchanged; borrowed. */
const char *zz_value_cn(const char *name, const char *v);

/* Exit codes shared by every program. */
enum { ZZ_EXIT_OK = 0, ZZ_EXIT_FOUND = 1, ZZ_EXIT_ERR = 2 };

/* ---- err.c: messages in the form "prog: file:line: what is wrong" ---- */
extern const char *zz_prog;
/* Also sets the locale and the message catalog up (zz_i18n_init). */
void zz_setprog(const char *argv0);
void zz_warn(const char *fmt, ...);
_Noreturn void zz_die(const char *fmt, ...);
/* file may be NULL, line 0 means "no line". */
void zz_fwarn(const char *file, long line, const char *fmt, ...);
_Noreturn void zz_fdie(const char *file, long line, const char *fmt, ...);
void zz_vfwarn(const char *file, long line, const char *fmt, va_list ap);
/* A thread's warnings held back (the first one kept) until it is known
 * whether they count, and then given with their line moved by lines:
 * the second half of a log does not know where its first line is. */
struct zz_held {
	char *file, *msg;	/* msg NULL: nothing held */
	long line;
};
/* NULL: print again.  Returns the hold it replaces, to put back. */
struct zz_held *zz_warn_hold(struct zz_held *h);
void zz_warn_release(struct zz_held *h, long lines);
void zz_held_free(struct zz_held *h);
/* Flush and close stdout; on failure say so.  Returns the exit code to use. */
int zz_finish(int code);

/* ---- mem.c: allocation that dies on failure, buffers, a string map ---- */
void *zz_xmalloc(size_t n);
void *zz_xcalloc(size_t n, size_t size);
/* The same for a big table looked up at random (free() it). */
void *zz_xcalloc_big(size_t n, size_t size);
/* n bytes in huge pages when n is big, not zeroed (free() it). */
void *zz_xmalloc_big(size_t n);
void *zz_xrealloc(void *p, size_t n);
void *zz_xreallocarray(void *p, size_t n, size_t size);
/* Room for arr[n] in an array of n elements that only ever grows through
 * zz_grow, one at a time (it doubles): arr = zz_grow(arr, n, sizeof *arr). */
void *zz_grow(void *arr, size_t n, size_t size);
char *zz_xstrdup(const char *s);
char *zz_xstrndup(const char *s, size_t n);
char *zz_xasprintf(const char *fmt, ...);

/* Strings of many rows in a few big blocks, freed together: a big plan
 * spent a tenth of its load in malloc, one block an item. */
struct zz_arena {
	char **block;
	size_t nblock;
	char *at, *end;		/* the free part of the last block */
};
/* Room for n bytes; a new block holds at least hint bytes (a file's
 * strings: its size). */
char *zz_arena_alloc(struct zz_arena *a, size_t n, size_t hint);
/* Room for n bytes aligned to al (a power of two, at most
 * alignof(max_align_t)): rows of pointers, structs. */
void *zz_arena_obj(struct zz_arena *a, size_t n, size_t al);
/* A copy of s's n bytes, with a NUL after them. */
char *zz_arena_str(struct zz_arena *a, const char *s, size_t n);
/* b's blocks become a's (the strings stay where they are). */
void zz_arena_take(struct zz_arena *a, struct zz_arena *b);
/* Everything gone but the newest block, emptied for reuse: a row made,
 * printed and forgotten, and the next one in the same memory. */
void zz_arena_clear(struct zz_arena *a);
void zz_arena_free(struct zz_arena *a);

struct zz_buf {
	char *s;		/* always NUL-terminated once anything was added */
	size_t len, cap;
};
void zz_buf_add(struct zz_buf *b, const char *s, size_t n);
/* Room for n more bytes and a NUL: where they go (b->len moves when the
 * caller has written them). */
char *zz_buf_room(struct zz_buf *b, size_t n);
void zz_buf_puts(struct zz_buf *b, const char *s);
void zz_buf_putc(struct zz_buf *b, int c);
void zz_buf_printf(struct zz_buf *b, const char *fmt, ...);
const char *zz_buf_str(struct zz_buf *b);	/* borrowed, "" when empty */
char *zz_buf_take(struct zz_buf *b);		/* caller owns; b is reset */
void zz_buf_reset(struct zz_buf *b);
void zz_buf_free(struct zz_buf *b);

/* Open-addressing map from strings to pointers.  Keys are copied. */
struct zz_map {
	char **keys;
	void **vals;
	size_t n, cap;
	unsigned *hash;		/* of each key, to skip most key compares */
};
void **zz_map_slot(struct zz_map *m, const char *key, size_t klen, bool *isnew);
void *zz_map_get(const struct zz_map *m, const char *key, size_t klen);
void zz_map_free(struct zz_map *m, void (*freeval)(void *));
/* The hash the map gives key (never 0), also for zz_plan_find. */
unsigned zz_map_hash(const char *key, size_t klen);

/* ---- utf8.c: validation and display width ---- */
/* Decode one code point; returns its length in bytes, or -1 if invalid. */
int zz_utf8_decode(const char *s, size_t n, unsigned *cp);
/* Offset of the first invalid byte, or n if all of s is valid UTF-8. */
size_t zz_utf8_check(const char *s, size_t n);
int zz_cpwidth(unsigned cp);		/* 0, 1 or 2 terminal columns */
int zz_width(const char *s);		/* columns of a whole string */
/* Columns of s's first n bytes, counted until past most (then some
 * number above it): bytes not UTF-8 a column each. */
int zz_width_n(const char *s, size_t n, int most);
/* Columns of s, or -1 when it holds a control character or bytes that
 * are not UTF-8 (zz_needs_visible's test and zz_width's count in one
 * pass). */
int zz_plain_width(const char *s);
/* s cut to at most width columns, ending in "…" when cut (caller owns). */
char *zz_fit(const char *s, int width);
/* Print s padded with spaces to width columns (right-aligned if right). */
void zz_pad(FILE *f, const char *s, int width, bool right);
/* The byte rules of every field of a data file (zz-data(5)): valid UTF-8,
 * no NUL, and no control character (C0, DEL, C1) unless rules allow:
 * ZZ_TEXT_TAB a tab (a note), ZZ_TEXT_CTRL any (what a reader takes from
 * a file written before the rule).  Writers check with the rules of the
 * field, readers with ZZ_TEXT_CTRL.  Returns n, or the offset of the
 * first bad byte with *why set to what is wrong (static). */
enum { ZZ_TEXT_TAB = 1, ZZ_TEXT_CTRL = 2 };
size_t zz_text_check(const char *s, size_t n, unsigned rules,
    const char **why);
/* s for a terminal: control characters as visible escapes (\x1b, \t,
 * \n, \u0085) and invalid bytes as \xNN.  Caller owns. */
char *zz_visible(const char *s);
bool zz_needs_visible(const char *s);	/* zz_visible would change s */
/* fputs s made visible; lines: its newlines kept as they are. */
void zz_put_visible(FILE *f, const char *s, bool lines);
/* Convert text in a legacy encoding (e.g. "GB18030") to UTF-8; NULL on failure. */
char *zz_to_utf8(const char *s, size_t n, const char *encoding, size_t *outlen);

/* ---- date.c: calendar dates as day numbers ---- */
typedef int zz_date;			/* days since 1970-01-01 */
#define ZZ_NODATE INT_MIN
zz_date zz_mkdate(int y, int m, int d);	/* no validation */
bool zz_valid_ymd(int y, int m, int d);
void zz_ymd(zz_date t, int *y, int *m, int *d);
int zz_mdays(int y, int m);
zz_date zz_month_end(int y, int m);
zz_date zz_quarter_end(int y, int q);
int zz_quarter_of(zz_date t);		/* 1..4 */
/* Strict YYYY-MM-DD; returns 0, or -1 if s is not a real date. */
int zz_parse_date(const char *s, zz_date *out);
int zz_parse_month(const char *s, int *y, int *m);	/* YYYY-MM */
int zz_parse_quarter(const char *s, int *y, int *q);	/* YYYY-Qn */
/* buf must hold 11 bytes; returns buf ("" for ZZ_NODATE). */
char *zz_fmt_date(zz_date t, char *buf);
/* v in decimal; buf must hold 21 bytes; returns buf. */
char *zz_fmt_long(long v, char *buf);
/* Today, or $ZZ_TODAY when set (for reproducible runs). */
zz_date zz_today(void);

/* Recurrence of an item: the `recur` column. */
enum zz_rtype { ZZ_R_NONE, ZZ_R_MONTHLY, ZZ_R_QUARTERLY, ZZ_R_DATES };
#define ZZ_RMAX 24
struct zz_recur {
	enum zz_rtype type;
	int day;			/* monthly: day of month */
	int n;				/* dates: how many */
	zz_date dates[ZZ_RMAX];
};
/* Parse "monthly:27", "quarterly", "dates:2022-06-30;2022-12-31" or "". */
int zz_recur_parse(const char *s, struct zz_recur *r);
void zz_recur_fmt(const struct zz_recur *r, struct zz_buf *b);
/* One occurrence of a recurring item: its due date and its month. */
struct zz_occ {
	zz_date due;
	int year, month;
};
/* Occurrences whose month lies in [from, to]; returns how many were
 * stored (at most max). */
int zz_occurrences(const struct zz_recur *r, zz_date from, zz_date to,
    struct zz_occ *out, int max);

/* ---- cndate.c: deadlines as the office writes them in Chinese ---- */
struct zz_when {
	zz_date due;			/* latest date the text states, or NODATE */
	bool ongoing;			/* 持续推进 */
	int quarter;			/* a leading 一季度..四季度 label, else 0 */
	struct zz_recur recur;		/* 每月27日前, 每季度末月, 6月和12月 */
};
/* Read the deadline phrases of text, with year for phrases that give none. */
void zz_cn_when(const char *text, int year, struct zz_when *w);

/* ---- csv.c: CSV through libcsv, with line numbers ---- */
/* Called once per record: fields are borrowed for the call only.  Return
 * non-zero to stop reading (zz_csv_read then returns that value). */
typedef int (*zz_row_fn)(void *ctx, char **fields, int n, long line);
/* Reads all of f (UTF-8 BOM skipped, CRLF accepted), calling fn for each
 * non-empty record.  Errors are reported as name:line and give -1. */
int zz_csv_read(FILE *f, const char *name, char delim, zz_row_fn fn, void *ctx);
/* Part of a file for zz_csv_read_part: bytes [from, to) of fd, read by
 * pread, whose first line is numbered line.  With handoff > 0 reading
 * ends at the record boundary at offset handoff when there is one there
 * and a record (the header) came before it, else goes on to `to`;
 * stopped and stop_line tell where it ended (the offset and number of the
 * first line not read). */
struct zz_csv_part {
	int fd;
	off_t from, to, handoff;
	long line;
	off_t stopped;
	long stop_line;
	/* When set, given each line outside a record before it is split:
	 * it returns 1 when it took the line, 0 to leave it to the reader,
	 * and may write to the line only when it takes it. */
	int (*whole)(void *ctx, char *line, size_t len, long lineno);
	void *whole_ctx;
};
int zz_csv_read_part(struct zz_csv_part *pt, const char *name, char delim,
    zz_row_fn fn, void *ctx);
/* Where to start the second half of the first size bytes of fd: the
 * first line after the middle; 0 when the file is too short to split
 * (zz_split_min). */
off_t zz_csv_middle(int fd, off_t size);
/* The same from the first line after byte at. */
off_t zz_csv_split(int fd, off_t at, off_t size);
/* Files this long or longer (a big log, a big items.csv) are read in two
 * halves at once; tests set it lower. */
extern off_t zz_split_min;
/* Write one field (quoted only when needed), preceded by delim unless first. */
void zz_csv_field(FILE *f, const char *s, bool first, char delim);
/* The same appended to b: a record's fields, then one fwrite. */
void zz_csv_put(struct zz_buf *b, const char *s, bool first, char delim);
/* When set, text fields starting with = + - @ are written with a leading
 * apostrophe so spreadsheets do not run them as formulas.  Set by
 * --csv-safe or $ZZ_CSV_SAFE (zz_common_init, zz_common_opt) for the
 * tools' csv/tsv output; the data files are always written as they are. */
extern bool zz_csv_safe;
/* --excel: csv output for spreadsheets, with a byte order mark, CRLF line
 * ends and Chinese headers and status words (zz_common_opt sets it). */
extern bool zz_csv_excel;
/* For csv written by hand: a byte order mark before the header, and the
 * end of a line, as --excel wants them (nothing, '\n' otherwise). */
void zz_csv_bom(FILE *f);
void zz_csv_eol(FILE *f);
const char *zz_csv_eol_str(void);	/* the same, for a row made in memory */
/* Lines without quotes are split by zz_csv_read itself rather than by
 * libcsv, and a plain log line is read by scan.c without splitting, with
 * the same result; false sends every line to libcsv (tests, make bench). */
extern bool zz_csv_fast;

/* ---- plan.c: the plan tables ---- */
enum zz_kind { ZZ_TASK, ZZ_DIFFICULTY, ZZ_PROJECT, ZZ_PLAN, ZZ_MEASURE,
	ZZ_DUTY, ZZ_NKINDS };
const char *zz_kind_name(enum zz_kind k);	/* "task" ... */
const char *zz_kind_cn(enum zz_kind k);		/* "工作任务" ... */
char zz_kind_letter(enum zz_kind k);		/* 'T' ... */
int zz_kind_parse(const char *s);		/* -1 if unknown */
bool zz_kind_trackable(enum zz_kind k);		/* all but difficulties */

struct zz_doc {
	char *number, *title, *issuer;
	zz_date date;
	int year;
};
struct zz_group {
	int id;
	char *name, *goal;
	zz_date due;
	bool ongoing;
	bool packed;		/* name and goal in the plan's arena (a data
				 * directory's groups), not their own */
};
struct zz_person {
	char *name, *title, *unit, *role;	/* role: leader|deputy|member */
};
struct zz_member {
	int group;
	char *name, *role;	/* lead_leader|assist_leader|lead_staff|coop_staff;
				 * in the plan's arena */
};
/* The numbers and flags first, then the strings: 88 bytes, where the
 * order of the columns left 16 bytes of holes (a big plan's items are
 * copied, scanned and faulted in whole). */
struct zz_item {
	int group;		/* 0: the leading group's office */
	enum zz_kind kind;
	int seq;
	zz_date due;
	zz_date removed;	/* the date of the revision that dropped it,
				 * ZZ_NODATE while it is in the plan */
	bool ongoing;		/* 持续推进, 长期坚持: due is the plan's end */
	bool packed;		/* its strings live in the plan's arena (a
				 * data directory's items), not their own */
	bool says_before;	/* packed: its text has 日前, which
				 * zz_plan_workdays looks for in no other */
	char *id;		/* "2.P4" */
	char *text;
	char *recur;		/* "" when not recurring */
	char *owner;		/* the lead unit (牵头单位), "" when the plan
				 * names none */
	long source;		/* line in the plan document, 0 if unknown */
	/* Who else, as the plan names them; "" when it does not (never
	 * NULL in a plan loaded or parsed).  Lists are joined by 、. */
	char *coop;		/* the other responsible and cooperating
				 * units (责任单位 besides the lead, 配合单位) */
	char *leader;		/* the responsible leader(s) (责任领导) */
	char *person;		/* the responsible person(s) (责任人) */
};
/* Whether it is still in the plan on day t (not removed on or before). */
bool zz_item_current(const struct zz_item *it, zz_date t);
/* A day of holidays.csv: off (a holiday) or work (a weekend day worked,
 * 调休). */
struct zz_holiday {
	zz_date date;
	bool work;
	long line;
};
/* ---- bucket.c: rows sorted into buckets once (by group, unit, person) ---- */
/* Bucket k holds the rows row[at[k]] .. row[at[k + 1] - 1], in row order. */
struct zz_bucket {
	size_t nb;
	size_t *at;		/* nb + 1 offsets */
	size_t *row;		/* row positions, bucket by bucket */
};
/* Sort rows 0..n-1 into nb buckets by key[row] (a key of nb or more
 * leaves the row out): a stable counting sort, O(n + nb). */
void zz_bucket_make(struct zz_bucket *b, size_t nb, const size_t *key,
    size_t n);
/* Bucket k's rows: row[i] for i from the value returned up to *end
 * (none for a k < 0 or past the last bucket). */
size_t zz_bucket_range(const struct zz_bucket *b, long k, size_t *end);
void zz_bucket_free(struct zz_bucket *b);

/* The plan's rows by group, made by zz_plan_check (zz_plan_by).  A
 * group's slot is 1 + its position in groups; slot 0 is group 0 (the
 * office) when groups does not list it. */
struct zz_by {
	size_t ngroups, nitems, nmembers, npeople;	/* built for these */
	size_t *gsort;		/* group positions by ascending id */
	size_t *psort;		/* people positions by name */
	struct zz_bucket items;	/* item positions by group slot */
	struct zz_bucket lead;	/* lead_staff members by group slot */
	struct zz_bucket members;	/* every member by group slot */
	char **staff;		/* by slot: its lead staff joined with 、 */
};

struct zz_plan {
	struct zz_doc doc;
	struct zz_group *groups;
	size_t ngroups;
	struct zz_person *people;
	size_t npeople;
	struct zz_member *members;
	size_t nmembers;
	struct zz_item *items;
	size_t nitems, items_cap;
	struct zz_arena strings;	/* of the packed items */
	struct zz_index {	/* item id -> position in items */
		struct zz_islot {
			unsigned hash;	/* zz_map_hash of the id */
			unsigned pos;	/* position + 1; 0: empty slot */
		} *slot;
		size_t n, cap;
		char (*key)[16];	/* by position: a copy of an id of up
					 * to 15 bytes, else "" */
	} index;
	struct zz_holiday *hol;	/* holidays.csv, by date; none: weekends */
	size_t nhol;
	struct zz_by by;
};

#define ZZ_OFFICE_NAME "领导小组办公室"
/* Largest group id: a province may keep thousands of task forces. */
#define ZZ_GROUP_MAX 999999

/* Append rows; strings are copied. */
struct zz_group *zz_plan_add_group(struct zz_plan *p);
struct zz_person *zz_plan_add_person(struct zz_plan *p);
struct zz_member *zz_plan_add_member(struct zz_plan *p, int group,
    const char *name, const char *role);
struct zz_item *zz_plan_add_item(struct zz_plan *p);
/* Room for n items and their index, made once (a loader that knows how
 * many are coming: no array copied and no index rebuilt as it grows). */
void zz_plan_reserve(struct zz_plan *p, size_t n);
/* The same for the items alone, and for the index alone. */
void zz_plan_reserve_items(struct zz_plan *p, size_t n);
void zz_plan_reserve_index(struct zz_plan *p, size_t n);
void zz_plan_free(struct zz_plan *p);
/* Build the id index and check the tables hold together (unique ids,
 * known groups, ...); reports as name and returns -1 on a problem. */
int zz_plan_check(struct zz_plan *p, const char *name);
/* The item's id follows the one grammar GROUP.LETTERSEQ (zz-data(5)). */
bool zz_item_id_ok(const struct zz_item *it);
/* 0, or -1 saying name:line: item id '...' is not GROUP.LETTERSEQ. */
int zz_item_id_check(const struct zz_item *it, const char *name, long line);
const struct zz_item *zz_plan_item(const struct zz_plan *p, const char *id);
const struct zz_item *zz_plan_item_n(const struct zz_plan *p, const char *id,
    size_t len);
/* Position in p->items of the id of len bytes whose zz_map_hash is h, or
 * -1. */
long zz_plan_find(const struct zz_plan *p, const char *id, size_t len,
    unsigned h);
/* Hints to the cache, for a loop over many ids: depth 0 fetches the
 * slot of hash h; 1 (once that is in) the id of the item it points to,
 * whose likely position it returns (else -1). */
long zz_plan_prefetch(const struct zz_plan *p, unsigned h, int depth);
/* Put p->items[pos] in the index: -1, or the position of an item that
 * has its id already (which stays). */
long zz_plan_index(struct zz_plan *p, size_t pos);
/* The same for an id of len bytes whose zz_map_hash is h. */
long zz_plan_index_hash(struct zz_plan *p, size_t pos, size_t len,
    unsigned h);
const struct zz_group *zz_plan_group(const struct zz_plan *p, int id);
/* (Re)build p->by; zz_plan_check does.  A plan whose table sizes
 * changed since is answered without it (zz_plan_by_ok is false). */
void zz_plan_by(struct zz_plan *p);
bool zz_plan_by_ok(const struct zz_plan *p);
void zz_plan_by_free(struct zz_plan *p);
/* Slot of group id in p->by, or -1 when the plan lacks it (0, the
 * office, always has one); and the group id of a slot. */
long zz_group_slot(const struct zz_plan *p, int id);
int zz_slot_group(const struct zz_plan *p, size_t slot);
/* The items of group gid: p->items[p->by.items.row[k]] for k from the
 * value returned up to *end (none for a group the plan lacks). */
size_t zz_group_items(const struct zz_plan *p, int gid, size_t *end);
/* The first person of that name, or NULL. */
const struct zz_person *zz_plan_person(const struct zz_plan *p,
    const char *name);
/* Name of group id ("领导小组办公室" for 0); borrowed. */
const char *zz_group_name(const struct zz_plan *p, int id);
/* Who answers for an item, one rule for every program:
 *  - the persons the plan names for it (责任人, the person column) and its
 *    responsible leaders (责任领导, the leader column);
 *  - its group's lead staff (牵头人员) and lead bureau leader (牵头局领导);
 *    for the office's duties (group 0) the office's own staff and leader;
 *  - the unit it names as owner (牵头单位) and that unit's head (a person
 *    of people.csv whose unit it is); without an owner, the unit of the
 *    group's lead staff; and the units named in coop (配合单位).
 * zz_responsible: the name shown: its persons, else its owner unit, else
 * its group's lead staff joined with 、 (the office for group 0).  Caller
 * owns. */
char *zz_responsible(const struct zz_plan *p, const struct zz_item *it);
/* The same, borrowed from the item or the plan (p->by). */
const char *zz_responsible_ref(const struct zz_plan *p,
    const struct zz_item *it);
/* The unit answering for it: its owner, else its group's lead staff's
 * unit(s), else the office (group 0) or 未指定.  Caller owns. */
char *zz_responsible_unit(const struct zz_plan *p, const struct zz_item *it);
/* Whether the person name, or the unit unit, answers for it (either may
 * be NULL). */
bool zz_answers_for(const struct zz_plan *p, const struct zz_item *it,
    const char *person, const char *unit);
/* 0 when person and unit (either may be NULL) are names the plan knows;
 * else says "--person 'X': no such person in the plan; closest: ..." and
 * returns -1 (the caller exits 2). */
int zz_check_who(const struct zz_plan *p, const char *person,
    const char *unit);
/* The names the plan knows: people (people.csv, members.csv, the items'
 * person and leader lists) or units (people's units, owners, coop lists,
 * the office), each once, in the order first met.  Caller frees each
 * and the array. */
char **zz_plan_names(const struct zz_plan *p, bool units, size_t *n);
/* The plan's subject for report titles: 科技创新“五个工作专班”.  Caller owns. */
char *zz_plan_subject(const struct zz_plan *p);

/* The data directory: opt, else $ZZ_DATA, else "./data".  Borrowed. */
const char *zz_data_dir(const char *opt);
/* -d DIR, or -d @FILE (the data directories FILE names, one a line; blank
 * lines and # comments skipped; relative names from FILE's folder):
 * appended to *dirs, which the caller frees.  A FILE that cannot be read
 * or names none: says so and exits 2. */
void zz_add_dirs(const char *arg, char ***dirs, size_t *n);
/* A data directory's name in a report over several: its last component
 * (zhangdian for /srv/zz/zhangdian/).  Caller owns. */
char *zz_dir_label(const char *dir);
/* Load doc, groups, people, members and items from dir. */
int zz_plan_load(const char *dir, struct zz_plan *p);
/* Write the plan tables into dir atomically; status.csv is created with
 * its header when missing and otherwise left alone. */
int zz_plan_save(const char *dir, const struct zz_plan *p);
/* Load a plan from a CSV task table (a spreadsheet's): its header's
 * names and synonyms, o->columns mapping others; the header facts from o
 * (never the file's name).  o may be NULL. */
struct zz_parse_opts;
/* The field of a --column name (seq, group, text, owner, resp, coop,
 * leader, person, due, kind, ignore): a number, -1 if none. */
int zz_column_field(const char *name);
int zz_plan_from_csv(FILE *f, const char *name, int year,
    const struct zz_parse_opts *o, struct zz_plan *p);

/* ---- holiday.c: working days ---- */
/* Read dir/holidays.csv (date,kind,name; kind off or work) into p when
 * there is one; 0, or -1 with a file:line message. */
int zz_holidays_load(const char *dir, struct zz_plan *p);
/* Whether t is a working day: the table's word, else Monday to Friday. */
bool zz_workday(const struct zz_plan *p, zz_date t);
/* The last working day on or before t: a deadline "before the 27th"
 * that falls on a day off moves back to it. */
zz_date zz_workday_before(const struct zz_plan *p, zz_date t);
/* An item whose text states its deadline as "M月D日前" (before that
 * day) and whose due date is that day falls due on the last working day
 * on or before it: done for a data directory's plan as it is loaded. */
void zz_plan_workdays(struct zz_plan *p);
/* zz_occurrences with every due date moved back to a working day: how
 * every program computes a recurring item's deadlines. */
int zz_plan_occurrences(const struct zz_plan *p, const struct zz_recur *r,
    zz_date from, zz_date to, struct zz_occ *out, int max);

/* ---- revise.c: a revised plan over the one a data directory holds ---- */
struct zz_revise_opts {
	zz_date when;			/* the revision's date */
	const char *const *same;	/* old ids whose unsure match holds */
	const char *const *differ;	/* old ids whose unsure match does not */
};
/* Give p (a newly read plan) the ids of old's groups and items that are
 * still there, matched by name and by text within a group and kind; new
 * items the next free numbers; old's items p lacks appended, marked
 * removed on o->when.  What changed goes to b, a line each: "added ID:
 * TEXT", "removed ID: TEXT", "reworded ID: 'OLD' -> 'NEW'", "deadline
 * moved ID: OLD -> NEW", "unsure ID: ..." for a match left to the user
 * (--same/--differ).  Returns how many are unsure (p must not be written
 * then), -1 on an error. */
int zz_plan_revise(const struct zz_plan *old, struct zz_plan *p,
    const struct zz_revise_opts *o, struct zz_buf *b);

/* ---- json.c: the JSON form {doc, groups, people, members, items} ---- */
json_t *zz_plan_to_json(const struct zz_plan *p);	/* new reference */
int zz_plan_from_json(json_t *root, const char *name, struct zz_plan *p);
int zz_plan_read_json(FILE *f, const char *name, struct zz_plan *p);
/* Read a plan from "-"/a file: JSON if it starts with '{', else a data
 * directory path.  Used by -p in the readers. */
int zz_plan_open(const char *src, struct zz_plan *p);

/* ---- parse.c: the plan document ---- */
struct zz_parse_opts {
	const char *encoding;	/* NULL: detect UTF-8 or GB18030 */
	int year;		/* 0: from the document */
	/* NULL: as the document says; else what to use instead */
	const char *title, *number, *issuer, *date;	/* date: YYYY-MM-DD */
	/* "HEADER=FIELD" strings, NULL-ended: a task table's other names */
	const char *const *columns;
	/* When set, a line "ID<TAB>LINE<TAB>DUE<TAB>WHY" for each item whose
	 * deadline the plan does not state (WHY: group or year end). */
	struct zz_buf *undated;
};
/* The deadline of an item from its text (or its 完成时限), the way the
 * office reads it, in year: *due and *ongoing set, recur filled ("" when
 * none); fallback is used when the text states no date (returns 1 then),
 * else 0. */
int zz_item_when(const char *text, int year, zz_date fallback, zz_date *due,
    bool *ongoing, struct zz_buf *recur);
/* Parse a whole document (text, len bytes, not necessarily NUL-ended). */
int zz_parse_doc(const char *text, size_t len, const char *name,
    const struct zz_parse_opts *o, struct zz_plan *p);

/* ---- status.c: the progress log status.csv ---- */
enum zz_status { ZZ_TODO, ZZ_DOING, ZZ_DONE, ZZ_BLOCKED, ZZ_DROPPED,
	ZZ_NSTATUS };
int zz_status_parse(const char *s);	/* English or Chinese; -1 if unknown */
const char *zz_status_name(enum zz_status s);
const char *zz_status_cn(enum zz_status s);
/* The word for s in text output: Chinese under a Chinese locale (i18n.c). */
const char *zz_status_label(enum zz_status s);
bool zz_status_open(enum zz_status s);	/* not done and not dropped */

/* The log's header: its second form (written since 2026-12), and the
 * first, six columns, which is still read (and written to, until
 * `zz-status fsck --upgrade`).  See zz-data(5). */
#define ZZ_LOG_HEADER "date,id,status,progress,note,by,recorded,batch,voids"
#define ZZ_LOG_HEADER1 "date,id,status,progress,note,by"
enum { ZZ_LOG_COLS1 = 6, ZZ_LOG_COLS = 9 };

/* A void record, as readers collect them (zz_log_each_all). */
struct zz_void {
	long target;		/* the line it voids */
	long line;		/* its own line */
	char *reason, *by, *recorded;
};
struct zz_report {
	zz_date date;
	const char *id;		/* "2.P4" or "0.R1@2022-06"; borrowed */
	enum zz_status status;
	int progress;		/* 0..100, -1 when not given */
	const char *note, *by;	/* borrowed */
	long line;
	const char *recorded;	/* "2022-05-10T08:30:00Z"; "" in the first form */
	const char *batch;	/* "" or "1f2e3d4c:3/400" */
	long voids;		/* a void record: the line it voids; else 0 */
	const struct zz_void *voided;	/* zz_log_each_all: what voids it */
};
/* Check one log row (6 or 9 fields) into r; on error returns -1 and sets
 * *why to a static message.  A void record has r->voids > 0. */
int zz_report_parse(char **f, int n, struct zz_report *r, const char **why);
typedef int (*zz_report_fn)(void *ctx, const struct zz_report *r);
/* Stream every report of a status log that no void record voids, in log
 * order (void records themselves are not reports).  f is read twice
 * when it holds a void record (a stream that cannot seek is read into
 * memory first). */
int zz_log_each(FILE *f, const char *name, zz_report_fn fn, void *ctx);
/* The same with every line: void records (r->voids set) and voided
 * reports (r->voided set) too. */
int zz_log_each_all(FILE *f, const char *name, zz_report_fn fn, void *ctx);
/* The void records of a log that can seek, read once from where f is (f
 * is left there) for several zz_log_each_voids; NULL when a line is bad
 * (named).  Free with zz_voids_free. */
struct zz_voids;
struct zz_voids *zz_log_voids(FILE *f, const char *name);
/* zz_log_each_all from where f is, with v = zz_log_voids(f): the log is
 * read once, not twice. */
int zz_log_each_voids(FILE *f, const char *name, const struct zz_voids *v,
    zz_report_fn fn, void *ctx);
void zz_voids_free(struct zz_voids *v);

/* The latest report per id, as of a date. */
struct zz_state {
	zz_date date;
	enum zz_status status;
	int progress;
	zz_date done;		/* zz_scan_plan's: the first report of done as
				 * of the date, ZZ_NODATE if none */
	long line;
	char *note, *by;	/* kept only when asked for */
};
struct zz_states {
	struct zz_map map;	/* id -> struct zz_state *: every id, or with
				 * a plan the ids that are not its items' */
	const struct zz_plan *plan;	/* zz_states_load_plan's */
	struct zz_state *item;	/* the state of plan->items[i]; line 0: none */
	zz_date asof;
	bool keep_text;
};
/* Read dir/status.csv (or name, for a file path or "-") into s.  A file
 * is read under a shared lock, and a torn last line is left out with a
 * warning (see zz_log_open). */
int zz_states_load(struct zz_states *s, const char *path, zz_date asof,
    bool keep_text);
/* The same from an open log (e.g. from zz_log_open); name for messages. */
int zz_states_read(struct zz_states *s, FILE *f, const char *name,
    zz_date asof, bool keep_text);
/* The same for the items of plan p, which must outlive s: a regular file
 * of zz_split_min bytes or more is read in two halves at once. */
int zz_states_load_plan(struct zz_states *s, const char *path,
    const struct zz_plan *p, zz_date asof);
/* zz_log_each for part of a log: *cols is the number of columns of its
 * header when that was read already, else 0 (the first row is checked as
 * the header, and sets it).  Void records are given to fn as they come
 * (r->voids set), and voided reports are not known: a caller that meets
 * a void record reads the log again with zz_log_each. */
int zz_log_each_part(struct zz_csv_part *pt, const char *name, int *cols,
    zz_report_fn fn, void *ctx);
/* What zz_scan_plan reads from the log besides each id's latest state:
 * the first report of done of each (zz_state.done), the reports dated in
 * a period, every id the plan lacks (also in reports dated after the
 * as-of date), and a report of an occurrence with a bad month
 * (ID@2022-13) is an error. */
struct zz_kept {	/* a report of the period */
	zz_date date;
	enum zz_status status;
	int progress;
	long line;
	long item;		/* its item's (an occurrence's item's) position
				 * in the plan, or -1 */
	size_t at;		/* id, note and by, one after the other in the
				 * scan's text from here */
};
struct zz_scan {
	zz_date from, to;	/* the period; to is not after the as-of date */
	bool keep;		/* keep its reports, else only count them */
	/* Called once the log is read, in log order, with each line whose id
	 * is neither an item of the plan nor an occurrence ID@YYYY-MM of one
	 * (id: the part before the @). */
	void (*stray)(void *ctx, const char *id, size_t len, long line);
	void *ctx;
	struct zz_kept *kept;	/* out: the period's reports in log order */
	size_t nkept;		/* out: their number, kept or not */
	struct zz_buf text;	/* out: the kept reports' strings */
};
/* zz_states_load_plan reading w's too (w->kept and w->text are the
 * caller's to free). */
int zz_scan_plan(struct zz_states *s, struct zz_scan *w, const char *path,
    const struct zz_plan *p, zz_date asof);
/* plainline.c: the check of a plain log line (zz_scan_plan's), from its
 * id at s to e (its end, before CR and LF), which may read up to 63
 * bytes past e (the line reader leaves room): the first three commas
 * into c, with printable ASCII but '"' before the third, and after it
 * UTF-8 of one to three bytes a character (no overlong, no surrogate)
 * with no quote, CR or NUL.  The commas after the third, or -1. */
int zz_plain_line(char *s, const char *e, char **c);
/* It goes 64 bytes at a time, in vectors of zz_line_wide bytes: 64
 * (AVX-512BW), 32 (AVX2), 16 (SSE2) or 1 (a byte at a time), or when 0
 * (the default) of zz_line_widest(), the most the machine has.  Each way gives the same
 * answers (tests compare them). */
extern int zz_line_wide;
int zz_line_widest(void);
const struct zz_state *zz_state_get(const struct zz_states *s, const char *id);
/* The state of s->plan->items[i] (of the plan given to
 * zz_states_load_plan; else by its id), NULL when never reported. */
const struct zz_state *zz_state_item(const struct zz_states *s,
    const struct zz_plan *p, size_t i);
void zz_states_free(struct zz_states *s);
/* Warn (as name:line) of the ids in s that are neither items of p nor
 * occurrences of one: their reports count for nothing. */
void zz_warn_strays(const struct zz_states *s, const struct zz_plan *p,
    const char *name);
/* State of an item or occurrence id: the occurrence's own report, else
 * the whole item's.  NULL when never reported. */
const struct zz_state *zz_state_of(const struct zz_states *s,
    const char *item_id, int year, int month);

/* ---- tally.c: how a unit of account stands, and completion ---- */
/* One unit: an item with a due date, or one occurrence ID@YYYY-MM. */
enum zz_class {
	ZZ_C_ONTIME,	/* first reported done on or before its due date */
	ZZ_C_LATE,	/* done after it */
	ZZ_C_OVERDUE,	/* not done, due before the as-of date */
	ZZ_C_PENDING,	/* not done, due after the as-of date */
	ZZ_C_DROPPED,
	ZZ_C_TODAY,	/* not done, due on the as-of date itself */
};
/* done: the first report marking it done (NODATE: unknown, on time). */
enum zz_class zz_classify(zz_date due, enum zz_status st, zz_date done,
    zz_date asof);
bool zz_class_open(enum zz_class c);	/* overdue, today or pending */
/* Counts over units.  due: units due on or before the as-of date, and
 * those done already (done early counts); done of them; open = overdue +
 * today; doing, blocked: open units whose latest status says so, any due
 * date; soon: open, due within 7 days after the as-of date; dropped:
 * due by the as-of date, left out of every count above. */
struct zz_tally {
	int due, done, ontime, late, open, overdue, today;
	int doing, blocked, soon, dropped;
};
void zz_tally_add(struct zz_tally *t, zz_date due, enum zz_status st,
    enum zz_class c, zz_date asof);
/* Completion: done ÷ due in tenths of a percent, rounded; -1 when
 * nothing is due.  The one figure zz-status and zz-report print. */
int zz_tally_rate(const struct zz_tally *t);

/* ---- lenient.c: cells as a person typed them (sheets, not the log) ---- */
/* s with full-width forms (ＡＢ１２．％, U+FF01-FF5E) as ASCII, the
 * ideographic and no-break spaces as spaces, blanks trimmed.  Caller owns. */
char *zz_fold(const char *s);
/* A date as typed: 2022-06-20, 2022/6/20, 2022.6.20, 2022年6月20日 (or
 * 号), 20220620, an Excel serial, any of them with a time after it; 6月20日
 * or 6/20 in year (0: no year known).  0, or -1 if not a date. */
int zz_lenient_date(const char *s, int year, zz_date *out);
/* An Excel date serial (days since 1899-12-30; from 1950 on) as a date. */
int zz_excel_date(double serial, zz_date *out);
/* An id as typed (４.M4, 2.p1, 0.r1@2022-6) in the form the plan writes
 * it (4.M4, 2.P1, 0.R1@2022-06); whether it exists is not checked.
 * Caller owns. */
char *zz_lenient_id(const char *s);
/* A status word or a common variant (完成, 已办结, 进行, 暂缓, Done ...);
 * -1 if unknown. */
int zz_status_lenient(const char *s);
/* The words zz_status_lenient takes for s besides its English name, the
 * first being the Chinese word printed; NULL-terminated, borrowed. */
const char *const *zz_status_variants(enum zz_status s);
/* A progress as typed: 40, 40%, ４０％, 40.0; 0, or -1 if not 0-100. */
int zz_lenient_progress(const char *s, int *out);

/* ---- append.c, logread.c: writing the log safely, reading it without
 * torn lines or unfinished batches ---- */
/* dir/status.csv (caller owns). */
char *zz_log_path(const char *dir);
/* Create path with the log's header unless a log is there already. */
int zz_log_create(const char *path);
/* Write one log line of n fields, quoted as needed. */
void zz_log_put(FILE *f, const char *const *v, int n);

/* Reports to append: the six fields of the first form (in the log's
 * canonical form: status in English, progress a bare number), and for a
 * void record the line it voids. */
struct zz_logrow {
	char *v[6];		/* date,id,status,progress,note,by; owned */
	long voids;		/* a void record: the line it voids; else 0 */
};
struct zz_logrows {
	struct zz_logrow *r;
	size_t n, cap;
};
void zz_logrows_add(struct zz_logrows *rs, const char *const v[6], long voids);
void zz_logrows_free(struct zz_logrows *rs);
/* Append rs to dir/status.csv, created (in the second form) when
 * missing, as one batch: exclusive flock on the log; refused when the log
 * ends in a torn line or an unfinished batch; in the second form each line
 * gets the time (recorded) and, when there are several, the batch mark
 * id:k/n; one write(), undone by ftruncate if it falls short; fsync.  A
 * void record needs the second form.  0, or -1 with a message and the
 * log unchanged. */
int zz_log_add(const char *dir, const struct zz_logrows *rs);
/* Append whole lines (each ending in '\n') as they are, as zz_log_add
 * does (tests; the lines must have the log's columns). */
int zz_log_append(const char *dir, const char *lines, size_t len);
/* The end of the last whole line of the first size bytes of a log's fd,
 * and of its last whole batch: when bytes follow it, *torn is the number
 * of the line they start (negative for an unfinished batch).  0, or -1
 * on a read error. */
int zz_log_whole(int fd, off_t size, off_t *limit, long *torn);
/* The number of columns of the log's header at fd (6 or 9), 0 if it is
 * neither. */
int zz_log_columns(int fd);
/* The current time as the log records it, 2022-05-10T08:30:00Z (UTC;
 * $ZZ_NOW in tests); buf holds 21 bytes. */
char *zz_log_now(char *buf);
/* Say that the log was read up to line torn (a torn last line, or a
 * batch a crash left unfinished, is left out: zz_log_open); torn < 0
 * names the first line of an unfinished batch. */
void zz_log_torn_warn(const char *path, long torn);
/* Read a whole log under a shared flock.  A last line without a newline
 * (torn by a crash) is left out and its line number put in *torn (else
 * 0); so is a batch of lines whose last line is missing (its first line
 * as -*torn).
 * Caller owns the result; NULL with a message on failure. */
char *zz_log_read(const char *path, size_t *len, long *torn);
/* The same as a stream for zz_log_each/zz_states_read (caller closes):
 * the log up to its last whole line (and batch) when opened, read in
 * place, so a long log takes no memory.  "-" is standard input, read
 * into memory. */
FILE *zz_log_open(const char *path, long *torn);
/* The same as a descriptor, the lock already dropped: read bytes
 * [0, *limit) of it with pread (caller closes).  A pipe, a device or "-"
 * (standard input) is copied to a temporary file first.  -1 with a
 * message. */
int zz_log_open_fd(const char *path, off_t *limit, long *torn);
/* Bytes [0, limit) of a log's descriptor (zz_log_open_fd's) as a stream
 * that can seek; takes fd. */
FILE *zz_log_fdopen(int fd, off_t limit);

/* ---- table.c: output in text, csv, tsv, json and jsonl ---- */
enum zz_fmt { ZZ_FMT_TEXT, ZZ_FMT_CSV, ZZ_FMT_TSV, ZZ_FMT_JSON,
	ZZ_FMT_JSONL };
/* Parse a -o argument; -1 if unknown. */
int zz_fmt_parse(const char *s);
struct zz_col {
	const char *name;
	char type;		/* 's' string, 'i' integer (empty is null) */
	bool right;		/* right-aligned in text */
	bool flex;		/* the column cut to fit the terminal */
};
struct zz_table;
struct zz_table *zz_table_new(const struct zz_col *cols, int ncols);
void zz_table_add(struct zz_table *t, const char *const *vals);
/* A line printed only in text output, after the rows so far. */
void zz_table_note(struct zz_table *t, const char *text);
/* Width to fit text output to: $COLUMNS or the terminal's, 0 = no limit
 * (not a terminal); asked once a run for a file descriptor. */
int zz_term_width(FILE *f);
void zz_table_print(struct zz_table *t, FILE *f, enum zz_fmt fmt);
/* In csv, tsv, json and jsonl, whose rows need no other row: print the
 * rows so far, and every row added later at once, uncopied, so a long
 * answer takes no memory (zz_table_print then ends the table: json's
 * closing bracket).  Text, whose columns need every row, streams only
 * once every row to come was given to zz_table_measure; else this does
 * nothing in text. */
void zz_table_stream(struct zz_table *t, FILE *f, enum zz_fmt fmt);
/* Widen text's columns to fit a row to be added later (a first pass,
 * so that text can stream). */
void zz_table_measure(struct zz_table *t, const char *const *vals);
/* No csv/tsv header: the rows follow another table's (the second half
 * of a list made in two). */
void zz_table_headless(struct zz_table *t);
void zz_table_free(struct zz_table *t);
/* Write a JSON value, compact for jsonl, indented otherwise. */
void zz_json_print(FILE *f, json_t *v, bool compact);

/* ---- ics.c: iCalendar (RFC 5545) content lines ---- */
/* Append s escaped as an iCalendar TEXT value (\\ \; \, and \n); every
 * other control character (C0, DEL, C1) is left out. */
void zz_ics_text(struct zz_buf *b, const char *s);
/* Append s as a value that is not TEXT (a UID): control characters left
 * out, nothing escaped. */
void zz_ics_value(struct zz_buf *b, const char *s);
/* Whether s starts with a control character zz_ics_text leaves out. */
bool zz_ics_control(const char *s);
/* Write one content line folded at 75 octets, never inside a UTF-8
 * character, ended by CRLF. */
void zz_ics_line(FILE *f, const char *line);

/* ---- afile.c: atomic rewrite (temp file beside the target + rename) ---- */
struct zz_afile {
	FILE *f;
	char *path, *tmp;
};
int zz_afile_open(struct zz_afile *a, const char *path);
/* fflush, fsync and close the temp file; 0 or -1 (with a message). */
int zz_afile_finish(struct zz_afile *a);
/* rename into place and fsync the directory. */
int zz_afile_commit(struct zz_afile *a);
void zz_afile_abort(struct zz_afile *a);
/* Rename n finished temp files into place as one change: when one rename
 * fails, the files already replaced get their old contents back (and
 * files that did not exist are removed); 0 or -1 (with a message).  The
 * temp files are gone afterwards either way. */
int zz_afile_commit_all(struct zz_afile *a, int n);

/* ---- lock.c: the data directory's lock ---- */
/* Wait for and take the lock of data directory dir (a flock on the
 * directory itself): exclusive for a writer, shared for a reader that
 * wants no writer in between.  Every writer holds it exclusively from
 * before it reads what it will change until after its last rename or
 * append; it comes before any other lock (the log's own flock).  Returns
 * the descriptor to close() to let go, or -1 with a message. */
int zz_dir_lock(const char *dir, bool exclusive);

/* ---- opt.c: options every program shares ---- */
struct zz_common {
	const char *dir;
	zz_date asof;
	int fmt;		/* enum zz_fmt; -1 until -o; 100: see fmtname */
	const char *fmtname;	/* the -o argument as given */
};
/* Long option numbers for --as-of, --version, --csv-safe and --excel. */
enum { ZZ_OPT_ASOF = 1000, ZZ_OPT_VERSION, ZZ_OPT_CSV_SAFE, ZZ_OPT_EXCEL,
	ZZ_OPT_FIRST_FREE };
/* The entries for a getopt_long table of a program that prints CSV:
 * --csv-safe and --excel (-o csv for a spreadsheet, see zz_csv_excel). */
#define ZZ_LONGOPT_CSV_SAFE {"csv-safe", no_argument, NULL, ZZ_OPT_CSV_SAFE}, \
	{"excel", no_argument, NULL, ZZ_OPT_EXCEL}
/* Handle -d, -o, --as-of, --version, --csv-safe, --excel; returns 1 if c
 * was one of them.
 * allowed: comma-separated formats -o accepts. */
int zz_common_opt(struct zz_common *c, int opt, const char *arg,
    const char *allowed);
/* Also turns zz_csv_safe on when $ZZ_CSV_SAFE is set and not "0". */
void zz_common_init(struct zz_common *c);
/* Whether $ZZ_BENCH_OFF names part of a fast path to leave out (halves,
 * fastlines, vectors, fsckstream): make bench and the tests compare the
 * two ways. */
bool zz_bench_off(const char *part);

/* s as a whole decimal number from lo to hi: 0, or -1 (*v undefined). */
int zz_strtonum(const char *s, long lo, long hi, long *v);
/* An option's number; out of range or not a number, says so and exits 2. */
long zz_optnum(const char *opt, const char *s, long lo, long hi);

/* ---- read a whole file ---- */
/* "-" is stdin.  Returns NULL with a message on failure. */
char *zz_slurp(const char *path, size_t *len);

#endif
