#!/usr/bin/env python3
"""Cross-checks a matches.jsonl against the independent Python statement of SCORING.md.

    python3 tools/crosscheck.py --dir DIR --matches FILE [--sample N] [--k 10]

DIR holds seekers.jsonl, vacancies.jsonl and (optionally) employers.jsonl, as
written by `cargo run --release --example generate`. For a sample of seekers
(every n-th by id) and vacancies it recomputes the top-k with
`fixtures/cases/work_out.py` (which shares no code with the Rust crates) and
compares the lists: scores within 1e-4 at every place and for every id (the
order of two pairs whose scores tie within 1e-4 may differ; such lists are
counted as `tie_order_differences`). Prints one JSON summary line
(with `max_abs_diff`, the largest |Rust − Python| over every pair both list,
and `pairs_compared`); exits 1 on any disagreement.

Reads v1.1 records (FORMAT.md): vacancies without `sector`, remote vacancies
without `location`. `tools/v11_population.py` turns a generated population
into one with both, since the generator writes neither.
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


TOLERANCE = 1e-4
# How many more Python candidates than k are kept, so that a Rust list whose
# last places differ only by a tie within TOLERANCE can still be checked.
SLACK = 5
# The largest |Rust − Python| score over the pairs compared so far, their number,
# and the lists whose order differs only between scores within TOLERANCE.
DIFF = {"max_abs_diff": 0.0, "pairs_compared": 0, "tie_order_differences": 0}


def compare(kind, subject, want, got, problems, k=None):
    """Checks a Rust top-k list `got` [(_, id, score)] against Python's ranking `want`
    [(id, score)], best first (it may hold up to SLACK more than k entries).

    SCORING.md asks for the same scores within TOLERANCE, so the lists agree when
    they are as long, the scores at each place agree within TOLERANCE, and every
    listed id has its Python score within TOLERANCE. Two pairs whose scores are equal
    in exact arithmetic can round differently in two implementations, so their order
    may differ: that is counted (tie_order_differences), not a disagreement.
    Returns the largest score difference over the ids both list."""
    k = len(want) if k is None else k
    head = want[:k]
    wanted = dict(want)
    diffs = [abs(m[2] - wanted[m[1]]) for m in got if m[1] in wanted]
    worst = max(diffs, default=0.0)
    DIFF["max_abs_diff"] = max(DIFF["max_abs_diff"], worst)
    DIFF["pairs_compared"] += len(diffs)
    agree = (
        len(got) == len(head)
        and all(abs(g[2] - w[1]) <= TOLERANCE for g, w in zip(got, head))
        and len(diffs) == len(got)
        and worst <= TOLERANCE
    )
    if not agree:
        problems.append({"direction": kind, "subject": subject, "want": head, "got": [(m[1], m[2]) for m in got]})
    elif [m[1] for m in got] != [w[0] for w in head]:
        DIFF["tie_order_differences"] += 1
    return worst


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
        compare("seeker_to_vacancies", s["id"], top(pairs, a.k + SLACK), s2v.get(s["id"], []), problems, a.k)
        if employers:
            pairs = []
            for e in employers:
                sc, _, _ = work_out.score(s, work_out.employer_vacancy(s, e), employer=True)
                if sc is not None:
                    pairs.append((e["id"], sc))
            compare("seeker_to_employers", s["id"], top(pairs, a.k + SLACK), s2e.get(s["id"], []), problems, a.k)
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
        compare("vacancy_to_seekers", v["id"], top(pairs, a.k + SLACK), v2s.get(v["id"], []), problems, a.k)
        vchecked += 1
    sectorless = sum(1 for v in vacancies if v.get("sector") is None)
    placeless = sum(1 for v in vacancies if v.get("location") is None)
    print(json.dumps({
        "seekers_checked": checked,
        "vacancies_checked": vchecked,
        "vacancies_without_sector": sectorless,
        "remote_vacancies_without_location": placeless,
        "pairs_compared": DIFF["pairs_compared"],
        "max_abs_diff": DIFF["max_abs_diff"],
        "tie_order_differences": DIFF["tie_order_differences"],
        "disagreements": len(problems),
        "first": problems[:3],
    }))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
