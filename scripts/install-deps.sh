#!/usr/bin/env bash
# Installs everything lienthong needs to build, run and test on Debian 12, from Debian's own
# archive. Run as root (or through sudo). A second run checks and returns at once.
set -euo pipefail

packages=(
  # build
  make cmake g++ pkg-config
  # libraries
  libicu-dev libsqlite3-dev libpq-dev libcli11-dev nlohmann-json3-dev libspdlog-dev libfmt-dev
  libsodium-dev
  # document import: DOCX, PDF, OCR with the Vietnamese model
  libzip-dev libpugixml-dev libpoppler-cpp-dev libtesseract-dev libleptonica-dev
  tesseract-ocr tesseract-ocr-vie
  # tests and benchmarks (PostgreSQL 15 itself is installed by scripts/with-postgres.sh)
  libgtest-dev libgmock-dev libbenchmark-dev python3
)

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
