# zz: a work plan and its progress in flat files, and the tools that read them.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANPREFIX ?= $(PREFIX)/share/man

CC ?= cc
CFLAGS ?= -O2 -g
WARN = -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wshadow -Wstrict-prototypes -Werror
JANSSON_CFLAGS = $(shell pkg-config --cflags jansson 2>/dev/null)
JANSSON_LIBS = $(shell pkg-config --libs jansson 2>/dev/null || echo -ljansson)
# libcsv ships no .pc file on Debian; use one when it exists.
CSV_CFLAGS = $(shell pkg-config --cflags libcsv 2>/dev/null)
CSV_LIBS = $(shell pkg-config --libs libcsv 2>/dev/null || echo -lcsv)
ALL_CFLAGS = $(WARN) -Ilib $(JANSSON_CFLAGS) $(CSV_CFLAGS) $(CFLAGS)
LIBS = lib/libzz.a $(CSV_LIBS) $(JANSSON_LIBS) -pthread

PROGS = $(patsubst src/%.c,bin/%,$(wildcard src/zz-*.c))
LIBSRC = $(wildcard lib/*.c)
LIBOBJ = $(LIBSRC:.c=.o)
MAN1 = $(wildcard man/*.1)
MAN5 = $(wildcard man/*.5)
UNIT = $(patsubst tests/unit/%.c,tests/unit/bin/%,$(wildcard tests/unit/*.c))

all: deps $(PROGS)

deps: .deps-ok
.deps-ok: tools/deps.sh
	sh tools/deps.sh
	touch $@

lib/%.o: lib/%.c lib/zz.h .deps-ok
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

lib/libzz.a: $(LIBOBJ)
	rm -f $@
	ar rcs $@ $(LIBOBJ)

bin/%: src/%.c lib/libzz.a lib/zz.h
	@mkdir -p bin
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIBS)

tests/unit/bin/%: tests/unit/%.c tests/unit/unit.h lib/libzz.a
	@mkdir -p tests/unit/bin
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIBS)

check: all $(UNIT) deps-test
	@sh tests/run.sh

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANPREFIX)/man1 $(DESTDIR)$(MANPREFIX)/man5
	cp -f $(PROGS) $(DESTDIR)$(BINDIR)/
	cp -f $(MAN1) $(DESTDIR)$(MANPREFIX)/man1/
	cp -f $(MAN5) $(DESTDIR)$(MANPREFIX)/man5/

uninstall:
	for p in $(PROGS); do rm -f $(DESTDIR)$(BINDIR)/$${p#bin/}; done
	for m in $(MAN1); do rm -f $(DESTDIR)$(MANPREFIX)/man1/$${m#man/}; done
	for m in $(MAN5); do rm -f $(DESTDIR)$(MANPREFIX)/man5/$${m#man/}; done

clean:
	rm -f lib/*.o lib/libzz.a bin/zz-* .deps-ok
	rm -rf tests/unit/bin tests/tmp

.PHONY: all deps check install uninstall clean
.SECONDARY: $(LIBOBJ)

# zz-report is split into parts under src/report/.
REPORT_SRC = src/zz-report.c $(wildcard src/report/*.c)
bin/zz-report: $(REPORT_SRC) src/report/report.h lib/libzz.a lib/zz.h
	@mkdir -p bin
	$(CC) $(ALL_CFLAGS) -Isrc/report $(LDFLAGS) -o $@ $(REPORT_SRC) $(LIBS)

# What the tests need beyond the build (jq, chromium): checked every run.
deps-test:
	@sh tools/deps-test.sh
.PHONY: deps-test

# The hot path at scale against mawk & co (not part of check; see bench/run.sh).
bench: bin/zz-overdue
	nice sh bench/run.sh

.PHONY: bench
