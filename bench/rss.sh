#!/usr/bin/env bash
# rss.sh [SIZE_GB] — peak memory of `custos scan -j 2` on a big log (default 2 GB = 2*10^9 bytes).
#
# The big file is made by concatenating copies of the cached 200 MB log of compare.sh
# (bench/out/log_200mb.log, generated if missing), as many as come closest to SIZE_GB
# (2 GB = 10 copies), and scanned with
#   /usr/bin/time -f '%M %e' custos scan --format jsonl -j 2 BIG > /dev/null
# and removed afterwards (also on failure or Ctrl-C). Prints the peak resident set size in MiB
# and the wall time. SIZE_GB may be fractional (0.5). Environment: CUSTOS (binary path).
set -euo pipefail

SIZE_GB=${1:-2}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
OUT=$HERE/out
CUSTOS=${CUSTOS:-$ROOT/build/release/src/custos/cli/custos}
mkdir -p "$OUT"

if [[ ! -x $CUSTOS ]]; then
  echo "rss: no custos binary at $CUSTOS (make build)" >&2
  exit 1
fi

BASE=$OUT/log_200mb.log
if [[ ! -s $BASE ]]; then
  echo "rss: generating $BASE" >&2
  python3 "$HERE/gen.py" --kind log --seed 42 --size 200M -o "$BASE.tmp"
  mv "$BASE.tmp" "$BASE"
fi

# As many copies of the 200 MB log as come closest to SIZE_GB (at least one).
COPIES=$(awk -v g="$SIZE_GB" -v b="$(stat -c %s "$BASE")" 'BEGIN { n = int(g * 1e9 / b + 0.5); print (n < 1 ? 1 : n) }')
BIG=$OUT/big_${SIZE_GB}gb.log
TIMES=$OUT/rss_${SIZE_GB}gb.time
trap 'rm -f "$BIG"' EXIT INT TERM
: >"$BIG"
for ((i = 0; i < COPIES; i++)); do
  cat "$BASE" >>"$BIG"
done
BYTES=$(stat -c %s "$BIG")

rc=0
/usr/bin/time -f '%M %e' -o "$TIMES" "$CUSTOS" scan --format jsonl -j 2 "$BIG" >/dev/null || rc=$?
if ((rc > 1)); then
  echo "rss: custos failed with status $rc" >&2
  exit "$rc"
fi
read -r kib secs <"$TIMES"
awk -v kib="$kib" -v s="$secs" -v b="$BYTES" 'BEGIN {
  printf "custos scan -j 2 on %.2f GB: peak RSS %.1f MiB, %.1f s (%.1f MB/s)\n", b / 1e9, kib / 1024, s, b / 1e6 / s
}'
