#!/bin/sh
# Make sure what zz builds with is installed: libcsv, jansson and libzip
# (zz-report's Word documents), with pkg-config, and jq, which the tests use.  Installs Debian's packages
# when missing.
set -u
have() {
	command -v jq >/dev/null 2>&1 &&
	pkg-config --exists jansson 2>/dev/null &&
	pkg-config --exists libzip 2>/dev/null &&
	printf '#include <csv.h>\nint main(void){return csv_init(0,0)*0;}\n' |
	    ${CC:-cc} -x c - -o /dev/null -lcsv >/dev/null 2>&1
}
have && exit 0
sh "$(dirname "$0")/apt-install.sh" deps pkg-config libcsv-dev libjansson-dev libzip-dev jq || exit 1
have || { echo "deps: still cannot build against libcsv, jansson and libzip" >&2; exit 1; }
