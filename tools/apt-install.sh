#!/bin/sh
# tools/apt-install.sh WHO PACKAGE...: install Debian packages with apt-get
# for the tools/deps*.sh scripts; WHO names the caller in messages.  Exits
# non-zero, saying why, when it cannot: a build or test never skips a
# missing dependency silently.
set -u
who=$1
shift
echo "$who: installing $*" >&2
if ! command -v apt-get >/dev/null 2>&1; then
	echo "$who: no apt-get here: install $* yourself" >&2
	exit 1
fi
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
# Several checkouts may install at once: wait for the dpkg lock.
$SUDO apt-get update -qq >&2 &&
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    -o DPkg::Lock::Timeout=600 "$@" >&2 || {
	echo "$who: apt-get could not install $*" >&2
	exit 1
}
