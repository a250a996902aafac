# lit configuration for the Covet plugin tests.
#
# Run through CMake:   cmake --build <build> --target check-lit
# or by hand:
#   python3 /usr/lib/llvm-19/build/utils/lit/lit.py -sv \
#     --param covet_plugin=<build>/plugin/covet.so lit-tests
#
# Parameters (--param NAME=VALUE, or the environment variable in brackets):
#   covet_plugin     path of covet.so                       [COVET_PLUGIN]  (required)
#   covet_include    Covet's public include directory       [COVET_INCLUDE] (default: ../include)
#   covet_llvm_dir   LLVM 19 root (clang++, FileCheck, not)  [COVET_LLVM_DIR] (default: /usr/lib/llvm-19)
#   covet_exec_root  where test outputs go                  [COVET_LIT_EXEC_ROOT]
#                    (default: a covet-lit directory in the system temp dir)
#   covet_tidy_module  path of covet-tidy.so                [COVET_TIDY_MODULE] (optional:
#                    the tidy-*.cpp tests need it, and clang-tidy-19)
#   covet_clangd     path of covet-clangd                   [COVET_CLANGD] (optional:
#                    the clangd-*.cpp tests need it)
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

import lit.formats
import lit.util


def param(name, env, default=None):
    value = lit_config.params.get(name) or os.environ.get(env) or default
    if value is None:
        lit_config.fatal(f"set --param {name}=... (or ${env})")
    return value


config.name = "Covet plugin"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = param(
    "covet_exec_root", "COVET_LIT_EXEC_ROOT", os.path.join(tempfile.gettempdir(), "covet-lit")
)

plugin = os.path.abspath(param("covet_plugin", "COVET_PLUGIN"))
if not os.path.exists(plugin):
    lit_config.fatal(f"covet plugin not found: {plugin} (build the covet_plugin target)")
include = os.path.abspath(
    param("covet_include", "COVET_INCLUDE", os.path.join(config.test_source_root, "..", "include"))
)
llvm_dir = param("covet_llvm_dir", "COVET_LLVM_DIR", "/usr/lib/llvm-19")
llvm_bin = os.path.join(llvm_dir, "bin")

clangxx = os.path.join(llvm_bin, "clang++")
config.environment["PATH"] = os.pathsep.join([llvm_bin, config.environment.get("PATH", "")])

config.substitutions.append(("%covet_plugin", plugin))
config.substitutions.append(("%covet_include", include))
# The plugin-less compiler, for compiling emitted metadata.
config.substitutions.append(("%clangxx_noplugin", f"{clangxx} -std=c++20 -I{include}"))
# Nearly every test includes <covet/covet.hpp>, whose parse is two thirds of
# a run: it is parsed once, into a precompiled header that every %clangxx
# line loads (the tests' own #include of it then costs nothing: the header
# is #pragma once). Built with the plugin, as the tests use it. When it
# cannot be built the tests parse the header themselves, as before.
pch_flags = ""
os.makedirs(config.test_exec_root, exist_ok=True)
pch = os.path.join(config.test_exec_root, "covet.pch")
pch_build = subprocess.run(
    [clangxx, "-std=c++20", "-x", "c++-header", f"-I{include}", f"-fplugin={plugin}",
     os.path.join(include, "covet", "covet.hpp"), "-o", pch],
    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
if pch_build.returncode == 0:
    pch_flags = f" -include-pch {pch}"
else:
    lit_config.warning("covet.hpp did not precompile; each test parses it:\n" + pch_build.stdout)
# Tests that declare a stand-in covet namespace of their own (instead of
# the real headers) must not see the real one.
config.substitutions.append(("%clangxx_standin", f"{clangxx} -std=c++20 -fsyntax-only -I{include}"))
config.substitutions.append(("%clangxx", f"{clangxx} -std=c++20 -fsyntax-only -I{include}{pch_flags}"))
config.substitutions.append(("%FileCheck", os.path.join(llvm_bin, "FileCheck")))
config.substitutions.append(("%python", shlex.quote(sys.executable)))
# The IDE front ends (docs/ide.md) and the scripts that drive them.
repo_root = os.path.abspath(os.path.join(config.test_source_root, ".."))
config.substitutions.append(("%covet_ide_tests", os.path.join(repo_root, "test", "ide")))
config.substitutions.append(("%covet_examples", os.path.join(repo_root, "examples")))
clang_tidy = os.path.join(llvm_bin, "clang-tidy")
tidy_module = param("covet_tidy_module", "COVET_TIDY_MODULE", "")
if tidy_module and os.path.exists(tidy_module) and os.path.exists(clang_tidy):
    config.available_features.add("covet-tidy")
    config.substitutions.append(("%covet_tidy_module", os.path.abspath(tidy_module)))
    config.substitutions.append(("%clang_tidy", clang_tidy))
covet_clangd = param("covet_clangd", "COVET_CLANGD", "")
if covet_clangd and os.path.exists(covet_clangd):
    config.available_features.add("covet-clangd")
    config.substitutions.append(("%covet_clangd", os.path.abspath(covet_clangd)))
stock_clangd = os.path.join(llvm_bin, "clangd")
if os.path.exists(stock_clangd):
    config.available_features.add("clangd")
    config.substitutions.append(("%clangd", stock_clangd))
config.substitutions.append(("%not", os.path.join(llvm_bin, "not")))

# GCC 12, when installed: the emitted metadata must also compile with it.
gxx = shutil.which("g++-12")
if gxx:
    config.available_features.add("gxx12")
    config.substitutions.append(("%gxx12", f"{gxx} -std=c++20 -I{include}"))

# covet::NestedSetNode declares its columns (lft, rgt, tree_id, level) as
# public members: the lookups over them can be tested.
import re

with open(os.path.join(include, "covet", "nested_set.hpp"), encoding="utf-8") as header:
    if re.search(r"^\s+[A-Za-z_][\w:<>]*\s+lft\s*[,;={]", header.read(), re.MULTILINE):
        config.available_features.add("nested-set-columns")
