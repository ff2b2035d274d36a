#!/usr/bin/env bash
# Installs the Debian packages Every Voice needs to build, run and test, if any are missing.
# Usage: tools/deps.sh [run|test|bench|fuzz|package]   (default: test)
set -euo pipefail
what=${1:-test}

build_pkgs=(build-essential cmake pkg-config
  libimgui-dev libsdl2-dev libglfw3-dev libgl-dev libgl1-mesa-dri
  libicu-dev libsqlite3-dev libfreetype-dev libharfbuzz-dev libfontconfig-dev
  libtomlplusplus-dev libmd4c-dev libsodium-dev libqrencode-dev libpng-dev
  libespeak-ng-dev libvorbis-dev libopusfile-dev libsystemd-dev libexpat1-dev catch2 fonts-noto-core
  libpango1.0-dev libcairo2-dev libx11-dev)
# libpango1.0-dev, libcairo2-dev: the pack tool's printed handouts (Pango shapes, Cairo writes the PDF).
# libx11-dev: the tests' check that an X server serves one client after another (Xlib).
# espeak-ng, oggenc (vorbis-tools) and opusenc (opus-tools) make the recordings the decoder is
# tested on, with tools that are not ours.
# chromium renders export-html's site and the dashboard; npm fetches html-validate, the HTML checker.
# espeak-ng, vorbis-tools and opus-tools record test narrations; xxd reads them back as hex;
# pdftotext (poppler-utils) reads back what export-html's site prints; xmllint (libxml2-utils) checks the
# XLIFF files xliff export writes are well-formed (npm's `xliff` package reads them as XLIFF 2).
# tesseract-ocr-<lang>: OCR of the neutral screen in each pack language (Somali reads with eng).
# Xorg's dummy driver, xrandr and xwininfo: present mode on two displays (a laptop and a projector).
# strace: what the kiosk reads and runs as it starts (no compose table, no dbus-launch).
test_pkgs=(xvfb xauth sqlite3 minisign libharfbuzz-bin unicode-data tesseract-ocr tesseract-ocr-eng zbar-tools chromium
  espeak-ng vorbis-tools opus-tools xxd poppler-utils libxml2-utils tesseract-ocr-pol tesseract-ocr-ron tesseract-ocr-lit
  tesseract-ocr-ben tesseract-ocr-por tesseract-ocr-urd tesseract-ocr-yor tesseract-ocr-pan
  xserver-xorg-core xserver-xorg-video-dummy x11-xserver-utils x11-utils strace)
bench_pkgs=(xvfb xauth mesa-utils chromium time)
fuzz_pkgs=(clang-14 libclang-rt-14-dev libfuzzer-14-dev)
# tools/package.sh and the release checks of the package: the .deb (cpack, dpkg-shlibdeps under
# fakeroot), lintian, a clean Debian 12 root (mmdebstrap), the kiosk under cage with wlroots'
# headless backend (cage, xwayland), and the fleet's sync engine (syncthing).
package_pkgs=(dpkg-dev fakeroot lintian mmdebstrap cage xwayland syncthing minisign xvfb xauth)

pkgs=("${build_pkgs[@]}")
case "$what" in
  run) ;;
  test) pkgs+=("${test_pkgs[@]}") ;;
  bench) pkgs+=("${test_pkgs[@]}" "${bench_pkgs[@]}") ;;
  fuzz) pkgs+=("${fuzz_pkgs[@]}") ;;
  package) pkgs+=("${package_pkgs[@]}") ;;
  *) echo "usage: tools/deps.sh [run|test|bench|fuzz|package]" >&2; exit 2 ;;
esac

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# npm comes with Debian's npm package or inside another Node.js build (e.g. NodeSource's
# nodejs, which conflicts with Debian's npm): only the command matters.
if [ "$what" = test ] && ! command -v npm >/dev/null; then missing+=(npm); fi
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
