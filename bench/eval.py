#!/usr/bin/env python3
"""Precision/recall of `custos scan` against a labeled set (bench/gen.py --kind labeled).

Input: JSONL records {"text": "...", "spans": [[start, end, "category"], ...]} with UTF-8 byte
offsets. Each record's text becomes one line of a temporary .txt file (record i = line i+1),
which is scanned with

    custos scan --format jsonl --show-values [--min-confidence X] [--categories a,b] TMPFILE

Findings are matched to gold spans by (line, start, end, category): an exact match. A lenient
match only asks that a finding and a gold span of the same category on the same line overlap
(lenient precision = findings overlapping a gold span / findings; lenient recall = gold spans
overlapping a finding / gold spans). The per-category table shows gold, predicted, TP,
precision, recall and F1 (exact) and the lenient P/R/F1, then micro totals over all
categories. With --categories, gold spans of other categories are ignored too.

Also checked: when a finding carries "value", its bytes must equal the text at [start, end)
(an offset bug in the scanner shows up here as "offset mismatches").

    python3 bench/eval.py bench/out/labeled.jsonl
    python3 bench/eval.py bench/out/labeled.jsonl --json > result.json   # or --json-out FILE
    python3 bench/eval.py bench/out/labeled.jsonl --show-errors 10 --categories person_name
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CUSTOS = os.path.join(HERE, "..", "build", "release", "src", "custos", "cli", "custos")


def load_gold(path, categories):
    """Returns (texts, gold) where gold is a set of (line, start, end, category)."""
    texts, gold = [], set()
    with open(path, encoding="utf-8") as f:
        for i, raw in enumerate(f):
            if not raw.strip():
                continue
            rec = json.loads(raw)
            text = rec["text"]
            if "\n" in text or "\r" in text:
                sys.exit("eval: record %d: text contains a line break; one record must be one line" % (i + 1))
            texts.append(text)
            line = len(texts)
            for start, end, cat in rec.get("spans", []):
                if categories is None or cat in categories:
                    gold.add((line, start, end, cat))
    return texts, gold


def run_custos(custos, path, min_confidence, categories):
    cmd = [custos, "scan", "--format", "jsonl", "--show-values"]
    if min_confidence is not None:
        cmd += ["--min-confidence", str(min_confidence)]
    if categories:
        cmd += ["--categories", ",".join(sorted(categories))]
    cmd.append(path)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    dt = time.perf_counter() - t0
    # 1 means "--fail-on matched" (not passed here); accept it only if nothing went wrong on stderr
    if proc.returncode != 0 and (proc.returncode != 1 or proc.stderr.strip()):
        sys.exit("eval: %s exited with %d:\n%s" % (" ".join(cmd), proc.returncode,
                                                   proc.stderr.decode("utf-8", "replace")[-2000:]))
    findings, bad = [], 0
    for raw in proc.stdout.decode("utf-8", "replace").splitlines():
        if not raw.strip():
            continue
        try:
            findings.append(json.loads(raw))
        except json.JSONDecodeError:
            bad += 1
    if bad:
        print("eval: warning: %d output lines were not JSON" % bad, file=sys.stderr)
    return findings, dt


def prf(tp_p, n_pred, tp_g, n_gold):
    p = tp_p / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp_g / n_gold if n_gold else (1.0 if not n_pred else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def overlaps(a, b):
    return a[1] < b[2] and b[1] < a[2]


def evaluate(gold, pred):
    """Per-category and micro scores. gold, pred: sets of (line, start, end, category)."""
    by_key = collections.defaultdict(lambda: ([], []))  # (line, cat) -> (gold spans, pred spans)
    for g in gold:
        by_key[(g[0], g[3])][0].append(g)
    for p in pred:
        by_key[(p[0], p[3])][1].append(p)
    cats = sorted({g[3] for g in gold} | {p[3] for p in pred})
    counts = {c: collections.Counter() for c in cats}
    for (_, cat), (gs, ps) in by_key.items():
        c = counts[cat]
        c["gold"] += len(gs)
        c["pred"] += len(ps)
        c["tp"] += len(set(gs) & set(ps))
        c["lenient_gold"] += sum(1 for g in gs if any(overlaps(g, p) for p in ps))
        c["lenient_pred"] += sum(1 for p in ps if any(overlaps(p, g) for g in gs))

    def row(c):
        p, r, f = prf(c["tp"], c["pred"], c["tp"], c["gold"])
        lp, lr, lf = prf(c["lenient_pred"], c["pred"], c["lenient_gold"], c["gold"])
        return {"gold": c["gold"], "pred": c["pred"], "tp": c["tp"], "precision": p, "recall": r, "f1": f,
                "lenient_precision": lp, "lenient_recall": lr, "lenient_f1": lf}

    total = collections.Counter()
    for c in counts.values():
        total.update(c)
    return {cat: row(counts[cat]) for cat in cats}, row(total)


def print_table(per_cat, micro, out=sys.stdout):
    head = "%-20s %7s %7s %7s %6s %6s %6s | %6s %6s %6s" % (
        "category", "gold", "pred", "TP", "P", "R", "F1", "lenP", "lenR", "lenF1")
    print(head, file=out)
    print("-" * len(head), file=out)

    def line(name, r):
        print("%-20s %7d %7d %7d %6.3f %6.3f %6.3f | %6.3f %6.3f %6.3f" % (
            name, r["gold"], r["pred"], r["tp"], r["precision"], r["recall"], r["f1"],
            r["lenient_precision"], r["lenient_recall"], r["lenient_f1"]), file=out)

    for cat, r in per_cat.items():
        line(cat, r)
    print("-" * len(head), file=out)
    line("micro", micro)


def show_errors(texts, gold, pred, n, out=sys.stderr):
    def snippet(t):
        line, s, e, cat = t
        b = texts[line - 1].encode("utf-8")
        return "line %d [%d,%d) %-18s %r   in ...%s..." % (
            line, s, e, cat, b[s:e].decode("utf-8", "replace"),
            b[max(0, s - 30):min(len(b), e + 30)].decode("utf-8", "replace"))

    fn = sorted(gold - pred)
    fp = sorted(pred - gold)
    print("\nfalse negatives (exact): %d; first %d:" % (len(fn), min(n, len(fn))), file=out)
    for t in fn[:n]:
        print("  " + snippet(t), file=out)
    print("false positives (exact): %d; first %d:" % (len(fp), min(n, len(fp))), file=out)
    for t in fp[:n]:
        print("  " + snippet(t), file=out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("labeled", help="JSONL with text and byte-offset spans (bench/gen.py --kind labeled)")
    ap.add_argument("--custos", default=os.environ.get("CUSTOS", DEFAULT_CUSTOS), help="custos binary")
    ap.add_argument("--min-confidence", type=float)
    ap.add_argument("--categories", help="comma-separated category ids: score only these")
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("--json-out", metavar="FILE", help="also write the machine-readable output to FILE")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N", help="print N false negatives/positives")
    ap.add_argument("--keep", action="store_true", help="keep the temporary text file")
    args = ap.parse_args()

    categories = set(args.categories.split(",")) if args.categories else None
    texts, gold = load_gold(args.labeled, categories)

    fd, tmp = tempfile.mkstemp(prefix="custos-eval-", suffix=".txt")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(texts) + "\n")
        findings, seconds = run_custos(args.custos, tmp, args.min_confidence, categories)
    finally:
        if args.keep:
            print("eval: kept %s" % tmp, file=sys.stderr)
        else:
            os.unlink(tmp)

    pred, mismatches, foreign = set(), [], 0
    for fnd in findings:
        line, start, end, cat = int(fnd["line"]), int(fnd["start"]), int(fnd["end"]), fnd["category"]
        if not 1 <= line <= len(texts):
            foreign += 1
            continue
        if categories is not None and cat not in categories:
            continue
        if "value" in fnd:
            got = texts[line - 1].encode("utf-8")[start:end].decode("utf-8", "replace")
            if got != fnd["value"]:
                mismatches.append((line, start, end, cat, fnd["value"], got))
        pred.add((line, start, end, cat))
    if foreign:
        print("eval: warning: %d findings on lines outside the input" % foreign, file=sys.stderr)
    if len(pred) < sum(1 for f in findings if categories is None or f["category"] in categories):
        print("eval: note: duplicate findings were counted once", file=sys.stderr)

    per_cat, micro = evaluate(gold, pred)
    result = {"labeled": args.labeled, "records": len(texts), "custos": args.custos,
              "min_confidence": args.min_confidence, "scan_seconds": round(seconds, 3),
              "offset_mismatches": len(mismatches), "categories": per_cat, "micro": micro}
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=2)
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
    else:
        print("%s: %d records, %d gold spans, %d findings (custos scan %.2f s)\n"
              % (os.path.basename(args.labeled), len(texts), len(gold), len(pred), seconds))
        print_table(per_cat, micro)
    if mismatches:
        print("eval: %d findings whose value differs from the text at [start, end), e.g. %r"
              % (len(mismatches), mismatches[:3]), file=sys.stderr)
    if args.show_errors:
        show_errors(texts, gold, pred, args.show_errors)


if __name__ == "__main__":
    main()
