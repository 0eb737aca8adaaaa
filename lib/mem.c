/* mem.c: allocation that dies on failure, growing buffers, a string map. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "zz.h"

void *
zz_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		zz_die("out of memory");
	return p;
}

void *
zz_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		zz_die("out of memory");
	return p;
}

/*
 * A table looked up at random, megabytes long, spends much of its time
 * on TLB misses with 4 KiB pages: one of a few megabytes or more is
 * aligned for huge pages and asks for them (where the kernel gives them
 * on request; elsewhere the advice is ignored).
 */
#define HUGE_PAGE ((size_t)2 << 20)

void *
zz_xcalloc_big(size_t n, size_t size)
{
	size_t len;

	if (size && n > SIZE_MAX / size)
		zz_die("out of memory");
	len = n * size;
	if (len < 2 * HUGE_PAGE)
		return zz_xcalloc(n, size);
	len = (len + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	return memset(zz_xmalloc_big(len), 0, len);
}

/*
 * The same for an array filled in order (a big plan's items, their
 * strings): a fault a huge page, where one for every 4 KiB was a fifth
 * of loading a big plan (and most of copying the later half's items in
 * place).  Not zeroed; free() it, or grow it with realloc.
 */
void *
zz_xmalloc_big(size_t n)
{
	void *p;

	if (n < 2 * HUGE_PAGE)
		return zz_xmalloc(n);
	n = (n + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	if (!(p = aligned_alloc(HUGE_PAGE, n)))
		zz_die("out of memory");
	madvise(p, n, MADV_HUGEPAGE);
	return p;
}

/* One more element at arr[n]: the array doubles when n is 0 or a power
 * of two, so n appends cost O(n) (never grow by one: O(n^2)). */
void *
zz_grow(void *arr, size_t n, size_t size)
{
	if (n == 0 || (n & (n - 1)) == 0)
		arr = zz_xreallocarray(arr, n ? n * 2 : 4, size);
	return arr;
}

void *
zz_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		zz_die("out of memory");
	return p;
}

void *
zz_xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		zz_die("out of memory");
	return zz_xrealloc(p, n * size);
}

static void
new_block(struct zz_arena *a, size_t size)
{
	size = size > 65536 ? size : 65536;
	a->block = zz_grow(a->block, a->nblock, sizeof *a->block);
	a->at = a->block[a->nblock++] = zz_xmalloc_big(size);
	a->end = a->at + size;
}

char *
zz_arena_alloc(struct zz_arena *a, size_t n, size_t hint)
{
	char *s;

	if ((size_t)(a->end - a->at) < n)
		new_block(a, n > hint ? n : hint);
	s = a->at;
	a->at += n;
	return s;
}

void *
zz_arena_obj(struct zz_arena *a, size_t n, size_t al)
{
	size_t pad = (size_t)-(uintptr_t)a->at & (al - 1);

	if ((size_t)(a->end - a->at) < pad + n)
		new_block(a, n);	/* malloc's: aligned for anything */
	else
		a->at += pad;
	return zz_arena_alloc(a, n, 0);
}

char *
zz_arena_str(struct zz_arena *a, const char *s, size_t n)
{
	char *p = zz_arena_alloc(a, n + 1, 0);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
zz_arena_clear(struct zz_arena *a)
{
	size_t i;

	if (!a->nblock)
		return;
	for (i = 0; i + 1 < a->nblock; i++)
		free(a->block[i]);
	a->block[0] = a->block[a->nblock - 1];
	a->nblock = 1;
	a->at = a->block[0];
}

void
zz_arena_take(struct zz_arena *a, struct zz_arena *b)
{
	size_t i, last = a->nblock;
	char *cur;

	for (i = 0; i < b->nblock; i++) {
		a->block = zz_grow(a->block, a->nblock, sizeof *a->block);
		a->block[a->nblock++] = b->block[i];
	}
	if (last && b->nblock) {	/* at and end's block stays the newest */
		cur = a->block[last - 1];
		a->block[last - 1] = a->block[a->nblock - 1];
		a->block[a->nblock - 1] = cur;
	}
	free(b->block);
	memset(b, 0, sizeof *b);
}

void
zz_arena_free(struct zz_arena *a)
{
	size_t i;

	for (i = 0; i < a->nblock; i++)
		free(a->block[i]);
	free(a->block);
	memset(a, 0, sizeof *a);
}

char *
zz_xstrndup(const char *s, size_t n)
{
	char *d = zz_xmalloc(n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *
zz_xstrdup(const char *s)
{
	return zz_xstrndup(s, strlen(s));
}

char *
zz_xasprintf(const char *fmt, ...)
{
	struct zz_buf b = {0};
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		zz_die("bad format");
	b.s = zz_xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(b.s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return b.s;
}

static void
buf_grow(struct zz_buf *b, size_t more)
{
	size_t need = b->len + more + 1;

	if (need <= b->cap)
		return;
	if (need < more)
		zz_die("out of memory");
	b->cap = b->cap ? b->cap : 64;
	while (b->cap < need)
		b->cap *= 2;
	b->s = zz_xrealloc(b->s, b->cap);
}

char *
zz_buf_room(struct zz_buf *b, size_t n)
{
	buf_grow(b, n);
	return b->s + b->len;
}

void
zz_buf_add(struct zz_buf *b, const char *s, size_t n)
{
	buf_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
zz_buf_puts(struct zz_buf *b, const char *s)
{
	zz_buf_add(b, s, strlen(s));
}

void
zz_buf_putc(struct zz_buf *b, int c)
{
	char ch = (char)c;

	zz_buf_add(b, &ch, 1);
}

void
zz_buf_printf(struct zz_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		zz_die("bad format");
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

const char *
zz_buf_str(struct zz_buf *b)
{
	return b->s ? b->s : "";
}

char *
zz_buf_take(struct zz_buf *b)
{
	char *s = b->s ? b->s : zz_xstrdup("");

	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void
zz_buf_reset(struct zz_buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void
zz_buf_free(struct zz_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */

	while (n--) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ULL;
	}
	return h;
}

/* A slot's stored hash (never 0; 0 marks an empty slot) is compared
 * before its key, so a probe reads a key only when it is almost surely
 * the one sought. */
static unsigned
slot_hash(const char *key, size_t klen)
{
	unsigned h = (unsigned)hash(key, klen);

	return h ? h : 1;
}

static size_t
map_find(const struct zz_map *m, const char *key, size_t klen, unsigned h)
{
	size_t i = h & (m->cap - 1);

	while (m->hash[i] && (m->hash[i] != h ||
	    strncmp(m->keys[i], key, klen) != 0 || m->keys[i][klen] != '\0'))
		i = (i + 1) & (m->cap - 1);
	return i;
}

static void
map_grow(struct zz_map *m)
{
	struct zz_map old = *m;
	size_t i, j;

	m->cap = old.cap ? old.cap * 2 : 64;
	m->keys = zz_xcalloc(m->cap, sizeof *m->keys);
	m->vals = zz_xcalloc(m->cap, sizeof *m->vals);
	m->hash = zz_xcalloc(m->cap, sizeof *m->hash);
	for (i = 0; i < old.cap; i++) {
		if (!old.keys[i])
			continue;
		j = old.hash[i] & (m->cap - 1);
		while (m->hash[j])
			j = (j + 1) & (m->cap - 1);
		m->keys[j] = old.keys[i];
		m->vals[j] = old.vals[i];
		m->hash[j] = old.hash[i];
	}
	free(old.keys);
	free(old.vals);
	free(old.hash);
}

/* The value slot of key, added (NULL) when missing. */
void **
zz_map_slot(struct zz_map *m, const char *key, size_t klen, bool *isnew)
{
	size_t i;

	unsigned h = slot_hash(key, klen);

	/* 80% full at most: with the hashes stored, a probe past a
	 * neighbour is cheap, and 200,000 keys fit in 2^18 slots */
	if ((m->n + 1) * 5 >= m->cap * 4)
		map_grow(m);
	i = map_find(m, key, klen, h);
	if (isnew)
		*isnew = m->keys[i] == NULL;
	if (!m->keys[i]) {
		m->keys[i] = zz_xstrndup(key, klen);
		m->hash[i] = h;
		m->n++;
	}
	return &m->vals[i];
}

unsigned
zz_map_hash(const char *key, size_t klen)
{
	return slot_hash(key, klen);
}

void *
zz_map_get(const struct zz_map *m, const char *key, size_t klen)
{
	size_t i;

	if (!m->cap)
		return NULL;
	i = map_find(m, key, klen, slot_hash(key, klen));
	return m->keys[i] ? m->vals[i] : NULL;
}

void
zz_map_free(struct zz_map *m, void (*freeval)(void *))
{
	size_t i;

	for (i = 0; i < m->cap; i++) {
		if (!m->keys[i])
			continue;
		free(m->keys[i]);
		if (freeval)
			freeval(m->vals[i]);
	}
	free(m->keys);
	free(m->vals);
	free(m->hash);
	memset(m, 0, sizeof *m);
}
