#!/usr/bin/env bash
# Make sure the real servers the guide runs are installed: memcached and redis-server.
# Installs them with apt-get when that is possible (root on Debian/Ubuntu); otherwise stops
# with the command to run. Never skips silently: the tests need the real binaries.
set -euo pipefail

declare -A package_of=([memcached]=memcached [redis-server]=redis-server)
declare -A brew_of=([memcached]=memcached [redis-server]=redis)
missing=()
for binary in memcached redis-server; do
  command -v "$binary" >/dev/null 2>&1 || missing+=("$binary")
done
[ ${#missing[@]} -eq 0 ] && exit 0

packages=(); formulas=()
for binary in "${missing[@]}"; do packages+=("${package_of[$binary]}"); formulas+=("${brew_of[$binary]}"); done

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
  echo "system-deps: installing ${packages[*]} with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  exit 0
fi

cat >&2 <<MSG
error: missing: ${missing[*]}. make installs them only as root with apt-get; install them yourself:
  Debian/Ubuntu:  sudo apt-get install -y ${packages[*]}
  macOS:          brew install ${formulas[*]}
then run make again.
MSG
exit 1
