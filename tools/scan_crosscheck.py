#!/usr/bin/env python3
"""Cross-checks the scan's output against an independent statement of SCAN.md.

    python3 tools/scan_crosscheck.py --dir DIR --json SCAN.jsonl --summary SUMMARY.json [--jobs N]

DIR holds seekers.jsonl, vacancies.jsonl and (optionally) employers.jsonl
(FORMAT.md JSON Lines, e.g. from `cargo run --release --example generate`).
SCAN.jsonl and SUMMARY.json are what `cargo run --release --example scan --
--seekers … --vacancies … --employers … --json … --summary …` wrote for them
(the caseload, without --esco: alternatives from the synthetic vocabulary).

Every count of SCAN.md is recomputed here the plain way, from the contract:
each pair scored with `fixtures/cases/work_out.py` (the project's second,
independent statement of SCORING.md, shared with tools/crosscheck.py; it shares
no code with the Rust crates), every change applied to a copy of the seeker
and every vacancy and employer scored again, competitors ranked from scratch.
The synthetic occupation catalogue is read from the generator's vocabulary
source (its data, not its code). The readings the Rust side documents in
docs/SCAN.md are followed where SCAN.md leaves a choice; they are marked
"reading N" below.

Prints one JSON summary line; exits 1 on any difference (listed, at most 20),
2 on a usage error.
"""
import argparse
import copy
import json
import multiprocessing
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
sys.path.insert(0, os.path.join(ROOT, "fixtures", "cases"))
import work_out  # noqa: E402

THETA = 0.5
NEAR = 0.1
K_C, C_POS = 10, 3
MAX_SKILLS = 20
W_MIN = 0.25
MAX_ALTERNATIVES = 20
MAX_MISSING = 10
KANSRIJK = 5
CEFR_ORDER = ["A1", "A2", "B1", "B2", "C1", "C2"]
VOCABULARY = os.path.join(ROOT, "crates", "werkmatch-adapter", "src", "synthetic", "occupations.rs")


def read(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def b(s):
    return s.encode()


# ---- the synthetic catalogue (SCAN.md 3; reading 14): one occupation per ISCO code ----
def synthetic_catalogue(path):
    src = open(path).read()
    body = src[src.index("const OCCUPATIONS"):]
    out = {}
    for block in re.split(r"\n    Occupation \{", body)[1:]:
        isco = re.search(r'isco: "(\d{4})"', block).group(1)
        m = re.search(r"skills: &\[(.*?)\]", block, re.S)
        skills = sorted(set(re.findall(r'"([^"]+)"', m.group(1)))) if m else []
        out["synthetic:" + isco] = {"id": "synthetic:" + isco, "isco": isco, "ess": set(skills), "opt": set()}
    return out


# ---- scoring: one pair, through work_out ----
def pair(s, v):
    """(score or None when excluded, knock-outs)."""
    sc, ko, _ = work_out.score(s, v)
    return sc, ko


def employer_pair(s, e):
    ev = work_out.employer_vacancy(s, e)
    sc, ko, _ = work_out.score(s, ev, employer=True)
    return sc, ko


def seeker_level(s):
    return max([work_out.EDU[s.get("education", "unknown")]] +
               [work_out.isco_level(x["isco"]) for x in s.get("experience", []) if x["years"] >= 1])


def vacancy_level(v):
    return v.get("level") or work_out.isco_level(v["isco"])


def positions(v):
    return v.get("positions", 1)


def n_v(v):
    return max(K_C, C_POS * positions(v))


# ---- changes (SCAN.md 2; readings 5–7) ----
def mobility(s):
    return copy.deepcopy(s.get("mobility", {"max_minutes": 45, "modes": ["bike", "transit"]}))


def apply(change, s):
    """The changed seeker, or None when the change does not change s."""
    t = copy.deepcopy(s)
    mob = mobility(s)
    if change == "licence":
        if s.get("licence"):
            return None
        t["licence"] = True
    elif change == "car":
        if s.get("licence") and "car" in mob["modes"]:
            return None
        t["licence"] = True
        mob["modes"] = sorted(set(mob["modes"]) | {"car"})
        t["mobility"] = mob
    elif change == "ebike":
        if "ebike" in mob["modes"]:
            return None
        mob["modes"] = sorted(set(mob["modes"]) | {"ebike"})
        t["mobility"] = mob
    elif change == "travel_plus_15":
        to = min(240, mob["max_minutes"] + 15)
        if to == mob["max_minutes"]:
            return None
        mob["max_minutes"] = to
        t["mobility"] = mob
    elif change.startswith("dutch_"):
        level = change[len("dutch_"):]
        if work_out.CEFR[s.get("dutch_level")] >= work_out.CEFR[level]:
            return None
        t["dutch_level"] = level
    elif change.startswith("certificate:"):
        x = change[len("certificate:"):]
        if x in s.get("certificates", []):
            return None
        t["certificates"] = s.get("certificates", []) + [x]
    elif change.startswith("skill:"):
        x = change[len("skill:"):]
        if x in s.get("skills", []):
            return None
        t["skills"] = s.get("skills", []) + [x]
    elif change == "level_up":
        ls = seeker_level(s)
        if ls >= 4:
            return None
        t["education"] = {1: "mbo2", 2: "mbo4", 3: "hbo"}[ls]
    else:
        raise ValueError(change)
    return t


def changes_for(s, reachable):
    fixed = ["licence", "car", "ebike", "travel_plus_15", "dutch_A2", "dutch_B1", "dutch_B2"]
    have_c, have_s = set(s.get("certificates", [])), set(s.get("skills", []))
    certs = sorted({c for v in reachable for c in v.get("certificates", []) if c not in have_c}, key=b)
    asked = {}
    for v in reachable:
        for x in set(v.get("skills_essential", [])):
            if x not in have_s:
                asked[x] = asked.get(x, 0) + 1
    skills = sorted(asked, key=lambda x: (-asked[x], b(x)))[:MAX_SKILLS]
    out = fixed + ["certificate:" + c for c in certs] + ["skill:" + x for x in skills] + ["level_up"]
    return [c for c in out if apply(c, s) is not None]


# ---- shared state for the workers (set before the pool forks) ----
G = {}


def ahead_of(v_index, seeker_id, score):
    """Other seekers passing v's knock-outs that rank ahead of (score, seeker_id) (SCORING.md 6; reading 8)."""
    n = 0
    for other_id, other in G["passing"][v_index]:
        if other_id == seeker_id:
            continue
        if other > score or (other == score and b(other_id) < b(seeker_id)):
            n += 1
    return n


def sets_for(x):
    """M(x), C(x), H(x) and the per-pair results, x in place of the seeker with its id."""
    vac, emp = G["vacancies"], G["employers"]
    m, c, h, per_pair = set(), set(), set(), []
    for i, v in enumerate(vac):
        sc, ko = pair(x, v)
        per_pair.append((sc, ko))
        if sc is not None and sc >= THETA:
            m.add(i)
            if ahead_of(i, x["id"], sc) < n_v(v):
                c.add(i)
    for j, e in enumerate(emp):
        sc, ko = employer_pair(x, e)
        if sc is not None and sc >= THETA:
            h.add(j)
    return m, c, h, per_pair


def alternatives(s, reach_v, reach_e):
    cat = G["catalogue"]
    vac, emp = G["vacancies"], G["employers"]
    own = {x["isco"] for x in s.get("experience", [])} | set(s.get("desired_occupations", []))
    origins = sorted({o for x in s.get("experience", []) for o in cat if cat[o]["isco"] == x["isco"]}, key=b)
    skills = set(s.get("skills", []))
    profiles = [(o, cat[o]["ess"] | cat[o]["opt"] | skills) for o in origins] or [(None, skills)]
    ls = seeker_level(s)
    out = []
    for t in sorted(cat, key=b):
        ess = cat[t]["ess"]
        isco = cat[t]["isco"]
        if not ess or isco in own or work_out.isco_level(isco) > ls + 1:
            continue
        scored = [(len(ess & p) / len(ess), o, p) for o, p in profiles]
        w = max(x[0] for x in scored)
        if w < W_MIN:
            continue
        best = sorted([x for x in scored if x[0] == w], key=lambda x: b(x[1] or ""))[0]
        dv = [vac[i] for i in reach_v if vac[i]["isco"] == isco or vac[i].get("esco_occupation") == t]
        de = [emp[j] for j in reach_e if isco in emp[j]["occupations"]]
        demand = len(dv) + len(de)
        route = "praktijkleren" if work_out.isco_level(isco) == ls + 1 or any(v.get("offers_training") for v in dv) else "direct"
        listed = {}
        for v in dv:
            for x in set(v.get("skills_essential", [])) | set(v.get("skills_optional", [])):
                listed[x] = listed.get(x, 0) + 1
        missing = sorted(ess - best[2], key=lambda x: (-listed.get(x, 0), b(x)))[:MAX_MISSING]
        out.append({"occupation": t, "isco": isco, "coverage": w, "demand": demand,
                    "kansrijk": demand >= KANSRIJK, "route": route, "missing": missing})
    out.sort(key=lambda a: (-a["coverage"], -a["demand"], b(a["occupation"])))
    return out[:MAX_ALTERNATIVES]


def scan(si):
    s = G["seekers"][si]
    vac, emp = G["vacancies"], G["employers"]
    m, c, h, per_pair = sets_for(s)
    reach_v = [i for i, (_, ko) in enumerate(per_pair) if "travel" not in ko]
    reach_e = [j for j, e in enumerate(emp) if "travel" not in employer_pair(s, e)[1]]
    by_level = {str(lv): 0 for lv in range(1, 5)}
    by_sector = {}
    for i in m:
        by_level[str(vacancy_level(vac[i]))] += 1
        k = vac[i].get("sector") or "unknown"
        by_sector[k] = by_sector.get(k, 0) + 1
    tried = []
    for ch in changes_for(s, [vac[i] for i in reach_v]):
        m2, c2, h2, _ = sets_for(apply(ch, s))
        tried.append({"change": ch, "gained": len(m2 - m), "lost": len(m - m2),
                      "competitive_gained": len(c2 - c), "hidden_gained": len(h2 - h), "matches_after": len(m2)})
    unlocks = [u for u in tried if u["gained"] or u["competitive_gained"] or u["hidden_gained"]]
    unlocks.sort(key=lambda u: (-u["gained"], b(u["change"])))
    gaps = {}
    skills = set(s.get("skills", []))
    for i, (sc, _) in enumerate(per_pair):
        if sc is not None and THETA - NEAR <= sc < THETA:
            for x in set(vac[i].get("skills_essential", [])) - skills:
                gaps[x] = gaps.get(x, 0) + 1
    return {
        "seeker": s["id"], "level": seeker_level(s), "education": s.get("education", "unknown"),
        "matches": len(m), "positions": sum(positions(vac[i]) for i in m), "hidden": len(h),
        "competitive": len(c), "by_level": by_level, "by_sector": by_sector,
        "demand_share": len(m) / len(vac) if vac else 0.0,
        "unlocks": [{k: u[k] for k in ("change", "gained", "lost", "competitive_gained", "hidden_gained")} for u in unlocks],
        "alternatives": alternatives(s, reach_v, reach_e),
        "_tried": tried, "_gaps": gaps,
    }


def bucket(n):
    return "0" if n == 0 else "1-4" if n <= 4 else "5-19" if n <= 19 else "20+"


def summarise(scans):
    def dist(key):
        d = {"all": {}, "by_education": {}, "by_level": {}}
        for x in scans:
            for part, k in (("all", None), ("by_education", x["education"]), ("by_level", str(x["level"]))):
                target = d[part] if k is None else d[part].setdefault(k, {})
                bk = bucket(x[key])
                target[bk] = target.get(bk, 0) + 1
        return d

    changes = {}
    gaps = {}
    for x in scans:
        for u in x["_tried"]:
            c = changes.setdefault(u["change"], {"change": u["change"], "people_unlocked": 0, "people_helped": 0,
                                                 "matches_gained": 0, "people_tried": 0})
            c["people_tried"] += 1
            c["people_unlocked"] += int(x["matches"] == 0 and u["matches_after"] > 0)
            c["people_helped"] += int(u["gained"] > 0)
            c["matches_gained"] += u["gained"]
        for k, n in x["_gaps"].items():
            gaps[k] = gaps.get(k, 0) + n
    seekers_by_level = {str(lv): 0 for lv in range(1, 5)}
    for x in scans:
        seekers_by_level[str(x["level"])] += 1
    positions_by_level = {str(lv): 0 for lv in range(1, 5)}
    for v in G["vacancies"]:
        positions_by_level[str(vacancy_level(v))] += positions(v)
    return {
        "seekers": len(scans), "vacancies": len(G["vacancies"]), "employers": len(G["employers"]),
        "matches": dist("matches"), "competitive": dist("competitive"),
        "changes": sorted(changes.values(), key=lambda c: (-c["people_unlocked"], -c["people_helped"], b(c["change"]))),
        "skill_gaps": sorted(({"skill": k, "near_matches": n} for k, n in gaps.items()), key=lambda g: (-g["near_matches"], b(g["skill"]))),
        "mismatch": {"seekers": seekers_by_level, "positions": positions_by_level},
    }


def buckets_equal(want, got):
    full = {k: want.get(k, 0) for k in ("0", "1-4", "5-19", "20+")}
    return full == got


def compare(want, got, where, problems):
    if isinstance(want, float) or isinstance(got, float):
        if not isinstance(got, (int, float)) or abs(want - got) > 1e-9:
            problems.append({"at": where, "want": want, "got": got})
    elif isinstance(want, dict) and isinstance(got, dict):
        # A record (a change, an alternative) may carry more keys ("more keys are welcome");
        # a count map (by level, by sector) must have exactly the keys.
        record = any(k in want for k in ("change", "occupation", "skill", "seeker"))
        if (not set(want) <= set(got)) if record else set(want) != set(got):
            problems.append({"at": where, "want_keys": sorted(want), "got_keys": sorted(got)})
        for k in want:
            if k in got:
                compare(want[k], got[k], f"{where}.{k}", problems)
    elif isinstance(want, list) and isinstance(got, list):
        if len(want) != len(got):
            problems.append({"at": where, "want_len": len(want), "got_len": len(got), "want": want[:3], "got": got[:3]})
        for i, (w, g) in enumerate(zip(want, got)):
            compare(w, g, f"{where}[{i}]", problems)
    elif want != got:
        problems.append({"at": where, "want": want, "got": got})


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", required=True)
    ap.add_argument("--json", required=True, help="the scan's --json output (one line per seeker)")
    ap.add_argument("--summary", required=True, help="the scan's --summary output")
    ap.add_argument("--vocabulary", default=VOCABULARY, help="the synthetic generator's vocabulary (Rust source)")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    a = ap.parse_args()
    G["seekers"] = sorted(read(os.path.join(a.dir, "seekers.jsonl")), key=lambda s: b(s["id"]))
    G["vacancies"] = read(os.path.join(a.dir, "vacancies.jsonl"))
    emp = os.path.join(a.dir, "employers.jsonl")
    G["employers"] = read(emp) if os.path.exists(emp) else []
    G["catalogue"] = synthetic_catalogue(a.vocabulary)
    # Every vacancy's seekers passing its knock-outs, with their scores: the competitors.
    G["passing"] = [[] for _ in G["vacancies"]]
    for s in G["seekers"]:
        for i, v in enumerate(G["vacancies"]):
            sc, _ = pair(s, v)
            if sc is not None:
                G["passing"][i].append((s["id"], sc))
    indexes = range(len(G["seekers"]))
    if a.jobs > 1:
        with multiprocessing.get_context("fork").Pool(a.jobs) as pool:
            scans = pool.map(scan, indexes, chunksize=4)
    else:
        scans = [scan(i) for i in indexes]
    problems = []
    got_lines = {x["seeker"]: x for x in read(a.json)}
    if sorted(got_lines, key=b) != [x["seeker"] for x in scans]:
        problems.append({"at": "json", "problem": "the seekers of the JSON are not the seekers of the population"})
    for x in scans:
        got = got_lines.get(x["seeker"])
        if got is None:
            continue
        want = {k: v for k, v in x.items() if not k.startswith("_")}
        compare(want, {k: got.get(k) for k in want}, x["seeker"], problems)
    want = summarise(scans)
    got = json.load(open(a.summary))
    for key in ("matches", "competitive"):
        # Buckets: the Rust side writes all four keys, even at 0.
        w, g = want.pop(key), got.get(key, {})
        for part in ("all",):
            if not buckets_equal(w[part], g.get(part)):
                problems.append({"at": f"summary.{key}.{part}", "want": w[part], "got": g.get(part)})
        for part in ("by_education", "by_level"):
            gp = g.get(part, {})
            if set(w[part]) != set(gp):
                problems.append({"at": f"summary.{key}.{part}", "want_keys": sorted(w[part]), "got_keys": sorted(gp)})
            for k in w[part]:
                if k in gp and not buckets_equal(w[part][k], gp[k]):
                    problems.append({"at": f"summary.{key}.{part}.{k}", "want": w[part][k], "got": gp[k]})
    compare(want, {k: got.get(k) for k in want}, "summary", problems)
    out = {
        "seekers": len(scans), "vacancies": len(G["vacancies"]), "employers": len(G["employers"]),
        "unlocks_checked": sum(len(x["_tried"]) for x in scans),
        "alternatives_checked": sum(len(x["alternatives"]) for x in scans),
        "changes_checked": len(want["changes"]), "skill_gaps_checked": len(want["skill_gaps"]),
        "differences": len(problems), "first_differences": problems[:20],
    }
    print(json.dumps(out, ensure_ascii=False))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
