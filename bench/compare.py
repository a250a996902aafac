#!/usr/bin/python3
"""Prints covet_bench's table with Django's column beside it.

    bench/compare.py covet.json [django.json]

covet.json is covet_bench --table_out; django.json is
bench/django/django_bench.py --out. Without the second file (python3-django
not installed) the table has no Django column. Rows read the same way as
covet_bench's own table, plus Django's time, Django over the hand-written
code, and the statements Django sent. A Django checksum that differs from the
hand-written code's (read cases only) is flagged: the two did different work.
"""

import json
import sys


def fmt_time(seconds):
    if seconds is None:
        return "error"
    if seconds < 1e-3:
        return "%.1f µs" % (seconds * 1e6)
    if seconds < 1:
        return "%.2f ms" % (seconds * 1e3)
    return "%.2f s" % seconds


def fmt_rate(rows, seconds):
    rate = rows / seconds
    if rate >= 1e6:
        return "%.2fM rows/s" % (rate / 1e6)
    if rate >= 1e3:
        return "%.0fk rows/s" % (rate / 1e3)
    return "%.0f rows/s" % rate


def time_cell(row, seconds):
    cell = fmt_time(seconds)
    if seconds and row["rows_written"]:
        cell += ", " + fmt_rate(row["rows_written"], seconds)
    return cell


def ratio_cell(a, b):
    return "%.2fx" % (a / b) if a and b else "—"


def width(s):
    return len(s)  # str length counts code points, which is what the terminal shows


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        covet = json.load(f)
    django = {}
    if len(sys.argv) == 3:
        with open(sys.argv[2]) as f:
            django = {(d["case"], d["target"]): d for d in json.load(f)}

    header = ["case", "target", "Covet", "hand-written"]
    if django:
        header.append("Django")
    header += ["Covet/raw"]
    if django:
        header.append("Django/raw")
    header += ["goal", "result", "statements: Covet = promised (raw" + (", Django)" if django else ")")]
    right = {2, 3, 4, 5, 6} if django else {2, 3, 4}

    lines, notes = [], []
    for row in covet:
        d = django.get((row["case"], row["target"]))
        ratio = ratio_cell(row["covet_seconds"], row["raw_seconds"])
        if row["rows_written"] and row["ratio"]:
            ratio += " (%.0f%% rows/s)" % (100 / row["ratio"])
        cells = [row["title"], row["target"], time_cell(row, row["covet_seconds"]), time_cell(row, row["raw_seconds"])]
        if django:
            cells.append(time_cell(row, d["seconds"]) if d else "—")
        cells.append(ratio)
        if django:
            cells.append(ratio_cell(d["seconds"], row["raw_seconds"]) if d else "—")
        statements = "%d %s %d (raw %d" % (row["covet_statements"],
                                           "=" if row["covet_statements"] == row["promised_statements"] else "≠",
                                           row["promised_statements"], row["raw_statements"])
        statements += (", Django %d)" % d["statements"] if d else ", Django —)") if django else ")"
        cells += [row["goal"], row["result"], statements]
        lines.append(cells)
        if d and row["same_checksum"] and d["checksum"] != row["raw_checksum"]:
            notes.append("%s on %s: Django's checksum %d differs from the hand-written code's %d"
                         % (row["title"], row["target"], d["checksum"], row["raw_checksum"]))
        for side in ("covet", "raw"):
            if row[side + "_error"]:
                notes.append("%s on %s, %s: %s" % (row["title"], row["target"], side, row[side + "_error"]))

    widths = [max(width(c) for c in column) for column in zip(header, *lines)]

    def show(cells):
        out = "|"
        for i, c in enumerate(cells):
            pad = " " * (widths[i] - width(c))
            out += " " + (pad + c if i in right else c + pad) + " |"
        print(out)

    print()
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
