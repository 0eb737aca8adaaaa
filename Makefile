# zz: a work plan and its progress in flat files, and the tools that read them.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANPREFIX ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale
COMPLETIONDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions

CC ?= cc
CFLAGS ?= -O2 -g
WARN = -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wshadow -Wstrict-prototypes -Werror
JANSSON_CFLAGS = $(shell pkg-config --cflags jansson 2>/dev/null)
JANSSON_LIBS = $(shell pkg-config --libs jansson 2>/dev/null || echo -ljansson)
# libcsv ships no .pc file on Debian; use one when it exists.
CSV_CFLAGS = $(shell pkg-config --cflags libcsv 2>/dev/null)
CSV_LIBS = $(shell pkg-config --libs libcsv 2>/dev/null || echo -lcsv)
# libzip writes zz-report's Word documents (src/report/docx.c).
ZIP_CFLAGS = $(shell pkg-config --cflags libzip 2>/dev/null)
ZIP_LIBS = $(shell pkg-config --libs libzip 2>/dev/null || echo -lzip)
# Sheets: .xlsx read with libzip and expat, written with libxlsxwriter.
SHEET_CFLAGS = $(shell pkg-config --cflags libzip expat xlsxwriter 2>/dev/null)
SHEET_LIBS = $(shell pkg-config --libs libzip expat xlsxwriter 2>/dev/null || \
	echo -lzip -lexpat -lxlsxwriter)
ALL_CFLAGS = $(WARN) -Ilib $(JANSSON_CFLAGS) $(CSV_CFLAGS) $(SHEET_CFLAGS) \
	-DZZ_LOCALEDIR='"$(LOCALEDIR)"' $(CFLAGS)
# O: where the build goes, empty for the tree itself; the sanitizer build
# uses O=build/san/ (see check-sanitize), with a trailing slash.
O =
LIBS = $(O)lib/libzz.a $(CSV_LIBS) $(JANSSON_LIBS) $(SHEET_LIBS) -pthread

PROGS = $(patsubst src/%.c,$(O)bin/%,$(wildcard src/zz-*.c))
LIBSRC = $(wildcard lib/*.c)
LIBOBJ = $(patsubst %.c,$(O)%.o,$(LIBSRC))
MAN1 = $(wildcard man/*.1)
MAN5 = $(wildcard man/*.5)
UNIT = $(patsubst tests/unit/%.c,$(O)tests/unit/bin/%,$(wildcard tests/unit/*.c))
# The libFuzzer targets (fuzz/fuzz_NAME.c); the plan-document one needs
# lib/parse.c.  REPLAY: the same built as plain programs that replay the
# inputs that once crashed them (tests/t-crash.sh).
FUZZ_SRC = $(wildcard fuzz/fuzz_*.c)
ifeq ($(wildcard lib/parse.c),)
FUZZ_SRC := $(filter-out fuzz/fuzz_doc.c,$(FUZZ_SRC))
endif
REPLAY = $(patsubst fuzz/%.c,$(O)tests/replay/%,$(FUZZ_SRC))

# The message catalogs: po/LANG.po built into locale/LANG/LC_MESSAGES/zz.mo,
# where the programs of the build tree find them.
PO = $(wildcard po/*.po)
MO = $(patsubst po/%.po,$(O)locale/%/LC_MESSAGES/zz.mo,$(PO))

all: deps $(PROGS) $(MO) $(O)completion/_zz

# zsh's completion: the bash one behind a header (completion/_zz.head).
$(O)completion/_zz: completion/_zz.head completion/zz.bash
	@mkdir -p $(@D)
	{ cat completion/_zz.head completion/zz.bash; \
	    echo '_bash_complete -F _zz_complete'; } >$@

$(O)locale/%/LC_MESSAGES/zz.mo: po/%.po .deps-ok
	@mkdir -p $(@D)
	msgfmt -c -o $@ $<

# The template of the catalogs, from every message the programs give:
# the formats of zz_die/zz_warn/zz_fwarn/zz_fdie and _()/N_() text.
pot:
	xgettext --add-location=file --from-code=UTF-8 -k_ -kN_ -kzz_die -kzz_warn -kzz_fwarn:3 \
	    -kzz_fdie:3 --package-name=zz --package-version=0.1.0 \
	    --add-comments=TRANSLATORS -o po/zz.pot $$(ls lib/*.c src/*.c src/*/*.c)
	@for p in $(PO); do msgmerge -q -U --backup=none --add-location=file $$p po/zz.pot; done

deps: .deps-ok
.deps-ok: tools/deps.sh
	sh tools/deps.sh
	touch $@

$(O)lib/%.o: lib/%.c lib/zz.h lib/parse.h .deps-ok
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(O)lib/libzz.a: $(LIBOBJ)
	rm -f $@
	ar rcs $@ $(LIBOBJ)

$(O)bin/%: src/%.c $(O)lib/libzz.a lib/zz.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIBS)

$(O)tests/unit/bin/%: tests/unit/%.c tests/unit/unit.h $(O)lib/libzz.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIBS)

# The test shim that makes chosen system calls fail (tests/t-fault*.sh).
$(O)tests/fault/inject.so: tests/fault/inject.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -O2 -g -fPIC -shared \
	    -o $@ tests/fault/inject.c -ldl

$(O)tests/replay/fuzz_xlsx: fuzz/fuzz_xlsx.c fuzz/fuzz.h fuzz/replay.c \
    src/status/xlsx.c src/status/status.h $(O)lib/libzz.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Isrc/status -Wno-unused-function $(LDFLAGS) \
	    -o $@ $< src/status/xlsx.c fuzz/replay.c $(LIBS)

$(O)tests/replay/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz.h fuzz/replay.c $(O)lib/libzz.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Wno-unused-function $(LDFLAGS) -o $@ $< \
	    fuzz/replay.c $(LIBS)

# Everything the test suite runs.
build: deps $(PROGS) $(MO) $(O)completion/_zz $(UNIT) $(O)tests/fault/inject.so $(REPLAY)

check: build deps-test
	@sh tests/run.sh

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANPREFIX)/man1 $(DESTDIR)$(MANPREFIX)/man5
	cp -f $(PROGS) $(DESTDIR)$(BINDIR)/
	cp -f $(MAN1) $(DESTDIR)$(MANPREFIX)/man1/
	cp -f $(MAN5) $(DESTDIR)$(MANPREFIX)/man5/
	for m in $(MO); do l=$${m#$(O)locale/}; \
	    mkdir -p $(DESTDIR)$(LOCALEDIR)/$${l%/*} && \
	    cp -f $$m $(DESTDIR)$(LOCALEDIR)/$$l; done
	mkdir -p $(DESTDIR)$(COMPLETIONDIR) $(DESTDIR)$(ZSHCOMPDIR)
	cp -f completion/zz.bash $(DESTDIR)$(COMPLETIONDIR)/zz-status
	for p in zz-import zz-overdue zz-report; do \
	    ln -sf zz-status $(DESTDIR)$(COMPLETIONDIR)/$$p; done
	cp -f $(O)completion/_zz $(DESTDIR)$(ZSHCOMPDIR)/_zz

uninstall:
	for p in $(PROGS); do rm -f $(DESTDIR)$(BINDIR)/$${p#bin/}; done
	for m in $(MAN1); do rm -f $(DESTDIR)$(MANPREFIX)/man1/$${m#man/}; done
	for m in $(MAN5); do rm -f $(DESTDIR)$(MANPREFIX)/man5/$${m#man/}; done
	for m in $(MO); do rm -f $(DESTDIR)$(LOCALEDIR)/$${m#$(O)locale/}; done
	for p in zz-status zz-import zz-overdue zz-report; do \
	    rm -f $(DESTDIR)$(COMPLETIONDIR)/$$p; done
	rm -f $(DESTDIR)$(ZSHCOMPDIR)/_zz

clean:
	rm -f lib/*.o lib/libzz.a bin/zz-* .deps-ok
	rm -rf tests/unit/bin tests/tmp tests/fault/*.so tests/replay build locale
	rm -f completion/_zz

# ---- hardening: sanitizers, valgrind, fuzzing, lint (issue 6) ----

# The whole suite against a build with AddressSanitizer and UBSan, in
# build/san/ so the normal build is left alone.  ZZ_FREE_AT_EXIT: a
# program that leaves its memory to exit for speed frees it in this build,
# so that LeakSanitizer can tell real leaks.
SAN_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
SAN_OPTS = ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=86 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=86 \
	LSAN_OPTIONS=exitcode=86

# (all: tests/t-scale.sh counts the optimized build's instructions.)
check-sanitize: all deps-test
	@$(MAKE) --no-print-directory O=build/san/ \
	    CFLAGS="-O1 -g -DZZ_FREE_AT_EXIT $(SAN_FLAGS)" \
	    LDFLAGS="$(SAN_FLAGS)" build
	@env $(SAN_OPTS) ZZ_BIN=$(CURDIR)/build/san/bin \
	    ZZ_UNIT_BIN=build/san/tests/unit/bin \
	    ZZ_INJECT=$(CURDIR)/build/san/tests/fault/inject.so \
	    ZZ_REPLAY_BIN=$(CURDIR)/build/san/tests/replay sh tests/run.sh

check-valgrind: deps $(UNIT)
	@command -v valgrind >/dev/null || sh tools/deps-dev.sh valgrind
	@fail=0; for t in $(UNIT); do \
	    valgrind -q --error-exitcode=1 --leak-check=full \
	        --errors-for-leak-kinds=definite,indirect,possible \
	        $$t >/dev/null || { echo "valgrind: $$t failed"; fail=1; }; \
	done; [ $$fail -eq 0 ] && echo "valgrind: $(words $(UNIT)) unit tests clean"

# libFuzzer targets: fuzz/fuzz_NAME.c, each run FUZZ_SECONDS on a corpus
# in build/fuzz/corpus/NAME seeded from the fixtures.
FUZZ_SECONDS = 60
FUZZ_CC = clang
FUZZ_FLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all
FUZZERS = $(patsubst fuzz/%.c,build/fuzz/%,$(FUZZ_SRC))
FUZZ_OBJ = $(patsubst lib/%.c,build/fuzz/lib/%.o,$(LIBSRC))

.deps-fuzz-ok: tools/deps-fuzz.sh
	sh tools/deps-fuzz.sh
	touch $@

build/fuzz/lib/%.o: lib/%.c lib/zz.h .deps-ok .deps-fuzz-ok
	@mkdir -p $(@D)
	$(FUZZ_CC) $(WARN) -Ilib $(JANSSON_CFLAGS) $(CSV_CFLAGS) $(FUZZ_FLAGS) \
	    -fsanitize=fuzzer-no-link -c -o $@ $<

build/fuzz/libzz.a: $(FUZZ_OBJ)
	rm -f $@
	ar rcs $@ $(FUZZ_OBJ)

build/fuzz/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz.h build/fuzz/libzz.a
	$(FUZZ_CC) $(WARN) -Wno-unused-function -Ilib $(JANSSON_CFLAGS) \
	    $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< build/fuzz/libzz.a \
	    $(CSV_LIBS) $(JANSSON_LIBS)

# fuzz_xlsx reads with zz-status's .xlsx reader (src/status/xlsx.c).
build/fuzz/fuzz_xlsx: fuzz/fuzz_xlsx.c fuzz/fuzz.h src/status/xlsx.c \
    src/status/status.h build/fuzz/libzz.a
	$(FUZZ_CC) $(WARN) -Wno-unused-function -Ilib -Isrc/status \
	    $(JANSSON_CFLAGS) $(SHEET_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer \
	    -o $@ fuzz/fuzz_xlsx.c src/status/xlsx.c build/fuzz/libzz.a \
	    $(CSV_LIBS) $(JANSSON_LIBS) $(SHEET_LIBS)

fuzz-build: $(FUZZERS)

fuzz: fuzz-build
	@for f in $(FUZZERS); do \
	    n=$${f#build/fuzz/fuzz_}; c=build/fuzz/corpus/$$n; \
	    rm -rf build/fuzz/seed/$$n; \
	    sh fuzz/seeds.sh $$n build/fuzz/seed/$$n || exit 1; mkdir -p $$c; \
	    dict=; [ -f fuzz/$$n.dict ] && dict=-dict=fuzz/$$n.dict; \
	    echo "fuzz: $$n for $(FUZZ_SECONDS)s"; \
	    $$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
	        -rss_limit_mb=2048 -print_final_stats=1 \
	        -artifact_prefix=build/fuzz/crash-$$n- $$dict \
	        $$c build/fuzz/seed/$$n 2>build/fuzz/$$n.log || \
	        { tail -40 build/fuzz/$$n.log; exit 1; }; \
	    grep -E '^stat::number_of_executed_units|^Done' build/fuzz/$$n.log; \
	done

.PHONY: all build deps check install uninstall clean check-sanitize pot \
	check-valgrind fuzz fuzz-build lint
.SECONDARY: $(LIBOBJ)

# cppcheck and clang-tidy (checks in .clang-tidy) over lib/ and src/;
# -Wall -Wextra -Werror are in WARN already.
lint: deps
	@sh tools/deps-dev.sh cppcheck clang-tidy
	@sh tools/lint.sh $(WARN) -Ilib -Isrc/report -Isrc/status $(JANSSON_CFLAGS) \
	    $(CSV_CFLAGS) $(ZIP_CFLAGS)

# zz-report is split into parts under src/report/.
REPORT_SRC = src/zz-report.c $(wildcard src/report/*.c)
$(O)bin/zz-report: $(REPORT_SRC) src/report/report.h $(O)lib/libzz.a lib/zz.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ZIP_CFLAGS) -Isrc/report $(LDFLAGS) -o $@ \
	    $(REPORT_SRC) $(LIBS) $(ZIP_LIBS)

# zz-status is split into parts under src/status/.
STATUS_SRC = src/zz-status.c $(wildcard src/status/*.c)
$(O)bin/zz-status: $(STATUS_SRC) src/status/status.h $(O)lib/libzz.a lib/zz.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Isrc/status $(LDFLAGS) -o $@ $(STATUS_SRC) $(LIBS)

# What the tests need beyond the build (jq, chromium): checked every run.
deps-test:
	@sh tools/deps-test.sh
.PHONY: deps-test

# Issue 13's torture test, not part of check: kill -9 at random moments
# of set, a large add, zz-import and fsck --repair running at once, then
# every confirmed report counted.  Large by default; CI runs it small
# (make torture TORTURE_ROUNDS=12 TORTURE_SIZE=50000, about a minute).
TORTURE_ROUNDS = 40
TORTURE_SIZE = 400000
torture: build
	@ROUNDS=$(TORTURE_ROUNDS) SIZE=$(TORTURE_SIZE) sh tests/torture.sh

.PHONY: torture

# The hot path at scale against mawk & co (not part of check; see bench/run.sh).
bench: all
	nice sh bench/run.sh

.PHONY: bench
