/* Unit tests of the CSV reader's fast path: on every input it must give
 * what libcsv alone gives (rows, fields, line numbers, errors). */
#include <stdlib.h>
#include <unistd.h>

#include "unit.h"

struct dump {
	struct zz_buf b;
	int stop_at;		/* stop after this many rows; 0: never */
	int rows;
};

static int
on_row(void *ctx, char **f, int n, long line)
{
	struct dump *d = ctx;
	int i;

	zz_buf_printf(&d->b, "%ld:", line);
	for (i = 0; i < n; i++)
		zz_buf_printf(&d->b, "[%s]", f[i]);
	zz_buf_putc(&d->b, '\n');
	return ++d->rows == d->stop_at ? 7 : 0;
}

/* Read text with or without the fast path: the rows, the return value
 * and the messages on stderr. */
static char *
read_with(const char *text, size_t len, char delim, bool fast, int stop_at)
{
	struct dump d = {{0}, stop_at, 0};
	FILE *f = fmemopen((void *)text, len, "r"), *err = tmpfile();
	char msg[512];
	int rc, saved = dup(2);
	size_t n;

	dup2(fileno(err), 2);
	zz_csv_fast = fast;
	rc = zz_csv_read(f, "t.csv", delim, on_row, &d);
	zz_csv_fast = true;
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	fclose(f);
	rewind(err);
	n = fread(msg, 1, sizeof msg - 1, err);
	msg[n] = '\0';
	fclose(err);
	zz_buf_printf(&d.b, "rc=%d %s", rc, msg);
	return zz_buf_take(&d.b);
}

static int same_count;

static void
same(const char *what, const char *text, size_t len, char delim, int stop_at)
{
	char *slow = read_with(text, len, delim, false, stop_at);
	char *fast = read_with(text, len, delim, true, stop_at);

	if (strcmp(slow, fast) == 0) {
		printf("ok - fast path = libcsv: %s\n", what);
		same_count++;
	} else {
		printf("not ok - fast path differs from libcsv: %s\n"
		    "# libcsv: %.200s\n# fast:   %.200s\n", what, slow, fast);
		unit_failed++;
	}
	free(slow);
	free(fast);
}

#define SAME(what, text) same(what, text, sizeof text - 1, ',', 0)
#define SAME_D(what, text, d, stop) same(what, text, sizeof text - 1, d, stop)

static void
test_same(void)
{
	static const char nul[] = "a,b\nc,\0d\ne,f\n";

	SAME("plain lines", "date,id\n2022-01-01,1.P1\n2022-01-02,2.P1\n");
	SAME("quoted comma and quote",
	    "a,\"b,c\",\"say \"\"hi\"\"\"\nd,e,f\n");
	SAME("quoted newline spans lines",
	    "1,\"two\nlines\",x\n2,plain,y\n3,\"a\r\nb\",z\n");
	SAME("CRLF endings", "a,b\r\nc,d\r\n\r\ne,f\r\n");
	SAME("bare CR inside a line", "a,b\rc,d\ne,f\n");
	SAME("CR CR LF", "a,b\r\r\nc,d\n");
	SAME("blank lines", "\n\na,b\n\n\nc,d\n\n");
	SAME("empty fields", ",a,,b,\n,\n,,,\n");
	SAME("no final newline", "a,b\nc,d");
	SAME("no final newline, CR", "a,b\nc,d\r");
	SAME("quoted last line without newline", "a,b\n\"c\",d");
	SAME("BOM", "\xef\xbb\xbf" "date,id\nx,y\n");
	SAME("BOM only on line 1", "a,b\n\xef\xbb\xbf" "c,d\n");
	SAME("spaces are data", " a , b \n  ,  \n");
	SAME("Chinese text", "2022-03-01,1.P1,已完成,100,完成《意见》，印发,关若飞\n");
	SAME("quote inside an unquoted field", "a,b\"c,d\ne,f\n");
	SAME("unterminated quote", "a,b\nc,\"d\ne,f\n");
	SAME("text after a closing quote", "a,\"b\"c,d\n");
	SAME("a quoted field after several plain ones",
	    "1,2,3,\"x,y\",5\n6,7\n");
	SAME("invalid UTF-8", "a,b\nc,\xff\xfe\ne,f\n");
	SAME("overlong UTF-8", "a,\xe0\x80\xaf\n");
	SAME("UTF-16 surrogate", "a,\xed\xa0\x80\n");
	SAME("four-byte UTF-8", "a,\xf0\x9f\x98\x80,b\n");
	SAME("truncated UTF-8 at line end", "a,\xe4\xb8\n");
	same("NUL byte", nul, sizeof nul - 1, ',', 0);
	SAME_D("tab delimiter", "a\tb,c\t\"d\te\"\n", '\t', 0);
	SAME_D("callback stops", "a\nb\nc\nd\n", ',', 2);
	SAME_D("callback stops in quoted rows", "\"a\"\n\"b\nc\"\nd\n", ',',
	    2);
	SAME("only a newline", "\n");
	SAME("empty input", "");
}

/* Lines longer than the reader's buffer. */
static void
test_long(void)
{
	struct zz_buf b = {0};
	int i;

	for (i = 0; i < 300000; i++)
		zz_buf_puts(&b, "中文,");
	zz_buf_puts(&b, "end\nx,\"");
	for (i = 0; i < 300000; i++)
		zz_buf_puts(&b, "q\n");
	zz_buf_puts(&b, "\",y\nlast,line\n");
	same("lines longer than the buffer", b.s, b.len, ',', 0);
	zz_buf_free(&b);
}

/* A row function that stops the reading is not called again, not even
 * for the rest of a line after a bare CR (which once went on). */
static int stop_calls;

static int
stop_at_first(void *ctx, char **f, int n, long line)
{
	(void)ctx, (void)f, (void)n, (void)line;
	stop_calls++;
	return 7;
}

static void
test_stop(void)
{
	static const char *in[] = {"a,b\rc,d\re,f\n", "a,b\nc,d\n",
		"\"a\",b\rc,d\n"};
	size_t i;

	for (i = 0; i < sizeof in / sizeof in[0]; i++) {
		FILE *f = fmemopen((void *)in[i], strlen(in[i]), "r");
		int rc;

		stop_calls = 0;
		rc = zz_csv_read(f, "t", ',', stop_at_first, NULL);
		CHECK(rc == 7 && stop_calls == 1);
		fclose(f);
	}
}

int
main(void)
{
	zz_setprog("t_csv");
	test_same();
	test_long();
	test_stop();
	CHECK(same_count == 31);
	UNIT_END();
}
