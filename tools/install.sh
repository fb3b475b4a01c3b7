#!/usr/bin/env bash
# Installs RECP Audit into ./.venv on a fresh Debian/Ubuntu machine.
#   tools/install.sh          the application
#   tools/install.sh --test   the application and its test tools
# System packages (Qt's xcb libraries, poppler for PDF checks, Xvfb) are installed when missing,
# with sudo when not root. Safe to run again: it only adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

extra=""
[ "${1:-}" = "--test" ] && extra="[test,build]"

need=()
for pkg in libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3 poppler-utils xvfb python3-venv; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing system packages: ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".${extra}"
# Built translations (.qm) are made from the .ts sources kept in the repository.
if [ -f tools/build_translations.py ]; then
  .venv/bin/python tools/build_translations.py
fi
