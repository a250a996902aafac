#!/usr/bin/env python3
"""Compares the diagnostics of two runs over the same source: the plugin's
(clang++-19 -fplugin=covet.so) and clang-tidy's (--load=covet-tidy.so), as
the lit tests tidy-*.cpp do, and fails with both lists when they differ.

  compare-diags.py PLUGIN_OUTPUT TIDY_OUTPUT

Each file is what the tool printed. Compared are the diagnostic lines
("file:line:col: error|warning|note: message"), as a sorted list, with
clang-tidy's check-name suffix (" [covet-models]", " [clang-diagnostic-error]")
removed and each path reduced to its file name (clang prints the path it was
given, clang-tidy an absolute one). Sorting makes the comparison
independent of the order the two tools print in (clang-tidy sorts by
location, the plugin reports rule by rule); a note stays attached to its
error by sorting on (error, note) pairs.
"""
import re
import sys

DIAG = re.compile(r"^(?P<path>.*?):(?P<line>\d+):(?P<col>\d+): (?P<level>error|warning|note): (?P<msg>.*)$")
SUFFIX = re.compile(r" \[(covet-[a-z-]+|clang-diagnostic-[a-z0-9-]+)\]$")


def groups(path):
    """The diagnostics of a tool's output: (primary, (notes...)) tuples."""
    out = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for raw in f:
            m = DIAG.match(raw.rstrip("\n"))
            if not m:
                continue
            name = m["path"].rsplit("/", 1)[-1]
            text = f"{name}:{m['line']}:{m['col']}: {m['level']}: {SUFFIX.sub('', m['msg'])}"
            if m["level"] == "note" and out:
                out[-1][1].append(text)
            else:
                out.append((text, []))
    return sorted((primary, tuple(notes)) for primary, notes in out)


def show(title, diags):
    print(f"--- {title} ({len(diags)} diagnostics)")
    for primary, notes in diags:
        print(primary)
        for n in notes:
            print("  " + n)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: compare-diags.py PLUGIN_OUTPUT TIDY_OUTPUT")
    plugin, tidy = groups(sys.argv[1]), groups(sys.argv[2])
    if plugin == tidy:
        print(f"compare-diags: the same {len(plugin)} diagnostics")
        return
    show(f"plugin ({sys.argv[1]})", plugin)
    show(f"clang-tidy ({sys.argv[2]})", tidy)
    only_plugin = [d for d in plugin if d not in tidy]
    only_tidy = [d for d in tidy if d not in plugin]
    show("only in the plugin's", only_plugin)
    show("only in clang-tidy's", only_tidy)
    sys.exit("compare-diags: the diagnostics differ")


if __name__ == "__main__":
    main()
