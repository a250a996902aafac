#!/usr/bin/env bash
# fuzz.sh — runs the libFuzzer targets of fuzz/ (docs/testing.md).
#
# Usage: scripts/fuzz.sh regress BUILD_DIR [REPORT.xml]
#          each target (BUILD_DIR/<target>_fuzzer, else the replay program
#          BUILD_DIR/<target>_replay) over its committed corpus (fuzz/corpus/<target>/), every
#          input once: no new fuzzing. Writes a JUnit report (one test case per
#          target) when asked; exits 1 if an input crashes.
#        scripts/fuzz.sh campaign BUILD_DIR SECONDS [TARGET...]
#          each target (query, url, value; all by default) for SECONDS (libFuzzer's fork mode, one job: a crash, a
#          timeout or an out-of-memory is recorded and the run goes on), with
#          its dictionary and -max_len=131072 (-len_control=0: long inputs from
#          the start, to reach the 100 KB cases), from the committed corpus into a
#          working corpus BUILD_DIR/fuzz/corpus/<target>; artifacts (crash-*,
#          timeout-*, oom-*) land in BUILD_DIR/fuzz/artifacts/<target>/. Prints
#          executions, coverage (cov, ft) and findings per target; exits 1 if
#          any target left an artifact.
set -euo pipefail

TARGETS=(query url value)
MAX_LEN=131072
root=$(cd "$(dirname "$0")/.." && pwd)

usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

xml_escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g'; }

regress() {
  local build=$1 report=${2:-}
  local failed=0 cases=""
  for t in "${TARGETS[@]}"; do
    # A libFuzzer build (build-fuzz/) or a replay build (build-asan/fuzz/:
    # fuzz/replay.cmake, the same inputs through fuzz/replay_main.cpp).
    local bin="$build/${t}_fuzzer" log
    [[ -x $bin ]] || bin="$build/${t}_replay"
    log=$(mktemp)
    local inputs=()
    while IFS= read -r -d '' f; do inputs+=("$f"); done < <(find "$root/fuzz/corpus/$t" -type f -print0 | sort -z)
    local start=$SECONDS status=0
    timeout --foreground -k 5 120 "$bin" -max_len=$MAX_LEN -timeout=20 -rss_limit_mb=2048 "${inputs[@]}" >"$log" 2>&1 || status=$?
    local secs=$((SECONDS - start))
    if [[ $status -eq 0 ]]; then
      echo "  fuzz/$t: ${#inputs[@]} inputs, no finding (${secs}s)"
      cases+="<testcase classname=\"fuzz.regression\" name=\"$t\" time=\"$secs\"/>"
    else
      failed=1
      echo "  fuzz/$t: FAILED (exit $status) on its corpus; the end of its output:" >&2
      tail -n 40 "$log" >&2
      cases+="<testcase classname=\"fuzz.regression\" name=\"$t\" time=\"$secs\"><failure message=\"exit $status\">$(tail -n 40 "$log" | xml_escape)</failure></testcase>"
    fi
    rm -f "$log"
  done
  if [[ -n $report ]]; then
    mkdir -p "$(dirname "$report")"
    printf '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites><testsuite name="fuzz-regression" tests="%d">%s</testsuite></testsuites>\n' \
      "${#TARGETS[@]}" "$cases" >"$report"
  fi
  return $failed
}

campaign() {
  local build=$1 seconds=$2 found=0
  local summary=()
  for t in "${TARGETS[@]}"; do
    local work="$build/fuzz/corpus/$t" artifacts="$build/fuzz/artifacts/$t/" log="$build/fuzz/$t.log"
    mkdir -p "$work" "$artifacts"
    echo "==> fuzz/$t for ${seconds}s (log: $log)"
    "$build/${t}_fuzzer" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
      -max_len=$MAX_LEN -len_control=0 -timeout=20 -rss_limit_mb=2048 -max_total_time="$seconds" \
      -dict="$root/fuzz/$t.dict" -artifact_prefix="$artifacts" \
      "$work" "$root/fuzz/corpus/$t" >"$log" 2>&1 || true
    # Fork mode's status lines: "#<execs>: cov: <n> ft: <n> corp: <n> ... oom/timeout/crash: a/b/c ...".
    local last
    last=$(grep -E '^#[0-9]+: cov:' "$log" | tail -n 1 || true)
    local n_art
    n_art=$(find "$artifacts" -type f | wc -l)
    summary+=("fuzz/$t: ${last:-no status line (see $log)}; artifacts: $n_art")
    if [[ $n_art -gt 0 ]]; then
      found=1
      find "$artifacts" -type f | sed 's/^/    /'
    fi
  done
  echo "==> campaign results (${seconds}s per target)"
  printf '  %s\n' "${summary[@]}"
  return $found
}

[[ $# -ge 2 ]] || usage
case $1 in
  regress) regress "$2" "${3:-}" ;;
  campaign)
    [[ $# -ge 3 ]] || usage
    [[ $# -gt 3 ]] && TARGETS=("${@:4}")
    campaign "$2" "$3" ;;
  *) usage ;;
esac
