#!/bin/sh
# Make sure what zz builds with is installed: libcsv and jansson (with
# pkg-config), libzip (Word documents, spreadsheets), expat and
# libxlsxwriter (spreadsheets), gettext's msgfmt (the message catalogs),
# and jq, which the tests use.  Installs Debian's packages when missing.
set -u
have() {
	command -v jq >/dev/null 2>&1 &&
	pkg-config --exists jansson libzip expat xlsxwriter 2>/dev/null &&
	command -v msgfmt >/dev/null 2>&1 &&
	printf '#include <csv.h>\nint main(void){return csv_init(0,0)*0;}\n' |
	    ${CC:-cc} -x c - -o /dev/null -lcsv >/dev/null 2>&1
}
have && exit 0
sh "$(dirname "$0")/apt-install.sh" deps pkg-config libcsv-dev libjansson-dev \
    libzip-dev libexpat1-dev libxlsxwriter-dev gettext jq || exit 1
have || { echo "deps: still cannot build against libcsv, jansson, libzip, expat and libxlsxwriter" >&2; exit 1; }
