#!/usr/bin/env bash
# install-deps.sh — installs the Debian 12 packages Covet builds and tests with.
#
# Asks dpkg-query which of the packages below are missing and only then runs
# `apt-get update` and `apt-get install -y --no-install-recommends` for those,
# so it is a fast no-op on a machine that has them all. Uses sudo when not root.
#
# Usage: scripts/install-deps.sh [--bench] [--diagrams] [--check]
#   --bench   also the peers `make bench` compares against (Django and its
#             tree libraries); the build and the tests need none of them
#   --diagrams  also Graphviz, which `make diagrams` renders the SVGs with
#   --check   only list the missing packages; exit 1 if any are missing
set -euo pipefail

bench=0 diagrams=0 check=0
for arg in "$@"; do
  case $arg in
    --bench) bench=1 ;;
    --diagrams) diagrams=1 ;;
    --check) check=1 ;;
    *) echo "install-deps: unknown argument '$arg' (expected --bench, --diagrams, --check)" >&2; exit 2 ;;
  esac
done

packages=(
  clang-19 libclang-19-dev llvm-19-dev llvm-19-tools
  libclang-rt-19-dev   # sanitizer runtimes for clang++-19 builds with COVET_SANITIZE=ON; only a Recommends of clang-19
  clang-tidy-19        # loads covet-tidy.so in the lit tests (docs/ide.md)
  clangd-19            # the stock clangd of docs/ide.md's tests; brings the gRPC libraries covet-clangd links
  libsqlite3-dev libpq-dev postgresql
  libgtest-dev libbenchmark-dev
  cmake make pkg-config g++ python3
)
if [[ $bench -eq 1 ]]; then
  packages+=(
    python3-django python3-psycopg2   # the same workload through Django, for the side-by-side table
    python3-django-treebeard python3-django-mptt   # the trees rows' peers (bench/django/trees_bench.py)
  )
fi

# One dpkg-query for all (it exits 1 if some package is unknown to dpkg).
if [[ $diagrams -eq 1 ]]; then
  packages+=(graphviz)
fi

installed=" $( { dpkg-query -W -f='${Package}:${db:Status-Abbrev}\n' "${packages[@]}" 2>/dev/null || true; } |
              sed -n 's/^\([^:]*\):ii.*/\1/p' | tr '\n' ' ') "
missing=()
for p in "${packages[@]}"; do
  [[ $installed == *" $p "* ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
if [[ $check -eq 1 ]]; then
  printf 'missing: %s\n' "${missing[*]}"
  exit 1
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: not root and no sudo; install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -q --no-install-recommends "${missing[@]}"
