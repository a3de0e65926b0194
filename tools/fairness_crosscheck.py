#!/usr/bin/env python3
"""An independent check of the fairness report (AUDIT.md section 4).

Recomputes every group's figures from the run's files with the Python
standard library only (no code shared with crates/werkmatch-audit) and compares
them with the report that `fairness --json` wrote:

    python3 tools/fairness_crosscheck.py --matches matches.jsonl \
        --attributes audit.jsonl [--plan plan.jsonl] [--min-group 30] --report fairness.json

Prints "agree: ..." and exits 0 when every figure matches (within 1e-9, and
exactly for counts and flags), else lists each difference and exits 1; exit 2
on a usage error. The proxy table is not checked (it needs the scoring's
skill levels; its figures are group means of the seekers file's fields).

The readings of the contract are the ones stated in docs/AUDIT.md: the seekers
counted are those with a seeker -> vacancies line in matches.jsonl; a match is
a non-empty list; a seeker without an audit record, or without an attribute,
is in group "unknown"; exposure counts the positions of counted seekers in
every vacancy -> seekers list; ratios are rate / best rate among the groups
with n >= min_group (null when that best is 0, and for smaller groups); a
group is flagged when n >= min_group and a ratio is below 0.8; the placement
rate is the share whose plan line names a vacancy.
"""

import argparse
import json
import math
import sys

Z = 1.959964
FLAG_BELOW = 0.8
TOL = 1e-9


def json_lines(path):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                yield n, json.loads(line)


def wilson(k, n):
    p = k / n
    z2 = Z * Z
    denom = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denom
    half = Z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom
    return [max(0.0, centre - half), min(1.0, centre + half)]


def expected(matches, attributes, plan, min_group):
    best = {}  # counted seeker -> best score, or None without a match
    lists = []
    for _, line in json_lines(matches):
        if "seeker" in line:
            if "employers" in line:
                continue  # seeker -> employers: not part of the report
            scores = [m["score"] for m in line["matches"]]
            best[line["seeker"]] = max(scores) if scores else None
        else:
            lists.append([m["seeker"] for m in line["matches"]])
    audit = {}
    names = set()
    for _, line in json_lines(attributes):
        seeker = line.pop("seeker")
        audit[seeker] = line
        names.update(line)
    placed = None
    if plan is not None:
        placed = {}
        for _, line in json_lines(plan):
            if "seeker" in line:
                placed[line["seeker"]] = line["vacancy"] is not None

    # Each counted seeker's share of exposure: sum of 1/log2(1+j) over the positions it holds.
    gain = {s: 0.0 for s in best}
    for ids in lists:
        for j, s in enumerate(ids, 1):
            if s in gain:
                gain[s] += 1 / math.log2(1 + j)

    report = {}
    for name in sorted(names):
        groups = {}
        for s in best:
            groups.setdefault(audit.get(s, {}).get(name, "unknown"), []).append(s)
        figures = {}
        for g, members in groups.items():
            n = len(members)
            matched = [best[s] for s in members if best[s] is not None]
            f = {
                "n": n,
                "match_rate": len(matched) / n,
                "match_rate_ci": wilson(len(matched), n),
                "mean_best_score": sum(matched) / len(matched) if matched else None,
                "exposure": sum(gain[s] for s in members) / n,
                "placement_rate": None,
            }
            if placed is not None:
                f["placement_rate"] = sum(1 for s in members if placed.get(s, False)) / n
            figures[g] = f
        for rate in ["match_rate", "exposure", "placement_rate"]:
            big = [f[rate] for f in figures.values() if f["n"] >= min_group and f[rate] is not None]
            top = max(big) if big else None
            key = {"match_rate": "match_rate_ratio", "exposure": "exposure_ratio"}.get(rate, "placement_ratio")
            for f in figures.values():
                ok = f["n"] >= min_group and top and f[rate] is not None
                f[key] = f[rate] / top if ok else None
        for f in figures.values():
            f["insufficient_n"] = f["n"] < min_group
            ratios = [f[k] for k in ("match_rate_ratio", "exposure_ratio", "placement_ratio")]
            f["flagged"] = not f["insufficient_n"] and any(r is not None and r < FLAG_BELOW for r in ratios)
        report[name] = figures
    return report


def differences(want, got, where):
    if isinstance(want, bool) or isinstance(got, bool) or want is None or got is None:
        return [] if want == got else [f"{where}: expected {want}, report has {got}"]
    if isinstance(want, list):
        if not isinstance(got, list) or len(got) != len(want):
            return [f"{where}: expected {want}, report has {got}"]
        return [d for i, (a, b) in enumerate(zip(want, got)) for d in differences(a, b, f"{where}[{i}]")]
    if isinstance(want, int) and not isinstance(want, bool) and isinstance(got, int):
        return [] if want == got else [f"{where}: expected {want}, report has {got}"]
    if not isinstance(got, (int, float)) or abs(want - got) > TOL:
        return [f"{where}: expected {want}, report has {got}"]
    return []


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--matches", required=True)
    p.add_argument("--attributes", required=True)
    p.add_argument("--plan")
    p.add_argument("--min-group", type=int, default=30)
    p.add_argument("--report", required=True, help="the report `fairness --json` wrote")
    a = p.parse_args()
    if a.min_group < 1:
        p.error("--min-group must be at least 1")
    want = expected(a.matches, a.attributes, a.plan, a.min_group)
    with open(a.report, encoding="utf-8") as f:
        got = json.load(f)
    problems = []
    if got.get("min_group") != a.min_group:
        problems.append(f"min_group: expected {a.min_group}, report has {got.get('min_group')}")
    attrs = got.get("attributes", {})
    if sorted(attrs) != sorted(want):
        problems.append(f"attributes: expected {sorted(want)}, report has {sorted(attrs)}")
    checked = 0
    for name, groups in want.items():
        rgroups = attrs.get(name, {})
        if sorted(rgroups) != sorted(groups):
            problems.append(f"{name}: groups expected {sorted(groups)}, report has {sorted(rgroups)}")
        for g, figures in groups.items():
            rg = rgroups.get(g, {})
            for key, value in figures.items():
                checked += 1
                if key not in rg:
                    problems.append(f"{name}/{g}: the report has no `{key}`")
                else:
                    problems += differences(value, rg[key], f"{name}/{g}/{key}")
    if problems:
        print(f"disagree: {len(problems)} of {checked} figures differ")
        for line in problems:
            print("  " + line)
        return 1
    groups = sum(len(g) for g in want.values())
    print(f"agree: {len(want)} attributes, {groups} groups, {checked} figures checked (min_group {a.min_group})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
