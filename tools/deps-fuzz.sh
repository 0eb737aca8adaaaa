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
sh "$(dirname "$0")/apt-install.sh" deps-fuzz clang libclang-rt-dev || exit 1
have || { echo "deps-fuzz: clang still cannot link -fsanitize=fuzzer (try libclang-rt-14-dev)" >&2; exit 1; }
