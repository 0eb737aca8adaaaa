/*
 * plainline.c: the check of a plain log line (scan.c's whole_line), 64
 * bytes at a time, in one vector where the machine has AVX-512BW, two
 * where it has AVX2, four where it has SSE2 (every x86-64), else a byte
 * at a time.  Every way takes and refuses the same lines
 * (tests/unit/t_line.c runs each): what they refuse goes to the CSV
 * reader, which reads it or names what is wrong.  The wide ways read up
 * to 63 bytes past the end they are given: the line reader's buffer has
 * room for that (lib/csv.c).
 */
#include <stdint.h>
#include <string.h>

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

#include "zz.h"

int zz_line_wide;

static bool
ascii_commas_bytes(char *s, const char *e, char **c)
{
	int i = 0;

	for (; s < e; s++) {
		if (*s == ',') {
			c[i++] = s;
			if (i == 3)
				return true;
		} else if (*s < 0x20 || *s > 0x7e || *s == '"') {
			return false;
		}
	}
	return false;
}

/* Commas, then UTF-8 of one to three bytes a character (no overlong, no
 * surrogate), no quote, CR or NUL: the commas, or -1. */
static int
plain_commas_bytes(const unsigned char *s, const unsigned char *e)
{
	int commas = 0;

	while (s < e) {
		/* Chinese first: a lead E1-EF but ED (no overlong or
		 * surrogate to rule out) and two continuation bytes */
		if ((unsigned)(*s - 0xe1) < 15 && *s != 0xed && e - s >= 3 &&
		    (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80) {
			s += 3;
		} else if (*s < 0x80) {
			if (*s == '"' || *s == '\r' || *s == '\0')
				return -1;
			commas += *s++ == ',';
		} else if (*s >= 0xc2 && *s <= 0xdf && e - s >= 2 &&
		    (s[1] & 0xc0) == 0x80) {
			s += 2;
		} else if ((*s & 0xf0) == 0xe0 && e - s >= 3 &&
		    (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80 &&
		    !(*s == 0xe0 && s[1] < 0xa0) && !(*s == 0xed && s[1] >= 0xa0)) {
			s += 3;
		} else {
			return -1;	/* four bytes, or bad */
		}
	}
	return commas;
}

static int
plain_line_bytes(char *s, const char *e, char **c)
{
	if (!ascii_commas_bytes(s, e, c))
		return -1;
	return plain_commas_bytes((unsigned char *)c[2] + 1,
	    (const unsigned char *)e);
}

#if defined(__SSE2__) && defined(__GNUC__)
/* 64 bytes, one bit each. */
struct bits {
	uint64_t comma;
	uint64_t ascii_bad;	/* not in a head: below a space, DEL, a quote */
	uint64_t rare;		/* for the byte loop: a quote, CR, NUL, or a
				 * lead byte C0, C1, E0 (overlong?), ED
				 * (surrogate?), F0-FF */
	uint64_t high, cont;	/* 80-FF, 80-BF */
	uint64_t lead3;		/* E0-FF */
};

/* The bits of 64 bytes from p, W at a time in vectors of V (signed) and
 * U (unsigned), MOVE taking the top bit of each byte. */
#define BITS_OF(V, U, W, MOVE) do {					\
	int i_;								\
									\
	memset(m, 0, sizeof *m);					\
	for (i_ = 0; i_ < 64; i_ += W) {				\
		V v, quote;						\
		U u;							\
									\
		memcpy(&v, p + i_, W);					\
		u = (U)v;						\
		quote = v == '"';					\
		m->comma |= (uint64_t)MOVE(v == ',') << i_;		\
		m->ascii_bad |= (uint64_t)MOVE((v < 0x20) |		\
		    (v == 0x7f) | quote) << i_;				\
		m->rare |= (uint64_t)MOVE(quote | (v == '\r') |		\
		    (v == 0) | ((u & 0xfe) == 0xc0) | (u >= 0xf0) |	\
		    (u == 0xe0) | (u == 0xed)) << i_;			\
		m->high |= (uint64_t)MOVE(v) << i_;			\
		m->cont |= (uint64_t)MOVE(v < -64) << i_;		\
		m->lead3 |= (uint64_t)MOVE(u >= 0xe0) << i_;		\
	}								\
} while (0)

typedef signed char v16 __attribute__((vector_size(16)));
typedef unsigned char u16 __attribute__((vector_size(16)));
#define MOVE16(x) ((unsigned)_mm_movemask_epi8((__m128i)(x)))

static inline void
bits16(const char *p, struct bits *m)
{
	BITS_OF(v16, u16, 16, MOVE16);
}

/* The bytes of 64 from p that come before e. */
static inline uint64_t
before(const char *p, const char *e)
{
	return e - p >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << (e - p)) - 1;
}

/* The head in the first 64 bytes, then the tail 64 bytes at a time:
 * each continuation byte where a lead byte before it wants one, and
 * nowhere else, the wants carried on.  A line with no three commas in
 * its first 64 bytes, or with a rare byte in its tail: the byte loop's.
 * Inlined with bits a constant. */
static inline __attribute__((always_inline)) int
plain_line_by(char *s, const char *e, char **c,
    void (*bits)(const char *, struct bits *))
{
	const char *p = s;
	struct bits m;
	uint64_t in, tail, comma, lead, lead3, want = 0, carry;
	int commas = 0;

	bits(p, &m);
	in = before(p, e);
	comma = m.comma & in;
	if (!comma || !(comma &= comma - 1) || !(comma & (comma - 1)))
		return plain_line_bytes(s, e, c);
	comma = m.comma & in;
	c[0] = s + __builtin_ctzll(comma);
	comma &= comma - 1;
	c[1] = s + __builtin_ctzll(comma);
	comma &= comma - 1;
	c[2] = s + __builtin_ctzll(comma);
	if (m.ascii_bad & (((uint64_t)1 << (c[2] - s)) - 1))
		return -1;
	tail = in & ~(((uint64_t)2 << (c[2] - s)) - 1);	/* 0 at 63 */
	for (;;) {
		if (m.rare & tail)
			return plain_commas_bytes((unsigned char *)c[2] + 1,
			    (const unsigned char *)e);
		for (comma = m.comma & tail; comma; comma &= comma - 1)
			commas++;
		lead = m.high & ~m.cont & tail;
		lead3 = m.lead3 & lead;
		carry = lead >> 63 | lead3 >> 62;
		if ((want | lead << 1 | lead3 << 2) != (m.cont & tail))
			return -1;
		want = carry;
		if ((p += 64) >= e)
			return want ? -1 : commas;
		bits(p, &m);
		tail = in = before(p, e);
	}
}

static int
plain_line16(char *s, const char *e, char **c)
{
	return plain_line_by(s, e, c, bits16);
}

#ifdef __x86_64__
#include <immintrin.h>

typedef signed char v32 __attribute__((vector_size(32)));
typedef unsigned char u32 __attribute__((vector_size(32)));
#define MOVE32(x) ((unsigned)_mm256_movemask_epi8((__m256i)(x)))

static inline __attribute__((target("avx2"))) void
bits32(const char *p, struct bits *m)
{
	BITS_OF(v32, u32, 32, MOVE32);
}

static __attribute__((target("avx2"))) int
plain_line32(char *s, const char *e, char **c)
{
	return plain_line_by(s, e, c, bits32);
}

typedef signed char v64 __attribute__((vector_size(64)));
typedef unsigned char u64 __attribute__((vector_size(64)));
#define MOVE64(x) ((uint64_t)_mm512_movepi8_mask((__m512i)(x)))

static inline __attribute__((target("avx512bw"))) void
bits64(const char *p, struct bits *m)
{
	BITS_OF(v64, u64, 64, MOVE64);
}

static __attribute__((target("avx512bw"))) int
plain_line64(char *s, const char *e, char **c)
{
	return plain_line_by(s, e, c, bits64);
}
#define HAS_AVX2() __builtin_cpu_supports("avx2")
#define HAS_AVX512() __builtin_cpu_supports("avx512bw")
#endif
#endif

#ifndef HAS_AVX2
#define HAS_AVX2() 0
#define HAS_AVX512() 0
#endif

int
zz_line_widest(void)
{
#if defined(__SSE2__) && defined(__GNUC__)
	return HAS_AVX512() ? 64 : HAS_AVX2() ? 32 : 16;
#else
	return 1;
#endif
}

int
zz_plain_line(char *s, const char *e, char **c)
{
	int wide = zz_line_wide ? zz_line_wide : zz_line_widest();

#if defined(__SSE2__) && defined(__GNUC__)
#ifdef __x86_64__
	if (wide == 64)
		return plain_line64(s, e, c);
	if (wide == 32)
		return plain_line32(s, e, c);
#endif
	if (wide >= 16)
		return plain_line16(s, e, c);
#endif
	(void)wide;
	return plain_line_bytes(s, e, c);
}
