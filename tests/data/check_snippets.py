#!/usr/bin/env python3
"""Check the judged snippets of a queries file against the clauses tracuu stores.

This checks the data, not relevance: every snippet must be contained (NFC, white space
folded, case kept, as `tracuu eval` compares) in exactly one stored clause of its file, and
no two snippets of one query may point at the same clause (the second could never be found).
Twin queries (same text once with and once without diacritics) must be judged identically.

Usage: tests/data/check_snippets.py [QUERIES.json] [--tracuu BIN] [--index DIR] [--corpus DIR]
Exit status 1 when an error is found; warnings (snippet length outside 5-15 words) do not fail.
"""
import argparse
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def fold(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip()


def strip_marks(s):
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if unicodedata.category(c) != "Mn").lower()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("queries", nargs="?", default=str(ROOT / "tests/data/queries.json"))
    ap.add_argument("--tracuu", default=str(ROOT / "target/release/tracuu"))
    ap.add_argument("--index", default="/tmp/fq-index")
    ap.add_argument("--corpus", default=str(ROOT / "corpus"))
    a = ap.parse_args()

    data = json.load(open(a.queries, encoding="utf-8"))
    files = sorted({r["file"] for q in data["queries"] for r in q["relevant"]})
    clauses = {}
    for f in files:
        out = subprocess.run(
            [a.tracuu, "show", f, "--json", "--index", a.index, "--corpus", a.corpus],
            check=True, capture_output=True, text=True).stdout
        clauses[f] = [(c["path"], fold(c["text"])) for c in json.loads(out)["clauses"]]

    errors, warnings = [], []
    for n, q in enumerate(data["queries"]):
        seen = {}
        if not q["relevant"]:
            errors.append(f"#{n} {q['q']!r}: no relevant clause")
        for r in q["relevant"]:
            s = fold(r["snippet"])
            where = f"#{n} {q['q']!r} {r['file']}: {s!r}"
            if r["grade"] not in (1, 2):
                errors.append(f"{where}: grade {r['grade']}")
            hits = [i for i, (_, t) in enumerate(clauses[r["file"]]) if s in t]
            if not hits:
                errors.append(f"{where}: in no clause")
            elif len(hits) > 1:
                errors.append(f"{where}: in {len(hits)} clauses "
                              f"({', '.join(clauses[r['file']][i][0] or '-' for i in hits)})")
            else:
                key = (r["file"], hits[0])
                if key in seen:
                    errors.append(f"{where}: same clause as {seen[key]!r}")
                seen[key] = s
            words = len(s.split())
            if not 5 <= words <= 15:
                warnings.append(f"{where}: {words} words")

    # Twins: same text without diacritics, judged the same.
    by_plain = {}
    for q in data["queries"]:
        by_plain.setdefault(strip_marks(q["q"]), []).append(q)
    twins = 0
    for plain, qs in by_plain.items():
        if len(qs) < 2:
            continue
        twins += 1
        judged = {json.dumps(sorted((r["file"], fold(r["snippet"]), r["grade"]) for r in q["relevant"]))
                  for q in qs}
        if len(judged) != 1:
            errors.append(f"twins {[q['q'] for q in qs]} judged differently")

    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    print(f"{len(data['queries'])} queries, {twins} twin pairs, "
          f"{sum(len(q['relevant']) for q in data['queries'])} judged snippets, "
          f"{len(errors)} errors, {len(warnings)} warnings")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
