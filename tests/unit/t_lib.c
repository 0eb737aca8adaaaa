/* Unit tests of display width, CSV reading and writing, the map, and
 * status words. */
#include <stdlib.h>

#include "unit.h"

static void
test_width(void)
{
	char *s;

	CHECK(zz_width("abc") == 3);
	CHECK(zz_width("专班") == 4);
	CHECK(zz_width("2.P4 推进") == 9);
	CHECK(zz_width("（一）") == 6);
	CHECK(zz_width("“五个工作专班”") == 12 + 2);
	CHECK(zz_width("e\xcc\x81") == 1);	/* combining accent */
	CHECK(zz_width("") == 0);
	s = zz_fit("建设国家创新型城市", 9);
	CHECK_STR(s, "建设国家…");
	CHECK(zz_width(s) == 9);
	free(s);
	s = zz_fit("建设国家", 8);
	CHECK_STR(s, "建设国家");
	free(s);
	s = zz_fit("ab建设", 4);
	CHECK_STR(s, "ab…");
	free(s);
	CHECK(zz_utf8_check("\xe4\xb8", 2) == 0);
	CHECK(zz_utf8_check("ok\xc0\xaf", 4) == 2);	/* overlong */
	CHECK(zz_utf8_check("\xed\xa0\x80", 3) == 0);	/* surrogate */
	CHECK(zz_utf8_check("专班", 6) == 6);
}

/* Columns by decoding each code point (a byte not UTF-8: one column):
 * what the fast paths of zz_width and zz_plain_width must agree with. */
static int
decoded_width(const char *s)
{
	size_t n = strlen(s), i = 0;
	unsigned cp;
	int w = 0, k;

	while (i < n) {
		k = zz_utf8_decode(s + i, n - i, &cp);
		w += k < 0 ? 1 : zz_cpwidth(cp);
		i += k < 0 ? 1 : (size_t)k;
	}
	return w;
}

static void
test_width_fast(void)
{
	/* the ideographs' range and either side of it, ASCII runs between,
	 * cut sequences, a control character, C1, a combining accent */
	static const char *s[] = {"\xe4\xb7\xbf", "\xe4\xb8\x80",
		"\xe9\xbf\xbf", "\xea\x80\x80", "\xe3\x90\x80",
		"ab\xe4\xb8\x80" "cd\xe9\xbf\xbf\xe4\xb7\x80x", "专班 2.P4 推进",
		"\xe4\xb8", "\xe5\x80", "x\xe5", "\xe5\x80" "z", "a\x01" "b",
		"\xc2\x85", "e\xcc\x81", "\x7f", "（一）", ""};
	size_t i;
	int w;

	for (i = 0; i < sizeof s / sizeof *s; i++) {
		CHECK(zz_width(s[i]) == decoded_width(s[i]));
		CHECK(zz_width_n(s[i], strlen(s[i]), 1000) == decoded_width(s[i]));
		w = zz_plain_width(s[i]);
		CHECK(w == (zz_needs_visible(s[i]) ? -1 : decoded_width(s[i])));
	}
	/* counted until past most, of the first n bytes */
	CHECK(zz_width_n("专班专班专班", 18, 3) == 4);
	CHECK(zz_width_n("abcdef", 6, 3) == 4);
	CHECK(zz_width_n("专班专班", 6, 14) == 4);
	CHECK(zz_width_n("专班", 4, 14) == 2 + 1);	/* a cut sequence */
}

struct rows {
	int n;
	long lines[8];
	char first[8][64];
	int nf[8];
};

static int
collect(void *ctx, char **f, int n, long line)
{
	struct rows *r = ctx;

	if (r->n < 8) {
		r->lines[r->n] = line;
		snprintf(r->first[r->n], 64, "%s", n > 1 ? f[1] : f[0]);
		r->nf[r->n] = n;
	}
	r->n++;
	return 0;
}

static int
read_str(const char *text, struct rows *r)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	int rc;

	memset(r, 0, sizeof *r);
	rc = zz_csv_read(f, "t.csv", ',', collect, r);
	fclose(f);
	return rc;
}

static void
test_csv(void)
{
	struct rows r;
	char *out;
	size_t len;
	FILE *f;

	CHECK(read_str("a,b\n1,\"x\ny\"\n\n3,z", &r) == 0);
	CHECK(r.n == 3);
	CHECK(r.lines[1] == 2 && r.lines[2] == 5);
	CHECK_STR(r.first[1], "x\ny");
	CHECK_STR(r.first[2], "z");	/* last line without newline */
	CHECK(read_str("\xef\xbb\xbf" "a,b\r\n1, 2 \r\n", &r) == 0);
	CHECK_STR(r.first[0], "b");
	CHECK_STR(r.first[1], " 2 ");	/* spaces are data */
	CHECK(read_str("a,\"b\n", &r) == -1);
	CHECK(read_str("a,b\nx,\xff\n", &r) == -1);
	CHECK(read_str("a,\"b\"c\n", &r) == -1);

	f = open_memstream(&out, &len);
	zz_csv_field(f, "plain", true, ',');
	zz_csv_field(f, "a,b", false, ',');
	zz_csv_field(f, "say \"hi\"", false, ',');
	zz_csv_field(f, "=1+1", false, ',');
	fclose(f);
	CHECK_STR(out, "plain,\"a,b\",\"say \"\"hi\"\"\",=1+1");
	free(out);
	zz_csv_safe = true;
	f = open_memstream(&out, &len);
	zz_csv_field(f, "=1+1", true, ',');
	zz_csv_field(f, "-3", false, ',');
	zz_csv_field(f, "@x", false, ',');
	zz_csv_field(f, "-", false, ',');
	fclose(f);
	zz_csv_safe = false;
	CHECK_STR(out, "'=1+1,-3,'@x,-");
	free(out);
	f = open_memstream(&out, &len);
	zz_csv_field(f, "a\tb\nc", true, '\t');
	fclose(f);
	CHECK_STR(out, "a b c");
	free(out);
}

static void
test_map(void)
{
	struct zz_map m = {0};
	char key[16];
	bool isnew;
	int i, ok = 1;

	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof key, "k%d", i);
		*zz_map_slot(&m, key, strlen(key), &isnew) = (void *)(long)(i + 1);
		ok &= isnew;
	}
	CHECK(ok);
	CHECK(m.n == 1000);
	zz_map_slot(&m, "k5", 2, &isnew);
	CHECK(!isnew);
	CHECK((long)zz_map_get(&m, "k999", 4) == 1000);
	CHECK(zz_map_get(&m, "k1000", 5) == NULL);
	CHECK((long)zz_map_get(&m, "k12x", 3) == 13);	/* length-limited key */
	zz_map_free(&m, NULL);
}

static void
test_words(void)
{
	struct zz_plan p;

	CHECK(zz_status_parse("done") == ZZ_DONE);
	CHECK(zz_status_parse("已完成") == ZZ_DONE);
	CHECK(zz_status_parse("进行中") == ZZ_DOING);
	CHECK(zz_status_parse("推进中") == ZZ_DOING);
	CHECK(zz_status_parse("受阻") == ZZ_BLOCKED);
	CHECK(zz_status_parse("finished") == -1);
	CHECK(zz_kind_parse("推进计划") == ZZ_PLAN);
	CHECK(zz_kind_letter(ZZ_DUTY) == 'R');
	memset(&p, 0, sizeof p);
	p.doc.title = "关于印发《组建科技创新“五个工作专班”实施方案》的通知";
	{
		char *s = zz_plan_subject(&p);

		CHECK_STR(s, "科技创新“五个工作专班”");
		free(s);
	}
}

int
main(void)
{
	test_width();
	test_width_fast();
	test_csv();
	test_map();
	test_words();
	UNIT_END();
}
