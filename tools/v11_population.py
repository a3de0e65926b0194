#!/usr/bin/env python3
"""Turns a generated population into one with the records v1.1 allows (FORMAT.md).

    python3 tools/v11_population.py --dir DIR --out OUT [--every 5]

The generator writes every vacancy with a sector and a location; published
postings often have neither. This copies DIR's seekers.jsonl and
employers.jsonl to OUT and writes OUT/vacancies.jsonl with the `sector` left
out of every `every`-th vacancy and the `location` left out of every second
remote one (chosen by position, so the same input gives the same output), so
that `tools/crosscheck.py` checks the v1.1 rules (SCORING.md section 8:
unknown sector → 0.5; remote → t = 0) against the Rust ranker.
"""
import argparse
import json
import os
import shutil


def v11(vacancies, every):
    """The vacancies with the v1.1 omissions; returns them and the counts left out."""
    out, sectorless, placeless, remote = [], 0, 0, 0
    for i, v in enumerate(vacancies):
        v = dict(v)
        if i % every == 0:
            v.pop("sector", None)
            sectorless += 1
        if v.get("remote"):
            if remote % 2 == 0:
                v.pop("location", None)
                placeless += 1
            remote += 1
        out.append(v)
    return out, sectorless, placeless


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--every", type=int, default=5)
    a = ap.parse_args()
    if a.every < 1:
        ap.error("--every must be at least 1")
    os.makedirs(a.out, exist_ok=True)
    for name in ("seekers.jsonl", "employers.jsonl"):
        src = os.path.join(a.dir, name)
        if os.path.exists(src):
            shutil.copyfile(src, os.path.join(a.out, name))
    with open(os.path.join(a.dir, "vacancies.jsonl")) as f:
        vacancies = [json.loads(line) for line in f if line.strip()]
    out, sectorless, placeless = v11(vacancies, a.every)
    with open(os.path.join(a.out, "vacancies.jsonl"), "w") as f:
        for v in out:
            f.write(json.dumps(v, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(json.dumps({"vacancies": len(out), "without_sector": sectorless, "remote_without_location": placeless}))


if __name__ == "__main__":
    main()
