/*
 * parse.h: the plan document reader's parts, internal to libzz.
 *
 * A document is read in stages, each testable alone:
 *   1. lines classified (parse_text.c): a numbering marker with its style,
 *      a key line (标签：值), the rest;
 *   2. the header facts and where the covering notice ends (parse_head.c);
 *   3. a shape reads the lines into groups and items: task forces
 *      (parse_taskforce.c), numbered items with key lines or owners in a
 *      parenthesis over an outline of the markers used (parse_items.c), a
 *      table flattened to text (parse_table.c);
 *   4. phrases (owner lists, deadlines) by one parser (parse_who.c,
 *      cndate.c), and the deadlines resolved once the year is known
 *      (parse.c).
 */
#ifndef ZZ_PARSE_H
#define ZZ_PARSE_H

#include "zz.h"

/* Numbering styles, outermost first: 一、 > （一） > 1. 1、 > （1） > ①. */
enum mstyle { M_NONE, M_CN, M_PAREN_CN, M_ARABIC, M_PAREN, M_CIRCLED,
	M_NSTYLES };

/* What a key line (标签：值) says. */
enum key { K_NONE, K_LEAD, K_RESP, K_COOP, K_LEADER, K_PERSON, K_DUE };

struct pline {
	char *s;		/* trimmed, NUL-terminated, inside the copy */
	long no;
	enum mstyle style;	/* its numbering marker, M_NONE if none */
	int num;
	size_t mlen;		/* bytes the marker and its blanks take */
};

/* The document being read, shared by the stages. */
struct pdoc {
	const char *name;
	const struct zz_parse_opts *o;
	struct zz_plan *p;
	struct pline *lines;
	size_t nlines;
	long lastline;
	size_t body;		/* first line of the plan after the notice */
	int year;
	/* per item (by position), the deadline text its key line gave, else
	 * NULL: then the item's text is read */
	char **when;
	size_t nwhen;
	/* per group (by position), its deadline text and line */
	char **gwhen;
	long *gwhen_line;
	const char *shape;	/* the shape tried, for messages */
	bool need_group_due;	/* a group without one is a cut document */
	long stopped;		/* where it stopped understanding, 0 if not */
	int counts[ZZ_NKINDS];	/* the current group's items per kind */
	int office_counts[ZZ_NKINDS];
};

/* ---- parse_text.c ---- */
size_t zz__lit(const char *s, const char *w);
size_t zz__blank(const char *s);
char *zz__skip_blank(char *s);
char *zz__trim(char *s);
char *zz__squeeze(const char *s, size_t n);
size_t zz__colon(const char *s);
size_t zz__digits(const char *s, int *v, bool chinese);
size_t zz__marker(const char *s, int *num, enum mstyle *style);
/* A key label and its colon at s: the key, *len the bytes (else K_NONE). */
enum key zz__key(const char *s, size_t *len);
/* Decode text (UTF-8 or GB18030) and split it into classified lines. */
int zz__read_lines(struct pdoc *d, const char *text, size_t len,
    char **buf);
char *zz__run_before(const char *start, const char *pos);
bool zz__ends_with_unit(const char *s, size_t n);
/* s ends with w. */
bool zz__ends(const char *s, const char *w);

/* ---- parse_head.c ---- */
bool zz__date_line(const char *s, zz_date *t);	/* 2022年3月11日 */
bool zz__short_line(const char *s, size_t max);	/* no sentence */
/* The number, title, issuer and date wherever they stand, then the
 * overrides; d->body is set to the plan's own title line + 1 when the
 * document has a covering notice, else 0. */
void zz__head(struct pdoc *d);
/* The office's duties in lines [from, to): clauses with a recurrence or a
 * date (每月28日前报送, 于2023年1月15日前报送) become items of group 0. */
void zz__duties(struct pdoc *d, size_t from, size_t to, bool dated);
void zz__duty_line(struct pdoc *d, char *s, long line, bool dated);

/* ---- parse_who.c ---- */
/* A new item of the current group numbering (counts) with its strings
 * set ("" where not known). */
struct zz_item *zz__item(struct pdoc *d, enum zz_kind kind, int group,
    const char *text, long line);
/* Set what a key line says on an item (K_LEAD ... K_DUE). */
void zz__item_key(struct pdoc *d, struct zz_item *it, enum key k,
    const char *val);
/* Append the names of list s (、，, separated) to *dst, joined by 、. */
void zz__list_add(char **dst, const char *s);
/* Key lines run together: 牵头单位：甲；责任单位：乙、丙 (whether any). */
bool zz__keys_in(struct pdoc *d, struct zz_item *it, char *s);
/* Where in s a key starts after a separator, blank or 。 (else NULL). */
char *zz__key_inside(char *s);
/* Owners in a trailing parenthesis: （市发改委牵头，市财政局、各区县按
 * 职责分工负责） or （牵头单位：…；责任单位：…）; cut from the text when
 * found.  Returns whether one was. */
bool zz__paren_who(struct pdoc *d, struct zz_item *it);
/* Inline lists: where in s number want of a list (（2） (2) ②) stands,
 * *len the marker's bytes; NULL when not there. */
char *zz__next_inline(char *s, int want, size_t *len);
/* A new group numbered after the last, named name (takes it); the item
 * counts start again. */
struct zz_group *zz__add_group(struct pdoc *d, char *name);
/* A section heading's name: up to its colon or first sentence, an owner
 * bracket cut off (caller owns). */
char *zz__heading_name(const char *s);
/* Names joined by 、 or ，: members of the last group in role. */
void zz__add_members(struct pdoc *d, const char *list, const char *role);
/* （牵头领导：甲、乙） on a heading: the last group's leaders. */
void zz__heading_keys(struct pdoc *d, const char *s);
/* Set the deadline text of the last group (takes text). */
void zz__group_when(struct pdoc *d, char *text, long line);

/* ---- sheet.c: a task table's columns ---- */
enum { C_SEQ, C_GROUP, C_TEXT, C_OWNER, C_RESP, C_COOP, C_LEADER, C_PERSON,
	C_DUE, C_KIND, C_NFIELDS, C_IGNORE = 99 };
/* The field a header names (its synonyms), -1 if none. */
int zz__column(const char *h);
/* The same after o->columns (HEADER=FIELD), which come first. */
int zz__header_field(const struct zz_parse_opts *o, const char *h);
const char *zz__field_name(int c);

/* ---- the shapes: 0, -1 on an error (said), 1 when not this shape ---- */
int zz__taskforce(struct pdoc *d);
int zz__items(struct pdoc *d);
int zz__table(struct pdoc *d);

#endif
