#!/usr/bin/env bash
# test/gcc-flow/run.sh <covet-prefix> <work-dir> [<g++>] [<jobs>]
#
# Builds this project with g++ against the Covet installed in <covet-prefix>,
# as README's "Use Covet in your project" says, and checks that
#   1. it builds (each source checked by the plugin) and runs;
#   2. a second build with nothing changed checks nothing, and touching one
#      source checks that source only;
#   3. a copy with a typo in a lookup string does not build, and the output
#      has the plugin's diagnostic at the typo (file:line:col).
# `make gcc-flow` runs it. Exits non-zero, saying why, on the first failure.
set -euo pipefail

prefix=$(realpath "$1")
work=$2
gxx=${3:-g++}
jobs=${4:-2}
here=$(cd "$(dirname "$0")" && pwd)

fail() {
  echo "gcc-flow: $*" >&2
  exit 1
}

configure() {  # <source dir> <build dir>
  cmake -S "$1" -B "$2" -DCMAKE_CXX_COMPILER="$gxx" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF >"$2.configure.log" 2>&1 ||
    { cat "$2.configure.log"; fail "configuring $1 failed"; }
}

# The project is copied, so touching and editing its files leaves the
# repository alone.
rm -rf "$work"
mkdir -p "$work"
cp -r "$here" "$work/src"

echo "==> gcc-flow: build with $gxx, every source checked by the plugin"
configure "$work/src" "$work/build"
grep -q "The CXX compiler identification is GNU" "$work/build.configure.log" ||
  fail "the project is not built by GCC (see $work/build.configure.log)"
cmake --build "$work/build" -j"$jobs" >"$work/build1.log" 2>&1 || { cat "$work/build1.log"; fail "the good project does not build"; }
for src in main.cpp orders.cpp users.cpp; do
  grep -q "Covet: checking lookups in $src" "$work/build1.log" ||
    { cat "$work/build1.log"; fail "$src was not checked"; }
done
"$work/build/shop" || fail "the shop program failed"

echo "==> gcc-flow: a second build with nothing changed checks nothing"
cmake --build "$work/build" -j"$jobs" >"$work/build2.log" 2>&1 || { cat "$work/build2.log"; fail "the second build failed"; }
if grep "Covet: checking" "$work/build2.log"; then
  fail "the second build ran the steps above"
fi

echo "==> gcc-flow: touching users.cpp checks users.cpp only"
touch "$work/src/users.cpp"
cmake --build "$work/build" -j"$jobs" >"$work/build3.log" 2>&1 || { cat "$work/build3.log"; fail "the third build failed"; }
grep -q "Covet: checking lookups in users.cpp" "$work/build3.log" || { cat "$work/build3.log"; fail "users.cpp was not checked again"; }
if grep -E "Covet: checking (lookups in (main|orders)\.cpp|models)" "$work/build3.log"; then
  fail "touching users.cpp checked more than users.cpp"
fi

echo "==> gcc-flow: a typo in a lookup string fails the build"
cp -r "$work/src" "$work/typo-src"
sed -i 's/"user__username"/"user__usernme"/' "$work/typo-src/orders.cpp"
grep -q '"user__usernme"' "$work/typo-src/orders.cpp" || fail "could not put the typo into orders.cpp"
configure "$work/typo-src" "$work/typo-build"
if cmake --build "$work/typo-build" -j"$jobs" >"$work/typo.log" 2>&1; then
  cat "$work/typo.log"
  fail "the project with a lookup typo built"
fi
grep -E "orders\.cpp:[0-9]+:[0-9]+: error: no field named 'usernme' in model 'User'" "$work/typo.log" ||
  { cat "$work/typo.log"; fail "the build failed without the plugin's diagnostic"; }
grep -q "note: did you mean 'username'?" "$work/typo.log" || { cat "$work/typo.log"; fail "no did-you-mean note"; }
echo "==> gcc-flow: OK"
