#!/usr/bin/env python3
"""A small LSP client that checks what clangd (covet-clangd, or Debian's
clangd-19) publishes for C++ files, the way an editor would see it: the
lit tests clangd-*.cpp run it.

  lsp-check.py --clangd BIN --config DOC:NAME --include DIR [-I DIR]...
               (--same-as-plugin --plugin covet.so | --clean)
               [--expect TEXT]... [--cdb-compiler CXX]
               [--edit OLD=NEW --expect-after-edit TEXT...] FILE...

Each FILE is copied into a fresh temporary directory together with
  * compile_commands.json: clang++-19 -std=c++20 -fsyntax-only -I<include>
    -I<the file's own directory> -I<DIR>... (--cdb-compiler g++: the same
    command with g++, as a GCC build's database has it; the plugin still
    runs with clang++-19),
  * .clangd: the YAML block of DOC (docs/ide.md) marked
    `<!-- lsp-check: NAME -->`, so the test runs the set-up the guide gives;
clangd runs with that directory as its compile-commands directory, no
background index, and XDG_CONFIG_HOME pointing into the directory: the
user's configuration stays out, and the test's own turns off the standard
library index. The client opens each file and takes the
diagnostics clangd publishes for it (textDocument/publishDiagnostics, with
relatedInformation and codeActionsInline, clangd's inline fix-its).

--same-as-plugin: the published diagnostics must be the plugin's, as
  `clang++-19 -fplugin=covet.so -fsyntax-only -fdiagnostics-parseable-fixits`
  prints them for the same command: per error or warning in the file, one
  diagnostic with the same start (line, column), severity and message
  (clangd capitalizes the first letter of each), its notes as
  relatedInformation (location and message) and every fix-it of the error and its notes as
  the edits of its code actions (clangd turns a note with a fix-it into a
  code action named after the note). Nothing else may be published.
--clean: nothing may be published at all, and in particular no
  "unknown attribute" warning.
--expect TEXT: some published message must contain TEXT (a guard that the
  file's diagnostics are not both empty).
--edit OLD=NEW: then, as a user typing, replace the last OLD of the file
  (the code, below the test's RUN lines, which quote it too) with NEW (textDocument/didChange, unsaved): clangd must publish again, a
  message containing each --expect-after-edit TEXT, and (with
  --same-as-plugin) exactly what the plugin reports on the edited text.

clangd's include-cleaner findings (source "clangd": unused or missing
includes) are clangd's own feature, not Covet's, and are left out of both
comparisons.

Exits 0 when every file passes; else prints what differs and exits 1.
"""
import argparse
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

CLANGXX = "/usr/lib/llvm-19/bin/clang++"
TIMEOUT = 180  # seconds per file: a cold preamble of covet.hpp takes a few
SETTLE = 0.5   # seconds to wait for a later publish that replaces the first


class LspError(Exception):
    pass


def uri_of(path):
    return "file://" + urllib.parse.quote(os.path.abspath(path))


def path_of(uri):
    return urllib.request.url2pathname(urllib.parse.urlparse(uri).path)


class Client:
    """JSON-RPC over clangd's stdin/stdout (Content-Length framing)."""

    def __init__(self, argv, env, log_path):
        self.log = open(log_path, "wb")
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.log, env=env)
        self.inbox = queue.Queue()
        self.notifications = []
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            if length is None:
                continue
            self.inbox.put(json.loads(out.read(length)))

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout=TIMEOUT):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        while True:
            msg = self.receive(deadline)
            if msg.get("id") == rid and "method" not in msg:
                if "error" in msg:
                    raise LspError(f"{method}: {msg['error']}")
                return msg.get("result")
            self.handle(msg)

    def receive(self, deadline):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise LspError("timed out waiting for clangd")
        try:
            msg = self.inbox.get(timeout=remaining)
        except queue.Empty:
            raise LspError("timed out waiting for clangd") from None
        if msg is None:
            raise LspError(f"clangd exited (status {self.proc.wait()})")
        return msg

    def handle(self, msg):
        """Answers a request from the server (none is expected with the
        capabilities sent, but an unanswered one would stall it)."""
        if "id" in msg and "method" in msg:
            self.send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
        else:
            self.notifications.append(msg)

    def diagnostics_for(self, uri):
        """The last publishDiagnostics for uri, waiting for the first and
        then SETTLE seconds for a later one."""
        found = None
        deadline = time.monotonic() + TIMEOUT
        while True:
            for msg in self.notifications:
                if msg.get("method") == "textDocument/publishDiagnostics" and msg["params"]["uri"] == uri:
                    found = msg["params"]["diagnostics"]
            self.notifications = []
            if found is not None:
                break
            self.handle(self.receive(deadline))
        settle = time.monotonic() + SETTLE
        while True:
            try:
                msg = self.receive(settle)
            except LspError:
                if self.proc.poll() is not None:
                    raise
                return found
            if msg.get("method") == "textDocument/publishDiagnostics" and msg["params"]["uri"] == uri:
                found = msg["params"]["diagnostics"]
            else:
                self.handle(msg)

    def close(self):
        try:
            self.request("shutdown", None, timeout=30)
            self.notify("exit", None)
            self.proc.wait(timeout=30)
        except (LspError, OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        self.log.close()


def config_block(spec):
    """The ```yaml block that follows `<!-- lsp-check: NAME -->` in DOC."""
    doc, _, name = spec.rpartition(":")
    text = open(doc, encoding="utf-8").read()
    m = re.search(r"<!-- lsp-check: " + re.escape(name) + r" -->\s*```yaml\n(.*?)```", text, re.S)
    if not m:
        sys.exit(f"lsp-check: no `<!-- lsp-check: {name} -->` yaml block in {doc}")
    return m.group(1)


# --- the plugin's diagnostics -------------------------------------------------

DIAG = re.compile(r"^(?P<path>.*?):(?P<line>\d+):(?P<col>\d+): (?P<level>error|warning|note): (?P<msg>.*)$")
FIXIT = re.compile(r'^fix-it:"(?P<path>(?:[^"\\]|\\.)*)":\{(?P<l1>\d+):(?P<c1>\d+)-(?P<l2>\d+):(?P<c2>\d+)\}:"(?P<text>(?:[^"\\]|\\.)*)"$')


def unescape(s):
    # clang's parseable fix-its escape '"', '\\' and non-printables (as \n or
    # octal); the tests' fix-its are printable ASCII.
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), s)


def plugin_diagnostics(command, plugin, path):
    """Groups of the plugin's output for `path`: dicts with the primary
    diagnostic's position, level, message, its notes and all fix-its."""
    # (The caret lines stay on: clang prints the parseable fix-its with them.)
    argv = command + [f"-fplugin={plugin}", "-fno-color-diagnostics", "-fdiagnostics-parseable-fixits"]
    cwd = os.path.dirname(path)
    run = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=cwd)
    groups, current = [], None
    for line in run.stdout.splitlines():
        if m := DIAG.match(line):
            entry = {"file": os.path.join(cwd, m["path"]), "line": int(m["line"]) - 1,
                     "col": int(m["col"]) - 1, "message": m["msg"]}
            if m["level"] == "note" and current is not None:
                current["notes"].append(entry)
                entry["has_fix"] = False
                current["last"] = entry
            else:
                current = dict(entry, level=m["level"], notes=[], fixes=[])
                current["last"] = current
                groups.append(current)
        elif (m := FIXIT.match(line)) and current is not None:
            current["fixes"].append((int(m["l1"]) - 1, int(m["c1"]) - 1, int(m["l2"]) - 1,
                                     int(m["c2"]) - 1, unescape(m["text"])))
            current["last"]["has_fix"] = True
    return [g for g in groups if g["file"] == os.path.abspath(path)], run.stdout


def capitalize(message):
    return message[:1].upper() + message[1:]


def expected_of(group):
    return {
        "start": (group["line"], group["col"]),
        "severity": {"error": 1, "warning": 2}[group["level"]],
        "message": capitalize(group["message"]),
        "related": sorted((os.path.basename(n["file"]), n["line"], n["col"], capitalize(n["message"]))
                          for n in group["notes"] if not n["has_fix"]),
        "fixes": sorted(group["fixes"]),
    }


FIX_COUNT = re.compile(r" \((?:fix|\d+ fixes) available\)$")


def published_of(diag):
    """The comparable parts of a published diagnostic. clangd appends
    " (fix available)" to the message of one with fixes: removed here, and
    required exactly when there are fixes."""
    fixes = []
    for action in diag.get("codeActions", []):
        for edits in action.get("edit", {}).get("changes", {}).values():
            for e in edits:
                r = e["range"]
                fixes.append((r["start"]["line"], r["start"]["character"], r["end"]["line"],
                              r["end"]["character"], e["newText"]))
    related = []
    for info in diag.get("relatedInformation", []):
        loc = info["location"]
        related.append((os.path.basename(path_of(loc["uri"])), loc["range"]["start"]["line"],
                        loc["range"]["start"]["character"], info["message"]))
    message = FIX_COUNT.sub("", diag["message"])
    if (message != diag["message"]) != bool(fixes):
        message = diag["message"] + " [the fix count does not match the code actions]"
    return {
        "start": (diag["range"]["start"]["line"], diag["range"]["start"]["character"]),
        "severity": diag.get("severity"),
        "message": message,
        "related": sorted(related),
        "fixes": sorted(fixes),
    }


def is_include_cleaner(diag):
    return diag.get("source") == "clangd" and diag.get("code") in ("unused-includes", "missing-includes")


def describe(d):
    out = [f"  {d['start'][0] + 1}:{d['start'][1] + 1} severity {d['severity']}: {d['message']}"]
    out += [f"      note {f}:{l + 1}:{c + 1}: {m}" for f, l, c, m in d["related"]]
    out += [f"      fix {l1 + 1}:{c1 + 1}-{l2 + 1}:{c2 + 1} -> {t!r}" for l1, c1, l2, c2, t in d["fixes"]]
    return "\n".join(out)


def key(d):
    return (d["start"], d["message"])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clangd", required=True)
    ap.add_argument("--config", required=True, metavar="DOC:NAME")
    ap.add_argument("--include", required=True)
    ap.add_argument("-I", dest="includes", action="append", default=[])
    ap.add_argument("--plugin")
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--same-as-plugin", action="store_true")
    mode.add_argument("--clean", action="store_true")
    ap.add_argument("--expect", action="append", default=[])
    ap.add_argument("--cdb-compiler", default=CLANGXX)
    ap.add_argument("--edit", metavar="OLD=NEW")
    ap.add_argument("--expect-after-edit", action="append", default=[])
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    if args.same_as_plugin and not args.plugin:
        ap.error("--same-as-plugin needs --plugin")
    if args.edit and "=" not in args.edit:
        ap.error("--edit takes OLD=NEW")
    # The plugin runs from the temporary directory.
    args.plugin = args.plugin and os.path.abspath(args.plugin)

    work = tempfile.mkdtemp(prefix="covet-lsp-")
    failures = []
    try:
        with open(os.path.join(work, ".clangd"), "w", encoding="utf-8") as f:
            f.write(config_block(args.config))
        # The user configuration of this clangd: only what keeps the test
        # quick (no background index of the standard library, which a real
        # editor session would want).
        os.makedirs(os.path.join(work, "xdg", "clangd"))
        with open(os.path.join(work, "xdg", "clangd", "config.yaml"), "w", encoding="utf-8") as f:
            f.write("Index:\n  StandardLibrary: No\n")
        entries, copies = [], []
        for src in args.files:
            dst = os.path.join(work, os.path.basename(src))
            shutil.copyfile(src, dst)
            command = [CLANGXX, "-std=c++20", "-fsyntax-only", f"-I{os.path.abspath(args.include)}",
                       f"-I{os.path.dirname(os.path.abspath(src))}"]
            command += [f"-I{os.path.abspath(d)}" for d in args.includes]
            command.append(dst)
            entries.append({"directory": work, "file": dst, "arguments": [args.cdb_compiler] + command[1:]})
            copies.append((src, dst, command))
        with open(os.path.join(work, "compile_commands.json"), "w", encoding="utf-8") as f:
            json.dump(entries, f, indent=1)

        env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(work, "xdg"))
        log = os.path.join(work, "clangd.log")
        client = Client([args.clangd, f"--compile-commands-dir={work}", "--background-index=false",
                         "--log=info", "-j=2"], env, log)
        try:
            client.request("initialize", {
                "processId": os.getpid(),
                "rootUri": uri_of(work),
                "capabilities": {"textDocument": {"publishDiagnostics": {
                    "relatedInformation": True, "codeActionsInline": True}}},
            })
            client.notify("initialized", {})
            for src, dst, command in copies:
                uri = uri_of(dst)
                with open(dst, encoding="utf-8") as f:
                    text = f.read()
                started = time.monotonic()
                client.notify("textDocument/didOpen", {"textDocument": {
                    "uri": uri, "languageId": "cpp", "version": 1, "text": text}})
                published = client.diagnostics_for(uri)
                took = time.monotonic() - started - SETTLE
                name = os.path.basename(src)
                failures += report_and_check(args, name, published, took, command, dst, args.expect)
                if args.edit:
                    old, new = args.edit.split("=", 1)
                    if old not in text:
                        failures.append(f"{name}: --edit: {old!r} is not in the file")
                    else:
                        # What the editor sends on a keystroke; the plugin
                        # reads the same text from the copy.
                        head, _, tail = text.rpartition(old)
                        text = head + new + tail
                        with open(dst, "w", encoding="utf-8") as f:
                            f.write(text)
                        started = time.monotonic()
                        client.notify("textDocument/didChange", {
                            "textDocument": {"uri": uri, "version": 2},
                            "contentChanges": [{"text": text}]})
                        published = client.diagnostics_for(uri)
                        took = time.monotonic() - started - SETTLE
                        failures += report_and_check(args, f"{name} (edited)", published, took, command,
                                                     dst, args.expect_after_edit)
                client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        finally:
            client.close()
        if failures:
            print(f"lsp-check: clangd's log: {log}" + ("" if args.keep else " (removed; --keep keeps it)"))
            with open(log, encoding="utf-8", errors="replace") as f:
                tail = f.readlines()[-40:]
            print("".join("  | " + line for line in tail), end="")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"lsp-check: kept {work}")
    for f in failures:
        print("lsp-check: FAIL: " + f)
    sys.exit(1 if failures else 0)


def report_and_check(args, name, published, took, command, path, expect):
    ours = [d for d in published if not is_include_cleaner(d)]
    print(f"lsp-check: {name}: {len(ours)} diagnostics published in {took:.1f}s")
    for d in ours:
        print(describe(published_of(d)))
    return check_file(args, name, ours, command, path, expect)


def check_file(args, name, published, command, path, expect):
    failures = []
    messages = [d["message"] for d in published]
    for text in expect:
        if not any(text in m or capitalize(text) in m for m in messages):
            failures.append(f"{name}: no published message contains {text!r}")
    if args.clean:
        if published:
            failures.append(f"{name}: expected no diagnostic, got {len(published)}")
        return failures

    groups, output = plugin_diagnostics(command, args.plugin, path)
    if not groups:
        failures.append(f"{name}: the plugin reported nothing (a test of parity needs some errors):\n{output}")
    expected = sorted((expected_of(g) for g in groups), key=key)
    actual = sorted((published_of(d) for d in published), key=key)
    unmatched = list(actual)
    for e in expected:
        match = next((a for a in unmatched if key(a) == key(e)), None)
        if match is None:
            failures.append(f"{name}: the plugin's diagnostic was not published:\n{describe(e)}")
            continue
        unmatched.remove(match)
        for field in ("severity", "related", "fixes"):
            if match[field] != e[field]:
                failures.append(f"{name}: {field} differ for '{e['message']}':\n"
                                f"plugin:\n{describe(e)}\nclangd:\n{describe(match)}")
    for a in unmatched:
        failures.append(f"{name}: published, but not a diagnostic of the plugin:\n{describe(a)}")
    if not failures:
        print(f"lsp-check: {name}: the plugin's {len(expected)} diagnostics, with their notes and fix-its")
    return failures


if __name__ == "__main__":
    main()
