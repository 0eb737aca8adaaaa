#!/bin/sh
# Programs the tests need beyond the build: jq (JSON checks), valgrind
# (tests/t-scale.sh), Debian's
# chromium and a Chinese font (tests/t-report.sh renders the HTML report
# headless); LibreOffice's writer, poppler's pdfinfo/pdftoppm/pdftotext
# and python3-docx (tests/t-docx.sh reads the Word report back and
# renders it), cmark-gfm (tests/t-md.sh); python3-openpyxl (tests/t-sheet.sh
# fills a sheet as a person would) and zsh (tests/t-complete.sh).
# Installs the missing ones with apt-get; exits non-zero when it cannot,
# so that `make check` fails rather than skipping those tests.
set -u
need=
command -v jq >/dev/null 2>&1 || need="$need jq"
# valgrind: tests/t-scale.sh counts instructions with callgrind
command -v valgrind >/dev/null 2>&1 || need="$need valgrind"
command -v chromium >/dev/null 2>&1 || need="$need chromium"
# the sheets' round trip fills an .xlsx as a person would (tests/t-sheet.sh)
/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1 || need="$need python3-openpyxl"
# zsh's completion is tested too (tests/t-complete.sh)
command -v zsh >/dev/null 2>&1 || need="$need zsh"
command -v soffice >/dev/null 2>&1 || need="$need libreoffice-writer-nogui"
command -v pdftoppm >/dev/null 2>&1 || need="$need poppler-utils"
# The CommonMark reference parser: tests/t-md.sh reads -o md back.
command -v cmark-gfm >/dev/null 2>&1 || need="$need cmark-gfm"
# Debian's python3-docx loads in the system python only.
/usr/bin/python3 -c 'import docx' >/dev/null 2>&1 || need="$need python3-docx"
# A Chinese font, so the rendered report shows characters, not boxes.
fc-list :lang=zh 2>/dev/null | grep -q . || need="$need fonts-noto-cjk"
[ -z "$need" ] && exit 0
# shellcheck disable=SC2086
sh "$(dirname "$0")/apt-install.sh" deps-test $need || exit 1
for p in $need; do
	case $p in
	fonts-*) continue ;;
	libreoffice-*) c=soffice ;;
	poppler-utils) c=pdftoppm ;;
	python3-docx) /usr/bin/python3 -c 'import docx' && continue
		echo "deps-test: python3-docx still missing" >&2; exit 1 ;;
	python3-openpyxl) /usr/bin/python3 -c 'import openpyxl' && continue
		echo "deps-test: python3-openpyxl still missing" >&2; exit 1 ;;
	*) c=$p ;;
	esac
	command -v "$c" >/dev/null 2>&1 ||
	    { echo "deps-test: $p still missing" >&2; exit 1; }
done
