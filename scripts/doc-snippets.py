#!/usr/bin/env python3
"""doc-snippets.py -- compile and run every C++ snippet of the documentation.

Docs rot when nothing builds them. This script makes every ```cpp block of
README.md and docs/*.md part of a program that is compiled (the models through
the Covet plugin, the rest with g++ -Wall -Wextra -Werror, as a user's GCC
build would) and run on an in-memory SQLite database.

Each ```cpp block is preceded by a marker comment that says what it is
(an unmarked block is an error, so a new snippet cannot slip past):

  <!-- doctest: models -->     top-level declarations (models, helper
                               functions, `inline` as in any header): the
                               page's model header, which the plugin checks
                               and emits metadata for, and g++ -Werror then
                               compiles (in main.cpp, even with nothing to run)
  <!-- doctest: run -->        statements, run in order in one main() per
                               page, in one scope: a later block may use what
                               an earlier one declared, as a reader would
  <!-- doctest: run throws=covet::RestrictedError -->
                               statements that must throw that error type
                               (in a scope of their own)
  <!-- doctest: compile -->    statements that must compile but are not run
                               (they need a server, a file, ...)
  <!-- doctest: program -->    a whole main.cpp; it may #include "models.hpp"
                               (the page's model header); compiled and run
  <!-- doctest: error REGEX --> a header the plugin must reject with a
                               diagnostic matching REGEX; the block is the
                               whole header (after the prelude's includes):
                               its own models, and functions whose lookup
                               strings the plugin checks. Every error the
                               plugin reports must be matched by a REGEX, so
                               the example shows the errors the page quotes
                               and nothing else
  <!-- doctest: fails REGEX --> statements that must not compile with g++; the
                               compiler output must match REGEX
  <!-- doctest: error          several diagnostics (errors and notes), one
  REGEX                        REGEX a line up to `-->`: each must match the
  REGEX                        output (`fails` takes this form too; on one
  -->                          line, and in a hidden block's first line:
                               REGEX && REGEX)
  <!-- doctest: excerpt PATH --> lines of a file of the repository that its own
                               build compiles and runs (a test of the suite):
                               each code line of the block (comments and blank
                               lines aside) must be a line of PATH, in order
  <!-- doctest: skip REASON --> not compiled (not C++: a synopsis); a reason
                               is required

A REGEX cannot hold `-->` (it would end the comment); write `-->` as `-{2}>`.

Code a page needs but does not show goes in a hidden block, an HTML comment
whose first line is `<!-- doctest-hidden: KIND` (any kind above) and whose
following lines, up to `-->`, are the code.

Usage: doc-snippets.py --plugin covet.so --include include/ --lib libcovet.a
                       --out build/doc-snippets [-j N] [--cxx g++]
                       [--junit report.xml] FILE.md...
Exit status 0 when every snippet behaved as marked; the failures are printed
with the page and line of the block.
"""

import argparse
import concurrent.futures
import os
import re
import shlex
import subprocess
import sys
import textwrap

MARKER = re.compile(r"^\s*<!--\s*doctest:\s*(\w+)\s*(.*?)\s*-->\s*$")
# <!-- doctest: error (alone on its line), then one REGEX a line up to -->.
MARKER_OPEN = re.compile(r"^\s*<!--\s*doctest:\s*(error|fails)\s*$")
HIDDEN = re.compile(r"^\s*<!--\s*doctest-hidden:\s*(\w+)\s*(.*?)\s*$")
FENCE = re.compile(r"^\s*```(\S*)")
KINDS = {"models", "run", "compile", "program", "error", "fails", "excerpt", "skip"}
# <!-- doctest: uses other.md --> (a line of its own): the page's examples use
# the models declared on another page; its models blocks come first.


class Block:
    def __init__(self, page, line, kind, arg, code, patterns=None):
        self.page, self.line, self.kind, self.arg, self.code = page, line, kind, arg, code
        # error / fails: the regexes the compiler's output must match.
        self.patterns = patterns if patterns is not None else ([a for a in arg.split(" && ") if a] if arg else [])

    def where(self):
        return f"{self.page}:{self.line}"


def parse(path):
    """The page's blocks, in order, and the problems found parsing it."""
    blocks, problems = [], []
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    pending = None  # (kind, arg, line, patterns) of the last marker
    while i < len(lines):
        line = lines[i]
        opened = MARKER_OPEN.match(line)
        if opened:
            j = i + 1
            while j < len(lines) and lines[j].strip() != "-->":
                j += 1
            patterns = [p.strip() for p in lines[i + 1:j] if p.strip()]
            if j == len(lines) or not patterns:
                problems.append(f"{path}:{i + 1}: 'doctest: {opened.group(1)}' on a line of its own needs "
                                f"one REGEX a line, then '-->' on a line of its own")
            pending = (opened.group(1), " && ".join(patterns), i + 1, patterns)
            i = j + 1
            continue
        hidden = HIDDEN.match(line)
        if hidden and not MARKER.match(line):
            kind, arg = hidden.group(1), hidden.group(2)
            start = i + 1
            j = start
            while j < len(lines) and "-->" not in lines[j]:
                j += 1
            if kind not in KINDS:
                problems.append(f"{path}:{i + 1}: unknown doctest kind '{kind}'")
            else:
                blocks.append(Block(path, i + 1, kind, arg, "\n".join(lines[start:j])))
            i = j + 1
            continue
        marker = MARKER.match(line)
        if marker and marker.group(1) == "uses":
            other = os.path.join(os.path.dirname(path), marker.group(2))
            if not os.path.exists(other):
                problems.append(f"{path}:{i + 1}: 'doctest: uses' names {other}, which does not exist")
            else:
                for b in parse(other)[0]:
                    if b.kind == "models":
                        blocks.append(b)
            i += 1
            continue
        if marker:
            pending = (marker.group(1), marker.group(2), i + 1, None)
            i += 1
            continue
        fence = FENCE.match(line)
        if fence:
            lang = fence.group(1)
            start = i + 1
            j = start
            while j < len(lines) and not FENCE.match(lines[j]):
                j += 1
            if lang in ("cpp", "c++"):
                if pending is None:
                    problems.append(f"{path}:{i + 1}: ```cpp block without a <!-- doctest: ... --> marker "
                                    f"on the line before it (see scripts/doc-snippets.py)")
                else:
                    kind, arg, _, patterns = pending
                    if kind not in KINDS:
                        problems.append(f"{path}:{i + 1}: unknown doctest kind '{kind}'")
                    elif kind == "skip" and not arg:
                        problems.append(f"{path}:{i + 1}: 'doctest: skip' needs a reason")
                    else:
                        blocks.append(Block(path, i + 1, kind, arg, "\n".join(lines[start:j]), patterns))
            pending = None
            i = j + 1
            continue
        if line.strip():
            pending = None
        i += 1
    return blocks, problems


PRELUDE = """\
// Generated by scripts/doc-snippets.py from {page}; do not edit.
#include <covet/covet.hpp>
#include <cassert>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <optional>
#include <string>
#include <vector>
"""


def line_directive(block):
    return f'#line {block.line + 1} "{os.path.abspath(block.page)}"\n'


class Page:
    def __init__(self, path, blocks, args):
        self.path, self.blocks, self.args = path, blocks, args
        stem = os.path.relpath(path).replace(os.sep, "_").replace(".md", "")
        self.dir = os.path.join(args.out, stem)
        os.makedirs(self.dir, exist_ok=True)
        self.failures = []
        self.count = 0
        self.models_ok = None  # set by check_main(): the page's header went through the plugin

    def run(self, cmd, what, block=None, expect_fail=False, patterns=(), every_error=False, cwd=None,
            timeout=300):
        """Runs cmd; True when it behaved as the page says. With expect_fail, the
        output must match every pattern, and with every_error each error line
        of it must match one of them."""
        try:
            p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)
            out, rc = p.stdout + p.stderr, p.returncode
        except subprocess.TimeoutExpired:
            out, rc = f"timed out after {timeout} s", -1
        where = block.where() if block else self.path
        if expect_fail:
            if rc == 0:
                self.failures.append(f"{where}: {what} succeeded, but the page says it fails")
                return False
            missing = [p for p in patterns if not re.search(p, out, re.M)]
            if missing:
                self.failures.append(f"{where}: {what} failed, but not with "
                                     + ", ".join(f"/{p}/" for p in missing) + f":\n{out}")
                return False
            if every_error:
                unexpected = [l for l in out.splitlines()
                              if re.search(r"(^|: )(fatal )?error: ", l) and not any(re.search(p, l) for p in patterns)]
                if unexpected:
                    self.failures.append(f"{where}: {what} reports errors the page does not show:\n  "
                                         + "\n  ".join(unexpected) + f"\n{out}")
                    return False
            return True
        if rc != 0:
            self.failures.append(f"{where}: {what} failed ({' '.join(shlex.quote(c) for c in cmd)}):\n{out}")
            return False
        return True

    def plugin(self, header, emit=None, block=None, expect_fail=False, patterns=()):
        wrap = header + ".wrap.hpp"
        with open(wrap, "w") as f:
            f.write(f'#include "{os.path.abspath(header)}"\n')
        cmd = [self.args.clang, "-std=c++20", "-fsyntax-only", "-x", "c++", f"-I{self.args.include}",
               f"-fplugin={self.args.plugin}"]
        if emit:
            cmd.append(f"-fplugin-arg-covet-emit={emit}")
        cmd.append(wrap)
        return self.run(cmd, "the Covet plugin", block, expect_fail, patterns, every_error=expect_fail)

    def compile(self, sources, exe, block=None, expect_fail=False, patterns=()):
        cmd = [self.args.cxx, "-std=c++20", "-O0", "-Wall", "-Wextra", "-Werror", "-Wno-attributes=covet::",
               "-Wno-missing-field-initializers",
               # A snippet shows a value without always using it.
               "-Wno-unused-variable", "-Wno-unused-but-set-variable", "-Wno-unused-function",
               f"-I{self.args.include}", f"-I{self.dir}"]
        if expect_fail:
            cmd += ["-fsyntax-only"] + sources
        else:
            cmd += sources + [self.args.lib] + self.args.libs + ["-o", exe]
        return self.run(cmd, "compiling", block, expect_fail, patterns)

    def tasks(self):
        """The page's checks, as independent jobs for the pool: the page's
        program (models, then every run / compile block), and each error,
        excerpt and fails block. A program or fails block waits for the
        page's models (check_main runs first, see main())."""
        models = [b for b in self.blocks if b.kind == "models"]
        needs_models = models or any(b.kind in ("run", "compile", "program", "fails") for b in self.blocks)
        self.count = (len(models) if needs_models else 0) + sum(
            1 for b in self.blocks if b.kind in ("run", "compile", "program", "error", "fails", "excerpt"))
        first = [self.check_main] if needs_models else []
        later = []
        for i, b in enumerate(self.blocks):
            if b.kind == "program":
                later.append(lambda i=i, b=b: self.check_program(i, b))
            elif b.kind == "fails":
                later.append(lambda i=i, b=b: self.check_fails(i, b))
            elif b.kind == "error":
                first.append(lambda i=i, b=b: self.check_error(i, b))
            elif b.kind == "excerpt":
                first.append(lambda b=b: self.check_excerpt(b))
        return first, later

    def check_main(self):
        models = [b for b in self.blocks if b.kind == "models"]
        header = os.path.join(self.dir, "models.hpp")
        with open(header, "w") as f:
            f.write("#pragma once\n" + PRELUDE.format(page=self.path))
            for b in models:
                f.write(line_directive(b) + b.code + "\n")
        self.emitted = os.path.join(self.dir, "models.covet.cpp")
        self.models_ok = self.plugin(header, self.emitted)
        if not self.models_ok:
            return

        # One main() with every run / compile block, in order. A page with
        # models and nothing to run still gets it: g++ -Werror sees the models.
        body = []
        n = 0
        for b in self.blocks:
            if b.kind == "run" and not b.arg:
                body.append(line_directive(b) + b.code)
            elif b.kind == "run":
                m = re.fullmatch(r"throws=(\S+)", b.arg)
                if not m:
                    self.failures.append(f"{b.where()}: 'doctest: run' takes nothing or throws=<type>")
                    continue
                n += 1
                body.append(f"{{ bool threw_{n} = false;\ntry {{\n{line_directive(b)}{b.code}\n}} "
                            f"catch (const {m.group(1)}&) {{ threw_{n} = true; }}\n"
                            f"if (!threw_{n}) {{ std::cerr << \"{b.where()}: expected {m.group(1)}\\n\"; return 1; }} }}")
            elif b.kind == "compile":
                body.append(f"if (doc_snippets_never) {{\n{line_directive(b)}{b.code}\n}}")
        main = os.path.join(self.dir, "main.cpp")
        with open(main, "w") as f:
            f.write(PRELUDE.format(page=self.path) + '#include "models.hpp"\n\n')
            f.write("[[maybe_unused]] static volatile bool doc_snippets_never = false;\n\n")
            # Hidden blocks check what the page claims with doc_expect(cond, "what").
            f.write("[[maybe_unused]] static void doc_expect(bool ok, const char* what) {\n"
                    "  if (!ok) throw std::runtime_error(std::string(\"the page's claim does not hold: \") + what);\n}\n\n")
            f.write("int main() {\n  try {\n")
            f.write("\n".join(body))
            f.write("\n  } catch (const std::exception& e) {\n"
                    f"    std::cerr << \"{self.path}: a snippet threw: \" << e.what() << '\\n';\n"
                    "    return 1;\n  }\n  return 0;\n}\n")
        exe = os.path.join(self.dir, "main")
        if self.compile([main, self.emitted], exe):
            self.run([exe], "running the page's snippets", cwd=self.dir, timeout=120)

    def check_program(self, i, b):
        if not self.models_ok:
            return
        src = os.path.join(self.dir, f"program{i}.cpp")
        with open(src, "w") as f:
            f.write(line_directive(b) + b.code + "\n")
        exe = os.path.join(self.dir, f"program{i}")
        if self.compile([src, self.emitted], exe, b):
            self.run([exe], "running the program", b, cwd=self.dir, timeout=120)

    def check_error(self, i, b):
        if not b.patterns:
            self.failures.append(f"{b.where()}: 'doctest: error' needs the expected diagnostic (a regex)")
            return
        bad = os.path.join(self.dir, f"error{i}.hpp")
        with open(bad, "w") as f:
            f.write(PRELUDE.format(page=self.path) + line_directive(b) + b.code + "\n")
        self.plugin(bad, None, b, expect_fail=True, patterns=b.patterns)

    def check_fails(self, i, b):
        if not self.models_ok:
            return
        src = os.path.join(self.dir, f"fails{i}.cpp")
        with open(src, "w") as f:
            f.write(PRELUDE.format(page=self.path) + '#include "models.hpp"\n\n')
            f.write(f"void doc_snippet(covet::Database& db) {{\n{line_directive(b)}{b.code}\n}}\n")
        self.compile([src], None, b, expect_fail=True, patterns=b.patterns)

    def check_excerpt(self, b):
        """The block's code lines (comments and blank lines aside) appear, in
        order, in the named file of the repository, which its own build
        compiles and runs (a test-suite excerpt)."""
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", b.arg)
        if not b.arg or not os.path.isfile(path):
            self.failures.append(f"{b.where()}: 'doctest: excerpt' names '{b.arg}', which is not a file of the repository")
            return
        def code_of(line):
            return re.sub(r"(^|\s)//.*$", "", line).strip()

        source = [code_of(l) for l in open(path, encoding="utf-8").read().split("\n")]
        at = 0
        for line in b.code.split("\n"):
            code = code_of(line)
            if not code:
                continue
            try:
                at = source.index(code, at) + 1
            except ValueError:
                self.failures.append(f"{b.where()}: '{code}' is not in {b.arg} (after the lines before it)")
                return


def write_junit(path, problems, pages):
    from xml.sax.saxutils import escape, quoteattr
    cases = []
    for p in pages:
        body = "".join(f"<failure message={quoteattr(f.splitlines()[0])}>{escape(f)}</failure>" for f in p.failures)
        cases.append(f'<testcase classname="doc-snippets" name={quoteattr(p.path)}>{body}</testcase>')
    for f in problems:
        cases.append(f'<testcase classname="doc-snippets" name={quoteattr(f.split(": ")[0])}>'
                     f"<failure message={quoteattr(f)}>{escape(f)}</failure></testcase>")
    failed = sum(1 for p in pages if p.failures) + len(problems)
    with open(path, "w") as out:
        out.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuites><testsuite name="doc-snippets" '
                  f'tests="{len(cases)}" failures="{failed}">{"".join(cases)}</testsuite></testsuites>\n')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--include", required=True)
    ap.add_argument("--lib", required=True, help="libcovet.a")
    ap.add_argument("--out", required=True)
    ap.add_argument("--cxx", default="g++")
    ap.add_argument("--clang", default="clang++-19")
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--junit", help="write a JUnit XML report: one test case per page")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    args.include = os.path.abspath(args.include)
    args.plugin = os.path.abspath(args.plugin)
    args.lib = os.path.abspath(args.lib)
    args.out = os.path.abspath(args.out)
    args.libs = subprocess.run(["pkg-config", "--libs", "sqlite3", "libpq"], capture_output=True,
                               text=True, check=True).stdout.split() + ["-lpthread"]

    problems, pages = [], []
    for path in args.files:
        blocks, found = parse(path)
        problems += found
        if blocks:
            pages.append(Page(path, blocks, args))
    # Every page's program and error blocks at once, then what needs a page's
    # models (program and fails blocks): one pool of args.j jobs.
    first, later = [], []
    for page in pages:
        f, l = page.tasks()
        first += f
        later += l
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.j)) as pool:
        list(pool.map(lambda task: task(), first))
        list(pool.map(lambda task: task(), later))
    failures = problems + [f for p in pages for f in p.failures]
    total = sum(p.count for p in pages)
    for f in failures:
        print(textwrap.indent(f, "  ").lstrip(), file=sys.stderr)
    if args.junit:
        write_junit(args.junit, problems, pages)
    print(f"doc snippets: {total} checked in {len(pages)} pages, {len(failures)} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
