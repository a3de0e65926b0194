#!/usr/bin/env python3
"""An independent implementation of AUDIT.md section 4 (match rate, Wilson interval, mean best score,
exposure, ratios, flags, insufficient n) that checks the figures of `fairness --json`.

python3 tools/fairness_crosscheck.py MATCHES.jsonl ATTRIBUTES.jsonl FAIRNESS.json

Written from the contract, not from the Rust code; prints every difference above 1e-9."""
import json, math, sys, collections
matches, attrs, rep = sys.argv[1], sys.argv[2], json.load(open(sys.argv[3]))
nmin = rep["min_group"]; z = 1.959964
seekers = {}; vlists = []
for line in open(matches):
    o = json.loads(line)
    if "seeker" in o and "matches" in o: seekers[o["seeker"]] = [m["score"] for m in o["matches"]]
    elif "vacancy" in o: vlists.append([m["seeker"] for m in o["matches"]])
A = {}
names = set()
for line in open(attrs):
    o = json.loads(line); sid = o.pop("seeker"); A[sid] = o; names |= set(o)
exp = collections.defaultdict(float)
for l in vlists:
    for j, s in enumerate(l, 1):
        if s in seekers: exp[s] += 1 / math.log2(1 + j)
def wilson(k, n):
    p = k / n; d = 1 + z*z/n; c = (p + z*z/(2*n)) / d; h = z*math.sqrt(p*(1-p)/n + z*z/(4*n*n)) / d
    return [max(0, c-h), min(1, c+h)]
bad = 0; checked = 0
for a in names:
    groups = collections.defaultdict(list)
    for s in seekers: groups[A.get(s, {}).get(a, "unknown")].append(s)
    fig = {}
    for g, mem in groups.items():
        n = len(mem); m = [s for s in mem if seekers[s]]
        fig[g] = dict(n=n, mr=len(m)/n, ci=wilson(len(m), n), best=(sum(max(seekers[s]) for s in m)/len(m) if m else None), exp=sum(exp[s] for s in mem)/n)
    big = [f for f in fig.values() if f["n"] >= nmin]
    bm = max((f["mr"] for f in big), default=None); be = max((f["exp"] for f in big), default=None)
    for g, f in fig.items():
        r = rep["attributes"][a][g]
        mrr = f["mr"]/bm if f["n"] >= nmin and bm else None
        er = f["exp"]/be if f["n"] >= nmin and be else None
        flagged = f["n"] >= nmin and any(x is not None and x < 0.8 for x in (mrr, er))
        pairs = [(r["n"], f["n"]), (r["match_rate"], f["mr"]), (r["match_rate_ci"][0], f["ci"][0]), (r["match_rate_ci"][1], f["ci"][1]), (r["mean_best_score"], f["best"]), (r["exposure"], f["exp"]), (r["match_rate_ratio"], mrr), (r["exposure_ratio"], er), (r["flagged"], flagged), (r["insufficient_n"], f["n"] < nmin)]
        for x, y in pairs:
            checked += 1
            if (x is None) != (y is None) or (x is not None and abs(float(x) - float(y)) > 1e-9):
                bad += 1; print("DIFF", a, g, x, y)
print("checked", checked, "differences", bad)
