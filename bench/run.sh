#!/usr/bin/env bash
# run.sh [--rss] — the whole custos benchmark: speed, accuracy, and a summary at the end.
#
#   1. bench/compare.sh $SIZE_MB (default 200): custos vs ripgrep vs Python re, single thread.
#   2. bench/eval.py on bench/out/labeled.jsonl (generated once: $LABELED_RECORDS records,
#      default 20000, seed 42): per-category precision/recall/F1, exact and lenient.
#   3. bench/eval_cluener.py, if present (CLUENER person/address/organization spans).
#   4. with --rss: bench/rss.sh $RSS_GB (default 2): peak RSS of custos scan -j 2.
# Each step's output is shown as it runs and also kept under bench/out/; a step that fails is
# reported in the summary and does not stop the others. Environment: CUSTOS (binary).
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
OUT=$HERE/out
export CUSTOS=${CUSTOS:-$ROOT/build/release/src/custos/cli/custos}
SIZE_MB=${SIZE_MB:-200}
LABELED_RECORDS=${LABELED_RECORDS:-20000}
RSS_GB=${RSS_GB:-2}
DO_RSS=0
[[ ${1:-} == --rss ]] && DO_RSS=1
mkdir -p "$OUT"

declare -a SUMMARY=()
note() { SUMMARY+=("$1"); }

echo "== 1. throughput (compare.sh $SIZE_MB)"
if bash "$HERE/compare.sh" "$SIZE_MB"; then
  note "speed:    $(cat "$OUT/compare_${SIZE_MB}mb.summary")"
else
  note "speed:    compare.sh FAILED"
fi

echo
echo "== 2. accuracy on generated labeled data"
LABELED=$OUT/labeled.jsonl
if [[ ! -s $LABELED ]]; then
  python3 "$HERE/gen.py" --kind labeled --seed 42 --lines "$LABELED_RECORDS" -o "$LABELED.tmp" && mv "$LABELED.tmp" "$LABELED"
fi
if python3 "$HERE/eval.py" "$LABELED" --custos "$CUSTOS" --json-out "$OUT/eval_labeled.json" |
  tee "$OUT/eval_labeled.txt"; then
  note "labeled:  $(python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))["micro"]
print("micro P %.3f R %.3f F1 %.3f (lenient F1 %.3f), %d gold spans" % (
    m["precision"], m["recall"], m["f1"], m["lenient_f1"], m["gold"]))' "$OUT/eval_labeled.json")"
else
  note "labeled:  eval.py FAILED"
fi

if [[ -f $HERE/eval_cluener.py ]]; then
  echo
  echo "== 3. accuracy on CLUENER (eval_cluener.py)"
  cluener_args=()
  if python3 "$HERE/eval_cluener.py" --help 2>&1 | grep -q -- --custos; then cluener_args=(--custos "$CUSTOS"); fi
  if python3 "$HERE/eval_cluener.py" "${cluener_args[@]}" | tee "$OUT/eval_cluener.txt"; then
    note "cluener:  $(grep -E '^(exact|overlap|micro)' "$OUT/eval_cluener.txt" | paste -sd ';' || tail -n 1 "$OUT/eval_cluener.txt")"
  else
    note "cluener:  eval_cluener.py FAILED"
  fi
fi

if ((DO_RSS)); then
  echo
  echo "== 4. peak memory (rss.sh $RSS_GB)"
  if bash "$HERE/rss.sh" "$RSS_GB" | tee "$OUT/rss.txt"; then
    note "memory:   $(tail -n 1 "$OUT/rss.txt")"
  else
    note "memory:   rss.sh FAILED"
  fi
fi

echo
echo "== summary"
printf '%s\n' "${SUMMARY[@]}"
