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
# shellcheck disable=SC2086
sh "$(dirname "$0")/apt-install.sh" deps-test $need || exit 1
for p in $need; do
	case $p in fonts-*) continue ;; esac
	command -v "$p" >/dev/null 2>&1 ||
	    { echo "deps-test: $p still missing" >&2; exit 1; }
done
