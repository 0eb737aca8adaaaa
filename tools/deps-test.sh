#!/bin/sh
# Programs the tests need beyond the build: jq (JSON checks), Debian's
# chromium and a Chinese font (tests/t-report.sh renders the HTML report
# headless).
# Installs the missing ones with apt-get; exits non-zero when it cannot,
# so that `make check` fails rather than skipping those tests.
set -u
need=
command -v jq >/dev/null 2>&1 || need="$need jq"
command -v chromium >/dev/null 2>&1 || need="$need chromium"
# A Chinese font, so the rendered report shows characters, not boxes.
fc-list :lang=zh 2>/dev/null | grep -q . || need="$need fonts-wqy-microhei"
[ -z "$need" ] && exit 0
echo "deps-test: installing$need" >&2
if ! command -v apt-get >/dev/null 2>&1; then
	echo "deps-test: no apt-get here: install$need yourself" >&2
	exit 1
fi
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
# Several worktrees may run this at once: wait for the dpkg lock.
$SUDO apt-get update -qq >&2 &&
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    -o DPkg::Lock::Timeout=600 $need >&2 || {
	echo "deps-test: apt-get could not install$need" >&2
	exit 1
}
for p in $need; do
	case $p in fonts-*) continue ;; esac
	command -v "$p" >/dev/null 2>&1 ||
	    { echo "deps-test: $p still missing" >&2; exit 1; }
done
