#!/usr/bin/env bash
# Installs the Debian packages Complaint Desk needs when they are missing, for one purpose:
#
#   tools/system-deps.sh window   what a real window needs (`make run`): Qt's libraries, the
#                                 xcb libraries of Qt's X11 plugin, a Chinese font, and Xvfb
#                                 for `xvfb-run -a make run` on a machine without a screen
#   tools/system-deps.sh test     all of that, and what the tests use besides (`make test`):
#                                 PDF tools, a PostgreSQL server for the shared-database
#                                 tests, binutils for PyInstaller's Linux build of the bundle
#   tools/system-deps.sh --list window|test   prints the packages of that set, one a line
#
# Prints what is missing and the one line that installs it when it cannot install them itself
# (not root, or no apt-get), and exits 1.
set -euo pipefail

# Qt itself, offscreen or not, and a font for Latin and for Chinese text.
qt=(libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libxkbcommon0 libdbus-1-3
    fonts-dejavu-core fonts-wqy-microhei)
# Qt's xcb platform plugin: without libxcb-icccm4 or libxcb-keysyms1 it aborts with a
# message that blames libxcb-cursor0 instead.
xcb=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0
     libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxcb-shm0 libxcb-sync1
     libxcb-util1 libx11-xcb1 libxkbcommon-x11-0 xvfb xauth)
tests=(poppler-utils postgresql binutils)

list=no
if [[ "${1:-}" == "--list" ]]; then
  list=yes
  shift
fi
case "${1:-test}" in
  window) packages=("${qt[@]}" "${xcb[@]}") ;;
  test) packages=("${qt[@]}" "${xcb[@]}" "${tests[@]}") ;;
  *) echo "usage: $0 [--list] window|test" >&2; exit 2 ;;
esac
if [[ $list == yes ]]; then
  printf '%s\n' "${packages[@]}"
  exit 0
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian/Ubuntu system; make sure Qt's libraries and a Chinese font are installed."
  exit 0
fi

missing=()
for pkg in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: these packages are missing: ${missing[*]}" >&2
  echo "system-deps: install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
