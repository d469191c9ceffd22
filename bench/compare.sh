#!/usr/bin/env bash
# compare.sh [SIZE_MB] — single-threaded throughput of custos against two regex baselines.
#
# Generates (once, cached as bench/out/log_<SIZE_MB>mb.log) a PI-dense log of SIZE_MB
# megabytes (10^6 bytes; default 200) with bench/gen.py --seed 42, then times, in one run:
#   custos  custos scan --format jsonl -j 1 FILE > /dev/null        (best of 3; again with -j $(nproc)
#           for scaling, reported apart)
#   rg      rg -o -j1 --no-filename -e P1 -e P2 ... FILE > /dev/null (best of 3; bench/patterns.txt)
#   python  python3 bench/py_baseline.py FILE > /dev/null            (once; on a 20 MB prefix when
#           the file is bigger, the time scaled up to the whole file)
# and prints wall seconds, MB/s and custos's speed ratio against each baseline (plus CPU
# seconds, user + sys, which are steadier on a busy machine). The file is read once
# beforehand so that every tool starts with a warm page cache.
#
# Environment: CUSTOS (binary; default build/release/src/custos/cli/custos), RUNS (default 3),
# PY_PREFIX_MB (default 20), PATTERNS (the baselines' pattern file; default
# bench/patterns.txt). A machine-readable copy of the results goes to
# bench/out/compare_<SIZE_MB>mb.tsv.
set -euo pipefail

SIZE_MB=${1:-200}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
OUT=$HERE/out
CUSTOS=${CUSTOS:-$ROOT/build/release/src/custos/cli/custos}
RUNS=${RUNS:-3}
PY_PREFIX_MB=${PY_PREFIX_MB:-20}
PATTERNS=${PATTERNS:-$HERE/patterns.txt}
mkdir -p "$OUT"

LOG=$OUT/log_${SIZE_MB}mb.log
if [[ ! -s $LOG ]]; then
  echo "compare: generating $LOG ($SIZE_MB MB, seed 42)" >&2
  python3 "$HERE/gen.py" --kind log --seed 42 --size "${SIZE_MB}M" -o "$LOG.tmp"
  mv "$LOG.tmp" "$LOG"
fi
BYTES=$(stat -c %s "$LOG")

# The rg arguments: -e REGEX for every pattern line (category, spaces, regex).
RG_ARGS=()
while IFS= read -r line; do
  [[ -z ${line//[[:space:]]/} || $line =~ ^[[:space:]]*# ]] && continue
  RG_ARGS+=(-e "$(sed -E 's/^[A-Za-z0-9_]+[[:space:]]+//' <<<"$line")")
done <"$PATTERNS"

# best_of N CMD... : runs CMD N times (stdout to /dev/null) and prints "WALL CPU" in seconds
# for the run with the best wall time (wall from the clock in ns, CPU = user + sys from GNU
# time). Exit status 1 is accepted (custos with --fail-on, rg without matches); anything else
# aborts.
best_of() {
  local n=$1 best="" tf rc wall user sys t0 t1
  shift
  tf=$(mktemp)
  for ((i = 0; i < n; i++)); do
    rc=0
    t0=$(date +%s%N)
    /usr/bin/time -f '%U %S' -o "$tf" "$@" >/dev/null || rc=$?
    t1=$(date +%s%N)
    if ((rc > 1)); then
      echo "compare: '$*' failed with status $rc" >&2
      rm -f "$tf"
      return 1
    fi
    read -r user sys < <(tail -n 1 "$tf")
    wall=$(awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.3f", ns / 1e9 }')
    if [[ -z $best ]] || awk -v a="$wall" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then
      best="$wall $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
    fi
  done
  rm -f "$tf"
  echo "$best"
}

mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", (b / 1e6) / (s > 0 ? s : 0.01) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { r = b / (a > 0 ? a : 0.01); printf (r >= 10 ? "%.0fx" : "%.1fx"), r }'; }
scale() { awk -v s="$1" -v f="$2" 'BEGIN { printf "%.2f", s * f }'; }

cat "$LOG" >/dev/null # warm the page cache

# custos: only if the CLI really scans (prints findings for a few sample lines).
custos_t=""
if [[ -x $CUSTOS ]]; then
  sample=$(head -n 200 "$LOG" | "$CUSTOS" scan --format jsonl -j 1 - 2>/dev/null | head -c 1 || true)
  if [[ $sample == "{" ]]; then
    custos_t=$(best_of "$RUNS" "$CUSTOS" scan --format jsonl -j 1 "$LOG")
    # Scaling: the same scan on every core (the issue asks that it scale with -j).
    cores=$(nproc)
    custos_all_t=$(best_of "$RUNS" "$CUSTOS" scan --format jsonl -j "$cores" "$LOG")
  else
    echo "compare: $CUSTOS printed no findings on a sample of the log; skipping custos" >&2
  fi
else
  echo "compare: no custos binary at $CUSTOS (make build); skipping custos" >&2
fi

rg_t=$(best_of "$RUNS" rg -o -j1 --no-filename "${RG_ARGS[@]}" "$LOG")

py_file=$LOG
py_note=""
if ((BYTES > PY_PREFIX_MB * 1000000)); then
  py_file=$OUT/log_${SIZE_MB}mb.prefix${PY_PREFIX_MB}.log
  if [[ ! -s $py_file ]]; then
    head -c $((PY_PREFIX_MB * 1000000)) "$LOG" | head -n -1 >"$py_file"
  fi
  py_note="  ($PY_PREFIX_MB MB prefix, times scaled to the whole file)"
fi
py_bytes=$(stat -c %s "$py_file")
read -r py_wall py_cpu < <(best_of 1 python3 "$HERE/py_baseline.py" --patterns "$PATTERNS" "$py_file")
factor=$(awk -v a="$BYTES" -v b="$py_bytes" 'BEGIN { printf "%.6f", a / b }')
py_t="$(scale "$py_wall" "$factor") $(scale "$py_cpu" "$factor")"

printf '\n%s: %s bytes (%s MB), single thread, best of %s for custos and rg; load average %s\n' \
  "$(basename "$LOG")" "$BYTES" "$SIZE_MB" "$RUNS" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '  %-8s %10s %10s %10s %12s\n' tool seconds MB/s cpu-s MB/cpu-s
tsv=$OUT/compare_${SIZE_MB}mb.tsv
printf 'tool\tseconds\tmb_per_s\tcpu_seconds\tmb_per_cpu_s\n' >"$tsv"
row() { # name "WALL CPU" [note]
  local wall=${2% *} cpu=${2#* }
  printf '  %-8s %10s %10s %10s %12s%s\n' "$1" "$wall" "$(mbps "$BYTES" "$wall")" "$cpu" "$(mbps "$BYTES" "$cpu")" "${3:-}"
  printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$wall" "$(mbps "$BYTES" "$wall")" "$cpu" "$(mbps "$BYTES" "$cpu")" >>"$tsv"
}
[[ -n $custos_t ]] && row custos "$custos_t"
[[ -n $custos_t ]] && row "custos-j$cores" "$custos_all_t" "  (all cores; not part of the single-thread comparison)"
row rg "$rg_t"
row python "$py_t" "$py_note"

rg_w=${rg_t% *}
py_w=${py_t% *}
if [[ -n $custos_t ]]; then
  c_w=${custos_t% *}
  summary="custos $(mbps "$BYTES" "$c_w") MB/s (-j$cores: $(ratio "${custos_all_t% *}" "$c_w") faster) | rg $(mbps "$BYTES" "$rg_w") MB/s ($(ratio "$c_w" "$rg_w")) | python $(mbps "$BYTES" "$py_w") MB/s ($(ratio "$c_w" "$py_w"))"
else
  summary="custos n/a | rg $(mbps "$BYTES" "$rg_w") MB/s | python $(mbps "$BYTES" "$py_w") MB/s"
fi
echo
echo "$summary"
echo "$summary" >"$OUT/compare_${SIZE_MB}mb.summary"
