#!/usr/bin/env python3
"""Prints the results of a SARIF log that clang wrote with
-fdiagnostics-format=sarif, one per line, for FileCheck (lit-tests/sarif.cpp):

  <level> <file name>:<line>:<column>: <message>

clang writes the log to stderr after its own text warnings (such as
"diagnostic formatting in SARIF mode is currently unstable"), so everything
before the first '{' is skipped. Exits 1 when the log does not parse.
"""
import json
import sys


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: sarif-results.py LOG")
    text = open(sys.argv[1], encoding="utf-8").read()
    start = text.find("{")
    if start < 0:
        sys.exit(f"sarif-results: no SARIF log in {sys.argv[1]}")
    log = json.loads(text[start:text.rindex("}") + 1])
    for run in log["runs"]:
        for result in run.get("results", []):
            where = result["locations"][0]["physicalLocation"] if result.get("locations") else None
            if where:
                name = where["artifactLocation"]["uri"].rsplit("/", 1)[-1]
                region = where["region"]
                place = f"{name}:{region['startLine']}:{region['startColumn']}"
            else:
                place = "<no location>"
            print(f"{result['level']} {place}: {result['message']['text']}")


if __name__ == "__main__":
    main()
