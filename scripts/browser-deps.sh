#!/usr/bin/env bash
# Make sure the browser tests/lab and tests/browser drive is installed: Debian's chromium, at
# ${CHROMIUM:-/usr/bin/chromium} (Playwright drives it; Playwright's own browser download is
# not used). Installs it with apt-get when that is possible (root on Debian/Ubuntu);
# otherwise stops with the command to run. Never skips silently: the browser tests need it.
set -euo pipefail

chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] && exit 0

if [ "$chromium" = /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
  echo "browser-deps: installing chromium with apt-get (for tests/lab and tests/browser)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
  [ -x "$chromium" ] && exit 0
  echo "error: apt-get installed chromium but $chromium is still missing." >&2
  exit 1
fi

cat >&2 <<MSG
error: missing: $chromium (the browser tests/lab and tests/browser drive with Playwright). make installs it
only as root with apt-get; install it yourself:
  Debian/Ubuntu:  sudo apt-get install -y chromium
  elsewhere:      install Chromium and run make with CHROMIUM=/path/to/chromium
then run make again.
MSG
exit 1
