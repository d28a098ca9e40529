#!/usr/bin/env bash
# Installs the Debian packages tiegraph needs to build, test and run.
# Only missing packages are installed; non-interactive; run as root on Debian 12.
# Usage: scripts/install-deps.sh [build|test|all]   (default: all)
set -euo pipefail
what=${1:-all}

build_pkgs=(build-essential cmake pkg-config python3
  libgumbo-dev libutf8proc-dev libsqlite3-dev sqlite3 libfmt-dev nlohmann-json3-dev
  libcli11-dev libcpp-httplib-dev libigraph-dev libgtest-dev libgmock-dev libbenchmark-dev
  libpqxx-dev libpq-dev zlib1g-dev libzstd-dev libssl-dev)
test_pkgs=(opennlp python3-networkx python3-igraph postgresql chromium nodejs npm wrk clang libclang-rt-14-dev zstd)

pkgs=("${build_pkgs[@]}")
if [ "$what" != build ]; then pkgs+=("${test_pkgs[@]}"); fi

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    # nodejs/npm may come from outside Debian on some images: accept a working binary.
    case "$p" in
      nodejs) command -v node >/dev/null && continue ;;
      npm) command -v npm >/dev/null && continue ;;
    esac
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#pkgs[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
