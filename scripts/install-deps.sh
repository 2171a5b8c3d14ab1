#!/usr/bin/env bash
# Installs everything lienthong needs to build, run and test on Debian 12, from Debian's own
# archive. Run as root (or through sudo). A second run checks and returns at once.
#   scripts/install-deps.sh          what `make demo` and `make test` need
#   scripts/install-deps.sh fuzz     also clang and libFuzzer (`make fuzz`)
#   scripts/install-deps.sh bench    also the tools benchmarks compare against (`make bench`)
#   scripts/install-deps.sh package  also lintian, which checks the Debian package (`make package`)
set -euo pipefail

packages=(
  # build
  make cmake g++ pkg-config
  # libraries
  libicu-dev libsqlite3-dev libpq-dev libcli11-dev nlohmann-json3-dev libspdlog-dev libfmt-dev
  libsodium-dev libssl-dev libboost-dev libxlsxwriter-dev
  # document import: DOCX, PDF, OCR with the Vietnamese model (and the orientation model that
  # turns a sideways scan upright when Leptonica cannot tell)
  libzip-dev libpugixml-dev libpoppler-cpp-dev libtesseract-dev libleptonica-dev
  tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd
  # tests and benchmarks (PostgreSQL 15 itself is installed by scripts/with-postgres.sh)
  libgtest-dev libgmock-dev libbenchmark-dev python3
  # scripts/demo.sh and tests/two_servers_postgres.sh talk to the server with curl; a minimal
  # Debian has none (scripts/check-tools.py, run by make test, finds such gaps)
  curl
  # the scan simulator of the import acceptance step (scripts/scan-simulator.py)
  python3-pil
  # web UI (built with Vite on Debian's Node 18) and its browser tests in Debian's Chromium;
  # exports are checked by converting them with LibreOffice and reading the PDFs with poppler
  nodejs chromium libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils
  # Liberation Serif has Times New Roman's metrics: without it LibreOffice lays the exports out
  # in a wider fallback font and lines break elsewhere than in Word
  fonts-liberation2
)

for group in "$@"; do
  case "$group" in
    fuzz) packages+=(clang libclang-rt-14-dev) ;;
    bench) packages+=(pandoc wrk xz-utils) ;;
    package) packages+=(lintian) ;;
    *) echo "install-deps: unknown group '$group' (fuzz, bench, package)" >&2; exit 2 ;;
  esac
done

# Debian's npm package; a machine whose nodejs already carries npm (NodeSource) needs none.
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} Debian packages are present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then exec sudo "$0" "$@"; fi
  echo "install-deps: missing ${missing[*]}; run this script as root" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
