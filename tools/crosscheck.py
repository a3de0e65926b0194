#!/usr/bin/env python3
"""Cross-checks a matches.jsonl against the independent Python statement of SCORING.md.

    python3 tools/crosscheck.py --dir DIR --matches FILE [--sample N] [--k 10]

DIR holds seekers.jsonl, vacancies.jsonl and (optionally) employers.jsonl, as
written by `cargo run --release --example generate`. For a sample of seekers
(every n-th by id) and vacancies it recomputes the top-k with
`fixtures/cases/work_out.py` (which shares no code with the Rust crates) and
compares ids in order and scores within 1e-4. Prints one JSON summary line;
exits 1 on any disagreement.
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "cases"))
import work_out  # noqa: E402


def read(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def top(pairs, k):
    return sorted(pairs, key=lambda p: (-p[1], p[0].encode()))[:k]


def compare(kind, subject, want, got, problems):
    got_ids = [m[1] for m in got]
    want_ids = [m[0] for m in want]
    # Equal-within-rounding scores may legitimately swap only if they tie exactly; report any difference.
    if got_ids != want_ids or any(abs(g[2] - w[1]) > 1e-4 for g, w in zip(got, want)):
        problems.append({"direction": kind, "subject": subject, "want": want, "got": [(m[1], m[2]) for m in got]})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--matches", required=True)
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--k", type=int, default=10)
    a = ap.parse_args()
    seekers = read(os.path.join(a.dir, "seekers.jsonl"))
    vacancies = read(os.path.join(a.dir, "vacancies.jsonl"))
    emp_path = os.path.join(a.dir, "employers.jsonl")
    employers = read(emp_path) if os.path.exists(emp_path) else []
    s2v, v2s, s2e = {}, {}, {}
    for line in read(a.matches):
        if "seeker" in line and "matches" in line:
            s2v[line["seeker"]] = [(None, m["vacancy"], m["score"]) for m in line["matches"]]
        elif "vacancy" in line:
            v2s[line["vacancy"]] = [(None, m["seeker"], m["score"]) for m in line["matches"]]
        elif "employers" in line:
            s2e[line["seeker"]] = [(None, m["employer"], m["score"]) for m in line["employers"]]
    problems = []
    seekers_sorted = sorted(seekers, key=lambda s: s["id"].encode())
    step = max(1, len(seekers_sorted) // a.sample)
    checked = 0
    for s in seekers_sorted[::step][: a.sample]:
        pairs = []
        for v in vacancies:
            sc, _, _ = work_out.score(s, v)
            if sc is not None:
                pairs.append((v["id"], sc))
        compare("seeker_to_vacancies", s["id"], top(pairs, a.k), s2v.get(s["id"], []), problems)
        if employers:
            pairs = []
            for e in employers:
                sc, _, _ = work_out.score(s, work_out.employer_vacancy(s, e), employer=True)
                if sc is not None:
                    pairs.append((e["id"], sc))
            compare("seeker_to_employers", s["id"], top(pairs, a.k), s2e.get(s["id"], []), problems)
        checked += 1
    vac_sorted = sorted(vacancies, key=lambda v: v["id"].encode())
    vstep = max(1, len(vac_sorted) // a.sample)
    vchecked = 0
    for v in vac_sorted[::vstep][: a.sample]:
        pairs = []
        for s in seekers:
            sc, _, _ = work_out.score(s, v)
            if sc is not None:
                pairs.append((s["id"], sc))
        compare("vacancy_to_seekers", v["id"], top(pairs, a.k), v2s.get(v["id"], []), problems)
        vchecked += 1
    print(json.dumps({"seekers_checked": checked, "vacancies_checked": vchecked, "disagreements": len(problems), "first": problems[:3]}))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
