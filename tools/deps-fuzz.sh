#!/bin/sh
# Make sure clang can build libFuzzer targets (make fuzz): clang and its
# compiler runtime (libFuzzer, ASan, UBSan).  Installs Debian's packages
# when missing.
set -u
have() {
	printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' |
	    clang -x c -fsanitize=fuzzer,address,undefined - -o /dev/null >/dev/null 2>&1
}
have && exit 0
pkgs="clang libclang-rt-dev"
echo "deps-fuzz: clang cannot link -fsanitize=fuzzer; installing $pkgs" >&2
if ! command -v apt-get >/dev/null 2>&1; then
	echo "deps-fuzz: no apt-get here: install clang with its compiler-rt (libFuzzer) yourself" >&2
	exit 1
fi
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
$SUDO apt-get update -qq >&2 &&
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $pkgs >&2 || {
	echo "deps-fuzz: apt-get could not install $pkgs" >&2
	exit 1
}
have || { echo "deps-fuzz: clang still cannot link -fsanitize=fuzzer (try libclang-rt-14-dev)" >&2; exit 1; }
