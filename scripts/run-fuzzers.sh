#!/usr/bin/env bash
# Runs every libFuzzer target built in BUILD_DIR for SECONDS each.
#   scripts/run-fuzzers.sh BUILD_DIR SECONDS
# Each target fuzz_<name> keeps its corpus in BUILD_DIR/fuzz-corpus/<name>, seeded from
# fuzz/seeds/<name>/ when that exists. Crash inputs are written to
# BUILD_DIR/fuzz-artifacts/<name>/. Fails if any target crashes or cannot run.
set -u -o pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 BUILD_DIR SECONDS" >&2
  exit 2
fi
build_dir=$1
seconds=$2
if ! [[ $seconds =~ ^[0-9]+$ ]] || [[ $seconds -eq 0 ]]; then
  echo "$0: SECONDS must be a positive integer" >&2
  exit 2
fi
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=$(cd "$build_dir" && pwd) || exit 2

shopt -s nullglob
fuzzers=()
for f in "$build_dir"/src/fuzz_*; do
  [[ -f $f && -x $f ]] && fuzzers+=("$f")
done
if [[ ${#fuzzers[@]} -eq 0 ]]; then
  echo "$0: no fuzz_* binaries in $build_dir/src (build with: cmake --preset fuzz && cmake --build --preset fuzz)" >&2
  exit 2
fi

failed=()
for bin in "${fuzzers[@]}"; do
  name=$(basename "$bin")
  name=${name#fuzz_}
  corpus="$build_dir/fuzz-corpus/$name"
  artifacts="$build_dir/fuzz-artifacts/$name"
  mkdir -p "$corpus" "$artifacts"
  seeds="$repo_root/fuzz/seeds/$name"
  if [[ -d $seeds ]]; then
    cp -n "$seeds"/* "$corpus"/ 2>/dev/null || true
  fi
  log="$build_dir/fuzz-artifacts/$name.log"
  echo "== fuzz_$name: ${seconds}s, corpus $corpus"
  if "$bin" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=25 -print_final_stats=1 \
      -artifact_prefix="$artifacts/" "$corpus" >"$log" 2>&1; then
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)' "$log" | tr '\n' ' '
    echo
  else
    echo "!! fuzz_$name FAILED (log: $log)"
    grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -n 10
    failed+=("$name")
  fi
done

if [[ ${#failed[@]} -gt 0 ]]; then
  echo "failed: ${failed[*]}" >&2
  exit 1
fi
echo "all ${#fuzzers[@]} fuzzers ran ${seconds}s without a crash"
