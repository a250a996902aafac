# Covet's developer commands. On a fresh Debian 12 machine (root, or a user
# with sudo) two commands do everything:
#
#   make demo   install the missing Debian packages, build, and run the example
#               programs examples/library, examples/blog,
#               examples/inheritance, examples/trees and examples/generic on
#               an in-memory SQLite database
#   make test   the same set-up, then every test: the GoogleTest suites
#               under AddressSanitizer + UBSan on SQLite and on a throwaway
#               PostgreSQL server, the plugin's lit suite, an outside project
#               built against the installed package, a warnings-as-errors
#               GCC 12 build of the runtime, the examples and the metadata
#               of every test model, and the fuzz targets over their
#               committed corpora
#
# The pieces, each usable alone:
#   make deps        install the missing Debian packages (no-op when none is;
#                    `make bench` adds Django and its tree libraries)
#   make build       configure build/ once (clang++-19, RelWithDebInfo with
#                    asserts, -Werror: the plugin, the runtime, the examples)
#                    and build it
#   make check       gtest, lit, consumer, gcc-flow and docs-check, below
#   make gtest       build-asan/: the runtime and the suites with clang++-19,
#                    -Werror, ASan + UBSan; runs covet_tests on SQLite and on
#                    a throwaway PostgreSQL server (`make asan` is the same)
#   make lit         the plugin's lit suite, with the IDE front ends' tests:
#                    clang-tidy with covet-tidy.so, covet-clangd over LSP
#                    (test/ide/lsp-check.py), SARIF (docs/ide.md); builds
#                    both in build/ only
#   make consumer    install to a temp prefix; build and run test/consumer
#   make gcc-flow    install to a temp prefix; build test/gcc-flow with g++:
#                    every source checked by the plugin, a second build
#                    checks nothing, a copy with a lookup typo fails to
#                    build with the plugin's diagnostic (test/gcc-flow/run.sh)
#   make docs-check  compile (g++ -Werror, models through the plugin) and run
#                    every C++ snippet of README.md and docs/ on SQLite
#                    (scripts/doc-snippets.py: each block is marked with what
#                    it is)
#   make gcc-check   build-gcc/: the runtime, the examples and the generated
#                    metadata of every test model with g++ -O1 -Werror
#   make bench       build-bench/: Release build of bench/ (clang++-19, the
#                    plugin of build/); runs covet_bench on SQLite (memory,
#                    WAL file) and a throwaway PostgreSQL server on
#                    127.0.0.1, then the same workload through Django when
#                    python3-django is installed, and prints the comparison
#                    table (docs/performance.md; a few minutes); then
#                    covet_memory_bench (peak memory of fetch() and
#                    iterate() over 1,000,000 users), covet_tree_bench and, with python3-django-treebeard and
#                    python3-django-mptt, bench/django/trees_bench.py: the
#                    trees rows beside treebeard and mptt
#   make fuzz-regression  replays each fuzz target's committed corpus once
#                    through build-asan/'s replay programs (the part of
#                    `make test`)
#   make fuzz-regression-libfuzzer  the same through build-fuzz/: the
#                    libFuzzer targets of fuzz/ (clang++-19,
#                    -fsanitize=fuzzer,address,undefined, the plugin of build/)
#   make fuzz        build-fuzz/; fuzzes each target for FUZZ_SECONDS with
#                    its dictionary (docs/testing.md); fails on any finding
#   make diagrams    redraw docs/diagrams/: each example's models and the
#                    guide's shop (docs/diagrams/shop.hpp) through the plugin
#                    of build/, as DOT, Mermaid and SVG (installs Graphviz);
#                    lit-tests/diagram-examples.cpp fails when they are stale
#   make clean       remove build/, build-asan/, build-gcc/, build-bench/ and
#                    build-fuzz/
#
# Knobs: JOBS=2  BUILD_TYPE=RelWithDebInfo  WERROR=ON  CLANGXX=clang++-19
#        GXX=g++  TEST_TIMEOUT=1800 (seconds per test binary)  GTEST_ARGS=
#        GTEST_SHARDS=JOBS (test processes at once, each a GoogleTest shard)
#        BENCH_ARGS= (covet_bench flags, e.g. --benchmark_filter=prefetch)
#        BENCH_TREES_ARGS= (covet_tree_bench flags, e.g. --filter=move --kind=ns)
#        BENCH_PG_PORT=54339  PYTHON=/usr/bin/python3 (Debian's, for Django)
#        FUZZ_SECONDS=180 (per target, `make fuzz`)
# A build directory is reconfigured when its knobs change.

SHELL := /bin/bash
MAKEFLAGS += --no-print-directory
.SHELLFLAGS := -euo pipefail -c
.ONESHELL:
.NOTPARALLEL:
.DEFAULT_GOAL := build
.PHONY: all deps build demo test check gtest lit consumer gcc-flow gcc-check asan \
        test-reset clean configure configure-asan configure-gcc bench configure-bench \
        configure-fuzz fuzz-build fuzz fuzz-regression fuzz-regression-libfuzzer docs-check \
        diagrams

JOBS         ?= 2
BUILD_TYPE   ?= RelWithDebInfo
WERROR       ?= ON
CLANGXX      ?= clang++-19
GXX          ?= g++
TEST_TIMEOUT ?= 1800
GTEST_SHARDS ?= $(JOBS)
GTEST_ARGS   ?=
BENCH_ARGS   ?=
BENCH_TREES_ARGS ?=
# covet_tree_bench's Covet side (bench/trees_covet.cpp) needs the tree
# mixins' API (issue 13): ON once they are merged.
BENCH_PG_PORT ?= 54339
PYTHON       ?= /usr/bin/python3
FUZZ_SECONDS ?= 180

B       := build
B_ASAN  := build-asan
B_GCC   := build-gcc
B_BENCH := build-bench
B_FUZZ  := build-fuzz
RESULTS := $(CURDIR)/$(B)/test-results
PLUGIN_PATH_FILE := $(B)/covet-plugin-path.txt

# RelWithDebInfo keeps -DNDEBUG out, so the tests run with asserts on.
CMAKE_COMMON := -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) \
                -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g"

# The sanitizer and GCC builds run the plugin built in build/ (by clang):
# a plugin built with g++ flags or with -fsanitize is not what users load.
CMAKE_REUSE_PLUGIN = -DCOVET_BUILD_PLUGIN=OFF -DCOVET_PLUGIN="$$(cat $(PLUGIN_PATH_FILE))"

# Recipe fragment: start a throwaway PostgreSQL server in a temp dir, stop it
# and remove the dir on any exit, export its URL for the tests, and make a
# missing server an error rather than a skip.
define start_postgres
pgdir=$$(mktemp -d /tmp/covet-pg.XXXXXX)
trap 'scripts/pg-test-server.sh stop "$$pgdir" >/dev/null || true; rm -rf "$$pgdir"' EXIT
trap 'exit 130' INT TERM HUP
COVET_TEST_POSTGRES_URL=$$(scripts/pg-test-server.sh start "$$pgdir") ||
  { echo "make: the PostgreSQL test server did not start" >&2; cat "$$pgdir/log" >&2 || true; exit 1; }
export COVET_TEST_POSTGRES_URL COVET_REQUIRE_POSTGRES=1
echo "==> PostgreSQL test server: $$COVET_TEST_POSTGRES_URL"
endef

# $(call configure,<build dir>,<cmake args>[,<source dir>]): configure the
# build dir when it is new or was configured with other arguments (a knob
# changed on the command line, or this Makefile changed them); otherwise leave
# it to cmake --build. The source dir is the repository's root unless given.
define configure
args='$(2)'
if [[ ! -f $(1)/CMakeCache.txt || ! -f $(1)/.make-args || "$$(cat $(1)/.make-args)" != "$$args" ]]; then
  echo "==> configuring $(1)"
  rm -f $(1)/.make-args
  cmake -S $(or $(3),.) -B $(1) $(2)
  echo "$$args" >$(1)/.make-args
fi
endef

# $(call run_gtest,<binary>,<report name>): run a test binary, JUnit report in
# $(RESULTS)/<report name>.xml; with GTEST_SHARDS=N > 1, as N processes at
# once, each a GoogleTest shard (every N-th test), reports
# $(RESULTS)/<report name>-<i>.xml, output in $(RESULTS)/<report name>-<i>.log
# (printed when the shard fails). A single process leaves a core idle: on
# PostgreSQL each test waits for the server, and the server for the test.
define run_gtest
mkdir -p $(RESULTS)
if [[ $(GTEST_SHARDS) -le 1 ]]; then
  echo "==> $(1)"
  timeout --foreground -k 10 $(TEST_TIMEOUT) $(1) --gtest_output=xml:$(RESULTS)/$(2).xml $(GTEST_ARGS)
else
  echo "==> $(1) ($(GTEST_SHARDS) shards at once; output in $(RESULTS)/$(2)-<i>.log)"
  pids=()
  for ((i = 0; i < $(GTEST_SHARDS); i++)); do
    GTEST_TOTAL_SHARDS=$(GTEST_SHARDS) GTEST_SHARD_INDEX=$$i timeout -k 10 $(TEST_TIMEOUT) $(1) \
      --gtest_output=xml:$(RESULTS)/$(2)-$$i.xml $(GTEST_ARGS) >$(RESULTS)/$(2)-$$i.log 2>&1 &
    pids+=($$!)
  done
  failed=0
  for ((i = 0; i < $(GTEST_SHARDS); i++)); do
    if wait "$${pids[$$i]}"; then
      grep -E '^\[  (PASSED|SKIPPED) ' $(RESULTS)/$(2)-$$i.log | sed "s/^/  shard $$i: /" || true
    else
      failed=1
      echo "==> $(1): shard $$i of $(GTEST_SHARDS) failed; its output:" >&2
      cat $(RESULTS)/$(2)-$$i.log >&2
    fi
  done
  [[ $$failed -eq 0 ]]
fi
endef

# $(call require_postgres_ran,<report name>): fail unless the reports show
# PostgreSQL-parametrized tests that ran, none skipped (a second guard besides
# COVET_REQUIRE_POSTGRES, which the test support honours).
define require_postgres_ran
scripts/test-summary.py --require '/postgresql$$' $$(if [[ $(GTEST_SHARDS) -le 1 ]]; then echo $(RESULTS)/$(1).xml; else echo $(RESULTS)/$(1)-*.xml; fi)
endef

all: build

deps:
	@scripts/install-deps.sh

# --- build/: clang++-19, the plugin, the runtime, the examples ---------------
# What a user builds and installs; the suites live in build-asan/ (below).

configure: deps
	@$(call configure,$(B),-DCMAKE_CXX_COMPILER=$(CLANGXX) $(CMAKE_COMMON) -DCOVET_BUILD_TESTS=OFF -DCOVET_BUILD_EXAMPLES=ON -DCOVET_WERROR=$(WERROR))

build: configure
	cmake --build $(B) -j$(JOBS)

demo: configure
	cmake --build $(B) -j$(JOBS) --target covet_example_library covet_example_blog covet_example_inheritance covet_example_trees covet_example_generic
	echo "==> $(B)/examples/library/covet_example_library"
	$(B)/examples/library/covet_example_library
	echo "==> $(B)/examples/blog/covet_example_blog"
	$(B)/examples/blog/covet_example_blog
	echo "==> $(B)/examples/inheritance/covet_example_inheritance"
	$(B)/examples/inheritance/covet_example_inheritance
	echo "==> $(B)/examples/trees/covet_example_trees"
	$(B)/examples/trees/covet_example_trees
	echo "==> $(B)/examples/generic/covet_example_generic"
	$(B)/examples/generic/covet_example_generic

# --- tests --------------------------------------------------------------------

test: test-reset check gcc-check fuzz-regression
	@secs=$$(( $$(date +%s) - $$(cat $(RESULTS)/.start) ))
	echo "==> all tests passed in $$((secs / 60))m$$((secs % 60))s"
	scripts/test-summary.py $(RESULTS)/*.xml

test-reset:
	@rm -rf $(RESULTS)
	mkdir -p $(RESULTS)
	date +%s >$(RESULTS)/.start

check: gtest lit consumer gcc-flow docs-check

# --- build-asan/: the suites, clang++-19, AddressSanitizer + UBSan ------------
# The one build of the suites: they run once, on both backends, with the
# runtime, the generated metadata and the tests all instrumented. (-O1 keeps
# the instrumented runtime quick to build, and line tables are all the
# sanitizers' reports need, and full debug info makes compiling and linking
# the suites slower; the suites' own sources compile at -O0:
# docs/testing.md.) The fuzz replay programs live here too.

configure-asan: configure
	@$(call configure,$(B_ASAN),-DCMAKE_CXX_COMPILER=$(CLANGXX) $(CMAKE_COMMON) -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DCOVET_BUILD_TESTS=ON -DCOVET_BUILD_EXAMPLES=OFF -DCOVET_WERROR=$(WERROR) -DCOVET_SANITIZE=ON -DCOVET_BUILD_FUZZ_REPLAY=ON $(CMAKE_REUSE_PLUGIN))

# The server lives as long as this recipe: stopped on success, failure or ^C.
gtest: configure-asan
	@cmake --build $(B) -j$(JOBS) --target covet_plugin
	cmake --build $(B_ASAN) -j$(JOBS) --target covet_tests
	export ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=1
	export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
	$(start_postgres)
	$(call run_gtest,$(B_ASAN)/test/covet_tests,gtest)
	$(call require_postgres_ran,gtest)

asan: gtest

# plugin/CMakeLists.txt defines check-lit (lit.py with the plugin's params);
# LIT_OPTS adds a JUnit report to its command line.
lit: configure
	@mkdir -p $(RESULTS)
	echo "==> lit-tests"
	LIT_OPTS="--xunit-xml-output=$(RESULTS)/lit.xml $${LIT_OPTS:-}" \
	  cmake --build $(B) -j$(JOBS) --target check-lit

# Install to a temp prefix, then build and run test/consumer against it, with
# the default compiler, the way a user's project would.
consumer: build
	@tmp=$$(mktemp -d /tmp/covet-consumer.XXXXXX)
	trap 'rm -rf "$$tmp"' EXIT
	echo "==> cmake --install $(B) --prefix $$tmp/_install"
	cmake --install $(B) --prefix "$$tmp/_install" >"$$tmp/install.log" ||
	  { cat "$$tmp/install.log"; exit 1; }
	echo "==> test/consumer: find_package(Covet) from $$tmp/_install"
	cmake -S test/consumer -B "$$tmp/build" -DCMAKE_BUILD_TYPE=Release \
	  -DCMAKE_PREFIX_PATH="$$tmp/_install" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
	  >"$$tmp/configure.log" || { cat "$$tmp/configure.log"; exit 1; }
	cmake --build "$$tmp/build" -j$(JOBS)
	"$$tmp/build/consumer"
	# covet_add_models(... GRAPH): the drawings, and the SVG when Graphviz is here.
	grep -q '"::Book":"m_author" -> "::Author"' "$$tmp/build/covet_models/consumer.covet.dot"
	grep -q '^erDiagram' "$$tmp/build/covet_models/consumer.covet.mmd"
	if command -v dot >/dev/null; then grep -q '<svg' "$$tmp/build/covet_models/consumer.covet.svg"; fi
	echo "==> consumer: OK"

# The README's GCC flow: install to a temp prefix, then test/gcc-flow/run.sh
# builds that project with $(GXX) (each source checked by the plugin), runs
# it, rebuilds it to show nothing is checked again, and builds a copy with a
# lookup typo, which must fail with the plugin's diagnostic.
gcc-flow: build
	@tmp=$$(mktemp -d /tmp/covet-gcc-flow.XXXXXX)
	trap 'rm -rf "$$tmp"' EXIT
	echo "==> cmake --install $(B) --prefix $$tmp/_install"
	cmake --install $(B) --prefix "$$tmp/_install" >"$$tmp/install.log" ||
	  { cat "$$tmp/install.log"; exit 1; }
	test/gcc-flow/run.sh "$$tmp/_install" "$$tmp/work" "$(GXX)" "$(JOBS)"

# Every C++ block of the docs is compiled and run, so a page cannot drift from
# the API it documents.
docs-check: build
	@mkdir -p $(RESULTS)
	echo "==> doc snippets (README.md, docs/*.md)"
	scripts/doc-snippets.py --plugin "$$(cat $(PLUGIN_PATH_FILE))" --include include \
	  --lib $(B)/runtime/libcovet.a --out $(B)/doc-snippets --cxx $(GXX) -j $(JOBS) \
	  --junit $(RESULTS)/doc-snippets.xml README.md docs/*.md

# --- build-gcc/: GCC 12, warnings as errors ------------------------------------
# The runtime, the examples and the metadata the plugin generates for every
# test model (COVET_BUILD_TEST_MODELS: the shapes no example has) compile
# warning-free with GCC 12; -O1 turns on its flow-based warnings
# (maybe-uninitialized, null dereference) at less compile time than -O2.
# Nothing here runs: the suites ran in build-asan/, and gcc-flow and
# docs-check have already built and run user programs with g++. (Compiling
# the suites' sources again with GCC took 16 of the 44 minutes of
# `make test` on two cores.)

configure-gcc: configure
	@$(call configure,$(B_GCC),-DCMAKE_CXX_COMPILER=$(GXX) $(CMAKE_COMMON) -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1" -DCOVET_BUILD_TESTS=OFF -DCOVET_BUILD_TEST_MODELS=ON -DCOVET_BUILD_EXAMPLES=ON -DCOVET_WERROR=$(WERROR) $(CMAKE_REUSE_PLUGIN))

gcc-check: configure-gcc
	@cmake --build $(B) -j$(JOBS) --target covet_plugin
	cmake --build $(B_GCC) -j$(JOBS)
	echo "==> $(B_GCC): the runtime, the examples and the test models' metadata build warning-free with $(GXX)"

# --- build-bench/: the benchmark (bench/, docs/performance.md) ------------------
# Release, like an application's build; the server listens on 127.0.0.1 so
# PostgreSQL is measured over TCP loopback. A server that does not start is
# not an error here: covet_bench then skips that target and says so.

configure-bench: configure
	@$(call configure,$(B_BENCH),-DCMAKE_CXX_COMPILER=$(CLANGXX) -DCMAKE_BUILD_TYPE=Release -DCOVET_BUILD_TESTS=OFF -DCOVET_BUILD_EXAMPLES=OFF -DCOVET_BUILD_BENCH=ON -DCOVET_WERROR=$(WERROR) $(CMAKE_REUSE_PLUGIN))

bench: configure-bench
	@scripts/install-deps.sh --bench
	cmake --build $(B) -j$(JOBS) --target covet_plugin
	cmake --build $(B_BENCH) -j$(JOBS) --target covet_bench covet_tree_bench covet_memory_bench
	out=$(CURDIR)/$(B_BENCH)/bench-results
	rm -rf "$$out" && mkdir -p "$$out"
	pgdir=$$(mktemp -d /tmp/covet-pg.XXXXXX)
	trap 'scripts/pg-test-server.sh stop "$$pgdir" >/dev/null || true; rm -rf "$$pgdir"' EXIT
	trap 'exit 130' INT TERM HUP
	if url=$$(COVET_PG_TCP=1 COVET_PG_PORT=$(BENCH_PG_PORT) scripts/pg-test-server.sh start "$$pgdir"); then
	  export COVET_BENCH_POSTGRES_URL=$$url
	  echo "==> PostgreSQL server: $$url"
	else
	  echo "==> the PostgreSQL server did not start (see below); benchmarking SQLite only" >&2
	  cat "$$pgdir/log" >&2 || true
	fi
	echo "==> $(B_BENCH)/bench/covet_bench"
	$(B_BENCH)/bench/covet_bench --table_out="$$out/covet.json" \
	  --benchmark_out="$$out/google-benchmark.json" --benchmark_out_format=json $(BENCH_ARGS)
	if $(PYTHON) -c 'import django' 2>/dev/null; then
	  echo "==> bench/django/django_bench.py (Django $$($(PYTHON) -c 'import django; print(django.get_version())'))"
	  $(PYTHON) bench/django/django_bench.py --out "$$out/django.json"
	  echo "==> Covet, hand-written code and Django ($$out)"
	  $(PYTHON) bench/compare.py "$$out/covet.json" "$$out/django.json"
	else
	  echo "==> $(PYTHON) has no Django (apt-get install python3-django): no Django column"
	fi
	echo "==> $(B_BENCH)/bench/covet_memory_bench (peak memory of 1,000,000 users)"
	$(B_BENCH)/bench/covet_memory_bench | tee "$$out/memory.md"
	echo "==> $(B_BENCH)/bench/covet_tree_bench (the trees rows)"
	$(B_BENCH)/bench/covet_tree_bench --out="$$out/trees.json" $(BENCH_TREES_ARGS)
	if $(PYTHON) -c 'import django, treebeard, mptt' 2>/dev/null; then
	  echo "==> bench/django/trees_bench.py (treebeard $$($(PYTHON) -c 'import treebeard; print(treebeard.__version__)'), mptt $$($(PYTHON) -c 'import mptt; print(".".join(mptt.VERSION))'))"
	  $(PYTHON) bench/django/trees_bench.py --out "$$out/trees-django.json"
	  $(PYTHON) bench/compare_trees.py "$$out/trees.json" "$$out/trees-django.json"
	else
	  echo "==> $(PYTHON) lacks django-treebeard or django-mptt (apt-get install python3-django-treebeard python3-django-mptt): no peers' columns"
	  $(PYTHON) bench/compare_trees.py "$$out/trees.json"
	fi

# --- build-fuzz/: the libFuzzer targets (fuzz/, docs/testing.md) ---------------
# Its own CMake project (fuzz/CMakeLists.txt): the runtime is compiled again
# with coverage instrumentation and ASan + UBSan; -O1 as in build-gcc/.

configure-fuzz: configure
	@$(call configure,$(B_FUZZ),-DCMAKE_CXX_COMPILER=$(CLANGXX) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DCOVET_PLUGIN="$$(cat $(PLUGIN_PATH_FILE))",fuzz)

fuzz-build: configure-fuzz
	@cmake --build $(B) -j$(JOBS) --target covet_plugin
	cmake --build $(B_FUZZ) -j$(JOBS)

# Each target over its committed corpus, once (fast): crashes found earlier
# stay fixed. A JUnit report joins the others for the closing summary. The
# inputs replay through build-asan/'s ASan + UBSan programs (fuzz/replay.cmake):
# no further compile of the runtime, as build-fuzz/ would be. The libFuzzer
# build replays them too: make fuzz-regression-libfuzzer.
fuzz-regression: configure-asan
	@cmake --build $(B) -j$(JOBS) --target covet_plugin
	cmake --build $(B_ASAN) -j$(JOBS) --target query_replay url_replay value_replay
	mkdir -p $(RESULTS)
	export ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=1
	export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
	echo "==> fuzz targets over fuzz/corpus/ ($(B_ASAN)/fuzz: replay programs)"
	scripts/fuzz.sh regress $(B_ASAN)/fuzz $(RESULTS)/fuzz.xml

fuzz-regression-libfuzzer: fuzz-build
	@mkdir -p $(RESULTS)
	echo "==> fuzz targets over fuzz/corpus/ ($(B_FUZZ): libFuzzer)"
	scripts/fuzz.sh regress $(B_FUZZ) $(RESULTS)/fuzz.xml

fuzz: fuzz-build
	@scripts/fuzz.sh campaign $(B_FUZZ) $(FUZZ_SECONDS)

# --- docs/diagrams/: the models as pictures (docs/diagrams.md) -----------------
# name:header; the plugin writes <name>.dot and <name>.mmd, Graphviz the SVG.
DIAGRAMS := blog:examples/blog/models.hpp shop:docs/diagrams/shop.hpp \
            library:examples/library/models.hpp inheritance:examples/inheritance/models.hpp \
            trees:examples/trees/models.hpp generic:examples/generic/models.hpp

diagrams: configure
	@scripts/install-deps.sh --diagrams
	cmake --build $(B) -j$(JOBS) --target covet_plugin
	for d in $(DIAGRAMS); do
	  name=$${d%%:*} header=$${d#*:}
	  echo "==> docs/diagrams/$$name.{dot,mmd,svg} from $$header"
	  $(CLANGXX) -std=c++20 -fsyntax-only -x c++ -Wno-pragma-once-outside-header -Iinclude \
	    -fplugin="$$(cat $(PLUGIN_PATH_FILE))" \
	    -fplugin-arg-covet-emit-diagram=docs/diagrams/$$name.dot \
	    -fplugin-arg-covet-emit-diagram=docs/diagrams/$$name.mmd "$$header"
	  dot -Tsvg docs/diagrams/$$name.dot -o docs/diagrams/$$name.svg
	done

clean:
	rm -rf $(B) $(B_ASAN) $(B_GCC) $(B_BENCH) $(B_FUZZ)
