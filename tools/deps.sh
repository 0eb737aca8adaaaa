#!/bin/sh
# Make sure the C libraries zz builds with are installed: libcsv and
# jansson (and pkg-config), and jq, which the tests use.  Installs Debian's -dev packages when missing.
set -u
have() {
	command -v jq >/dev/null 2>&1 &&
	pkg-config --exists jansson 2>/dev/null &&
	printf '#include <csv.h>\nint main(void){return csv_init(0,0)*0;}\n' |
	    ${CC:-cc} -x c - -o /dev/null -lcsv >/dev/null 2>&1
}
have && exit 0
echo "deps: libcsv, jansson or jq not found; installing libcsv-dev libjansson-dev jq" >&2
if ! command -v apt-get >/dev/null 2>&1; then
	echo "deps: no apt-get here: install libcsv (headers and library), jansson and jq yourself" >&2
	exit 1
fi
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
$SUDO apt-get update -qq >&2 &&
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    pkg-config libcsv-dev libjansson-dev jq >&2 || {
	echo "deps: apt-get could not install libcsv-dev libjansson-dev jq" >&2
	exit 1
}
have || { echo "deps: still cannot build against libcsv and jansson" >&2; exit 1; }
