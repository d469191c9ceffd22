#!/usr/bin/env python3
"""Precision, recall and F1 of custos's person_name findings on CLUENER2020 `name` spans.

CLUENER (../shared/data/cluener, see its SOURCE.md) labels person names in news-style
sentences. This script writes each sentence as one line of a temporary .txt file, runs
`custos scan --format jsonl FILE` on it (or reads findings saved earlier with
--findings), and matches person_name findings to the gold `name` spans by
(line, start, end) in UTF-8 byte offsets. It also reports a looser "overlap" score
(a finding and a gold span that share any byte count as a match), which shows how much of
the gap is boundary disagreement rather than missed names.

The data is used for evaluation only: nothing from it is copied into the project.

Usage:
  bench/eval_cluener.py [--data dev.json] [--custos path/to/custos] [--findings out.jsonl]
                        [--min-confidence 0.5] [--write-text sentences.txt] [--show-errors N]

--show-errors prints up to N missed and N spurious spans from the data set (public text,
for tuning); off by default.

Standard library only.
"""

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "cluener", "dev.json"))


def load(path):
    """Sentences and gold name spans as (line, start_byte, end_byte), line counted from 1."""
    texts, gold = [], set()
    with open(path, encoding="utf-8") as f:
        for raw in f:
            raw = raw.strip()
            if not raw:
                continue
            d = json.loads(raw)
            # One sentence a line: a stray line break would shift every later line.
            text = d["text"].replace("\r", " ").replace("\n", " ")
            texts.append(text)
            line = len(texts)
            offsets = [0]
            for ch in text:
                offsets.append(offsets[-1] + len(ch.encode("utf-8")))
            for spans in d.get("label", {}).get("name", {}).values():
                for start, end in spans:  # character offsets, end inclusive
                    gold.add((line, offsets[start], offsets[end + 1]))
    return texts, gold


def find_custos(explicit):
    if explicit:
        return explicit
    candidates = sorted(glob.glob(os.path.join(ROOT, "build", "*", "src", "custos", "cli", "custos")),
                        key=os.path.getmtime, reverse=True)
    if candidates:
        return candidates[0]
    return shutil.which("custos")


def run_custos(binary, text_path):
    cmd = [binary, "scan", "--format", "jsonl", text_path]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # custos may exit non-zero when it finds PI (a policy signal), so judge by output.
    if proc.returncode not in (0, 1, 2, 3) and not proc.stdout:
        sys.exit("custos failed (%d): %s" % (proc.returncode, proc.stderr.decode("utf-8", "replace")))
    return proc.stdout.decode("utf-8").splitlines()


def parse_findings(lines, min_conf):
    found = set()
    for raw in lines:
        raw = raw.strip()
        if not raw.startswith("{"):
            continue
        f = json.loads(raw)
        if f.get("category") != "person_name":
            continue
        if float(f.get("confidence", 1.0)) < min_conf:
            continue
        found.add((int(f["line"]), int(f["start"]), int(f["end"])))
    return found


def prf(tp, n_found, n_gold):
    p = tp / n_found if n_found else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1


def overlap_counts(found, gold):
    by_line = {}
    for g in gold:
        by_line.setdefault(g[0], []).append(g)
    hit_gold, hit_found = set(), 0
    for f in found:
        match = False
        for g in by_line.get(f[0], []):
            if f[1] < g[2] and g[1] < f[2]:
                hit_gold.add(g)
                match = True
        hit_found += 1 if match else 0
    return hit_found, len(hit_gold)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=DEFAULT_DATA, help="CLUENER json lines (default: %(default)s)")
    ap.add_argument("--custos", help="custos binary (default: newest build/*/src/custos/cli/custos, then PATH)")
    ap.add_argument("--findings", help="read custos JSONL findings from this file instead of running custos")
    ap.add_argument("--min-confidence", type=float, default=0.0,
                    help="ignore findings below this confidence (custos already drops < 0.5 by default)")
    ap.add_argument("--write-text", help="write the sentences, one a line, to this file and exit")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N",
                    help="print up to N missed and N spurious spans")
    args = ap.parse_args()

    texts, gold = load(args.data)
    if args.write_text:
        with open(args.write_text, "w", encoding="utf-8") as f:
            f.write("\n".join(texts) + "\n")
        print("wrote %d sentences to %s" % (len(texts), args.write_text))
        return

    if args.findings:
        with open(args.findings, encoding="utf-8") as f:
            lines = f.read().splitlines()
    else:
        binary = find_custos(args.custos)
        if not binary:
            sys.exit("no custos binary: build one or pass --custos / --findings")
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "cluener.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(texts) + "\n")
            lines = run_custos(binary, path)

    found = parse_findings(lines, args.min_confidence)
    tp = len(found & gold)
    p, r, f1 = prf(tp, len(found), len(gold))
    of, og = overlap_counts(found, gold)
    op = of / len(found) if found else 0.0
    orr = og / len(gold) if gold else 0.0
    of1 = 2 * op * orr / (op + orr) if op + orr else 0.0
    print("data: %s (%d sentences, %d gold name spans)" % (args.data, len(texts), len(gold)))
    print("person_name findings: %d" % len(found))
    print("exact   precision %.3f  recall %.3f  F1 %.3f  (tp %d)" % (p, r, f1, tp))
    print("overlap precision %.3f  recall %.3f  F1 %.3f" % (op, orr, of1))

    if args.show_errors:
        def show(kind, spans):
            print("-- %s (first %d of %d)" % (kind, min(args.show_errors, len(spans)), len(spans)))
            for line, s, e in sorted(spans)[: args.show_errors]:
                t = texts[line - 1].encode("utf-8")
                print("%5d  %s  | %s" % (line, t[s:e].decode("utf-8", "replace"), t.decode("utf-8", "replace")))
        show("missed", gold - found)
        show("spurious", found - gold)


if __name__ == "__main__":
    main()
