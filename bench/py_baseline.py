#!/usr/bin/env python3
"""A Python `re` PI scanner in the style of a pattern recognizer (the baseline for custos).

It mimics how pattern-recognizer frameworks such as Presidio's PatternRecognizer work: one
recognizer per pattern of bench/patterns.txt, each compiled with Python's `re`, run with
finditer over every line of the input; every match becomes a result object, and results of
recognizers that have a checksum are validated (Luhn for cards and IMEI, GB 11643 MOD 11-2
for resident IDs, mod 97 for IBAN, and the VIN, HKID, Taiwan ID and USCC check characters)
before they are kept. There is no context scoring, no NLP model and no overlap resolution,
so this is a lower bound on the cost of such a framework.

The patterns are written for Rust's regex crate (shared with the ripgrep baseline); the only
translation is `(?-u:\\b)` -> `\\b`, with re.ASCII so that word boundaries are ASCII as in rg.

Output (stdout): one line per kept result, "line<TAB>start<TAB>end<TAB>category<TAB>value"
with character offsets. A summary goes to stderr.

    python3 bench/py_baseline.py bench/out/log_200mb.log > /dev/null
    python3 bench/py_baseline.py --max-bytes 20000000 FILE > /dev/null   # a prefix only
"""

import argparse
import io
import os
import re
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from gen import hkid_ok, iban_ok, luhn_ok, resident_id_ok, twid_ok, uscc_ok, vin_ok  # noqa: E402


def _digits(s):
    return "".join(c for c in s if c.isdigit())


VALIDATORS = {
    "cn_resident_id": lambda v: resident_id_ok(v.upper()),
    "bank_card_number": lambda v: luhn_ok(_digits(v)),
    "imei": lambda v: luhn_ok(_digits(v)[-15:]),
    "iban": iban_ok,
    "vin": vin_ok,
    "hk_id": hkid_ok,
    "tw_id": twid_ok,
    "org_credit_code": uscc_ok,
}


def load_patterns(path):
    """[(category, rust_regex)] from a patterns file (comments and blank lines skipped)."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            name, regex = line.split(None, 1)
            out.append((name, regex.strip()))
    return out


class Result:
    """What a recognizer returns per match (category, offsets, score)."""

    __slots__ = ("category", "start", "end", "score")

    def __init__(self, category, start, end, score):
        self.category = category
        self.start = start
        self.end = end
        self.score = score


class PatternRecognizer:
    def __init__(self, category, rust_regex):
        self.category = category
        self.regex = re.compile(rust_regex.replace("(?-u:\\b)", "\\b"), re.ASCII)
        self.validate = VALIDATORS.get(category)

    def analyze(self, text):
        results = []
        for m in self.regex.finditer(text):
            score = 0.5
            if self.validate is not None:
                if not self.validate(m.group()):
                    continue
                score = 1.0
            results.append(Result(self.category, m.start(), m.end(), score))
        return results


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file")
    ap.add_argument("--patterns", default=os.path.join(HERE, "patterns.txt"))
    ap.add_argument("--max-bytes", type=int, default=0, help="scan only this prefix (cut at a line end)")
    args = ap.parse_args()

    recognizers = [PatternRecognizer(c, r) for c, r in load_patterns(args.patterns)]
    t0 = time.perf_counter()
    if args.max_bytes:
        with open(args.file, "rb") as f:
            data = f.read(args.max_bytes)
        if len(data) == args.max_bytes and b"\n" in data:
            data = data[:data.rindex(b"\n") + 1]
        nbytes = len(data)
        src = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="replace")
    else:
        nbytes = os.path.getsize(args.file)
        src = open(args.file, encoding="utf-8", errors="replace")

    out = sys.stdout
    buf = []
    kept = 0
    with src:
        for lineno, line in enumerate(src, 1):
            if line.endswith("\n"):
                line = line[:-1]
            for rec in recognizers:
                for r in rec.analyze(line):
                    buf.append("%d\t%d\t%d\t%s\t%s\n" % (lineno, r.start, r.end, r.category, line[r.start:r.end]))
            if len(buf) > 10000:
                kept += len(buf)
                out.write("".join(buf))
                buf.clear()
    kept += len(buf)
    out.write("".join(buf))
    out.flush()
    dt = time.perf_counter() - t0
    print("py_baseline: %d bytes, %d results, %.2f s, %.2f MB/s" % (nbytes, kept, dt, nbytes / 1e6 / dt),
          file=sys.stderr)


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:  # e.g. piped into head
        sys.stderr.close()
        sys.exit(1)
