#!/usr/bin/env python3
"""An independent check of the fat-vs-control-ber stage's figures (written for this evidence, not part of the tool):
reads the stage's checkpoint (paired-points.json, finished or not) and prints, per point, both
networks' per-draw accuracies and means, each network's crossing on the points measured so far (largest passing BER
below the first failing one; the stage's rule), and the paired bootstrap over draws (same draw indices for both
networks and every point; 10,000 replicates; ties count against fault-aware) -- the statistic the stage computes
when it finishes (its own random stream, so the share agrees within bootstrap noise, ~0.25 %). Usage: bootstrap_check.py paired-points.json CRITERION"""
import json, random, sys

pts = json.load(open(sys.argv[1]))["points"]
crit = float(sys.argv[2])
bers = sorted({float(k.split("@")[1]) for k in pts})
both = [b for b in bers if ("a@%r" % b) in pts and ("b@%r" % b) in pts]
A = [pts["a@%r" % b] for b in both]
B = [pts["b@%r" % b] for b in both]
T = len(A[0])

def crossing(rows, pick):
    last = -1  # index into `both`; -1 = below the lowest point measured
    for i, r in enumerate(rows):
        if sum(r[t] for t in pick) / len(pick) < crit:
            return last, i
        last = i
    return last, None

def name(i):
    return "below %.4g" % both[0] if i < 0 else "%.4g" % both[i]

print("BER        fault-aware mean  control mean  per-draw FAT-control (points)")
for b, a, c in zip(both, A, B):
    print("%.4g   %.4f %s     %.4f %s     %s" % (b, sum(a) / T, "pass" if sum(a) / T >= crit else "FAIL",
          sum(c) / T, "pass" if sum(c) / T >= crit else "FAIL", " ".join("%+.2f" % (100 * (x - y)) for x, y in zip(a, c))))
ca, fa = crossing(A, range(T))
cb, fb = crossing(B, range(T))
print("fault-aware crossing %s (first failing %s); control %s (first failing %s)" % (
    name(ca), "none" if fa is None else "%.4g" % both[fa], name(cb), "none" if fb is None else "%.4g" % both[fb]))
rng = random.Random(1)
above = tie = 0
R = 10000
for _ in range(R):
    pick = [rng.randrange(T) for _ in range(T)]
    ra, rb = crossing(A, pick)[0], crossing(B, pick)[0]
    above += ra > rb
    tie += ra == rb
print("paired bootstrap, %d replicates over %d draws: fault-aware's crossing above the control's in %.2f%%, ties %.2f%%"
      % (R, T, 100 * above / R, 100 * tie / R))
