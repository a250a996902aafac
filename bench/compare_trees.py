#!/usr/bin/python3
"""Prints the trees rows: Covet, hand-written SQL, treebeard and mptt side by side.

    bench/compare_trees.py trees.json [trees-django.json]

trees.json is covet_tree_bench --out (Covet's side and the hand-written
side); trees-django.json is
bench/django/trees_bench.py --out (treebeard AL, treebeard NS, mptt). One
line per row and target; each cell is the median time of one run and the
statements it sent (those that read, write or lock: BEGIN, COMMIT,
SAVEPOINT and RELEASE are counted on no side). The goal column compares Covet with the peers of the same
kind (AL: treebeard AL; NS: treebeard NS and mptt): PASS when Covet sent fewer
statements than each (or one, where the peer sent one too: the fewest
possible) and was faster than each. Notes under the table flag a
read whose ids differ from the hand-written code's, a write that left a
malformed tree, and errors.
"""

import json
import sys

SIDES = [
    ("covet-al", "Covet AL"), ("raw-al", "hand-written AL"), ("treebeard-al", "treebeard AL"),
    ("covet-ns", "Covet NS"), ("raw-ns", "hand-written NS"), ("treebeard-ns", "treebeard NS"), ("mptt", "mptt"),
]
PEERS = {"al": ["treebeard-al"], "ns": ["treebeard-ns", "mptt"]}
ROWS = ["descendants", "ancestors", "add_child", "move", "delete"]
TITLES = {
    "descendants": "descendants of a depth-2 node (1,110)",
    "ancestors": "ancestors of a leaf (5)",
    "add_child": "add_child under 1,110 descendants",
    "move": "move a subtree of 1,111 nodes",
    "delete": "delete a subtree of 1,111 nodes",
}
TARGETS = ["sqlite-memory", "sqlite-wal", "postgresql"]


def fmt_time(seconds):
    if seconds is None:
        return "error"
    if seconds < 1e-3:
        return "%.1f µs" % (seconds * 1e6)
    if seconds < 1:
        return "%.2f ms" % (seconds * 1e3)
    return "%.2f s" % seconds


def goal(found, kind):
    covet = found.get("covet-" + kind)
    peers = [found[p] for p in PEERS[kind] if p in found]
    if not covet or not peers or covet["seconds"] is None:
        return None
    misses = []
    # One statement is the fewest a row can take: where a peer also takes
    # one, "fewer" cannot be had, and equal is not a miss.
    if any(covet["statements"] >= p["statements"] and not covet["statements"] == p["statements"] == 1
           for p in peers):
        misses.append("statements")
    if any(p["seconds"] is not None and covet["seconds"] >= p["seconds"] for p in peers):
        misses.append("time")
    return kind.upper() + (" PASS" if not misses else " MISS (" + ", ".join(misses) + ")")


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    results = []
    for path in sys.argv[1:]:
        with open(path) as f:
            results += json.load(f)
    by = {(r["row"], r["target"], r["side"]): r for r in results}
    present = [(side, title) for side, title in SIDES if any(r["side"] == side for r in results)]
    header = ["row", "target"] + [title for _, title in present] + ["goal (Covet vs peers)"]
    lines, notes = [], []
    for target in TARGETS:
        for row in ROWS:
            found = {side: by[(row, target, side)] for side, _ in present if (row, target, side) in by}
            if not found:
                continue
            cells = [TITLES[row], target]
            for side, _ in present:
                r = found.get(side)
                cells.append("—" if r is None else "%s, %d" % (fmt_time(r["seconds"]), r["statements"]))
                if r is None:
                    continue
                if r.get("error"):
                    notes.append("%s on %s, %s: %s" % (row, target, side, r["error"]))
                if not r.get("checked", True):
                    notes.append("%s on %s, %s: the write left a malformed tree" % (row, target, side))
                raw = found.get("raw-" + ("ns" if side.endswith("ns") or side == "mptt" else "al"))
                if row in ("descendants", "ancestors") and raw and r["checksum"] != raw["checksum"]:
                    notes.append("%s on %s, %s: read other rows than the hand-written code (ids sum %d, not %d)"
                                 % (row, target, side, r["checksum"], raw["checksum"]))
            goals = [g for g in (goal(found, "al"), goal(found, "ns")) if g]
            cells.append(", ".join(goals) if goals else "—")
            lines.append(cells)
    if not lines:
        print("\nNo trees row ran.\n")
        return
    widths = [max(len(c) for c in column) for column in zip(header, *lines)]
    right = set(range(2, len(header) - 1))

    def show(cells):
        print("|" + "|".join(" " + (c.rjust(widths[i]) if i in right else c.ljust(widths[i])) + " "
                             for i, c in enumerate(cells)) + "|")

    print("\nTrees: median time of one run, statements sent (transaction control not counted)")
    show(header)
    print("|" + "|".join(" " + "-" * (w - 1) + ": " if i in right else " " + "-" * w + " "
                         for i, w in enumerate(widths)) + "|")
    for cells in lines:
        show(cells)
    for note in notes:
        print("\n" + note)
    print()


if __name__ == "__main__":
    main()
