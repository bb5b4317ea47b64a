#!/usr/bin/env python3
"""`undervolt dram energy` beside DRAMPower 4.1 on every memspec of DRAMPower 4.1's memspecs/ folder.

Usage: scripts/peers/drampower41_all_memspecs.py DRAMPOWER41_DIR OUT_DIR
  DRAMPOWER41_DIR: a checkout of DRAMPower tag v4.1 with its `drampower` binary built (`make`)
  OUT_DIR: where the traces and both tools' outputs go

For each memspec XML, gen_memspec_traces.py (beside this script) writes timing-legal traces of six patterns (single
access, bank conflicts, random with idle gaps, refreshes with idle time, write-heavy, auto-precharges at each type's
offset); DRAMPower 4.1 runs each as is and with -r, undervolt once with --json. Printed per case: DRAMPower's core total and total with IO, undervolt's core and total, their relative
differences and both trace lengths; last, the count of cases whose totals differ by more than 0.001 % or whose
lengths differ. Run from the repository root (./undervolt is called).
"""
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def dp_figures(text):
    total = re.search(r"Total Trace Energy: (-?[0-9.]+) pJ", text)
    cycles = re.search(r"Total Trace Length \(clock cycles\): (\d+)", text)
    return float(total.group(1)), int(cycles.group(1))


def rel(a, b):
    return 0.0 if a == b else (a - b) / b if b else float("inf")


def main():
    dp_dir, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    traces = os.path.join(out, "traces")
    os.makedirs(traces, exist_ok=True)
    memspecs = sorted(glob.glob(os.path.join(dp_dir, "memspecs", "*.xml")))
    subprocess.run([sys.executable, os.path.join(HERE, "gen_memspec_traces.py"), traces, *memspecs], check=True)
    off = cases = 0
    for memspec in memspecs:
        name = os.path.basename(memspec)[:-len(".xml")]
        for trace in sorted(glob.glob(os.path.join(traces, name + "__*.trc"))):
            case = os.path.basename(trace)[:-len(".trc")]
            cases += 1
            run = lambda *extra: subprocess.run([os.path.join(dp_dir, "drampower"), "-m", memspec, "-c", trace, *extra],
                                                cwd=dp_dir, capture_output=True, text=True)
            dp_core, dp_cycles = dp_figures(run().stdout)
            dp_total, _ = dp_figures(run("-r").stdout)
            uv = subprocess.run(["./undervolt", "dram", "energy", "--part", memspec, "--trace", trace, "--json"],
                                capture_output=True, text=True)
            if uv.returncode != 0:
                off += 1
                print("%-70s undervolt exit %d: %s" % (case, uv.returncode, uv.stderr.strip()))
                continue
            u = json.loads(uv.stdout)
            core, total, cycles = u["core_j"] * 1e12, u["total_j"] * 1e12, u["cycles"]["total"]
            d_core, d_total = rel(core, dp_core), rel(total, dp_total)
            bad = abs(d_core) > 1e-5 or abs(d_total) > 1e-5 or cycles != dp_cycles
            off += bad
            print("%-70s DRAMPower %14.2f / %14.2f pJ  undervolt %14.2f / %14.2f pJ  %+.5f %% / %+.5f %%  cycles %d / %d%s"
                  % (case, dp_core, dp_total, core, total, 100 * d_core, 100 * d_total, dp_cycles, cycles,
                     "  OFF" if bad else ""))
    print("%d cases on %d memspecs: %d off (totals beyond 0.001 %% or lengths unequal)" % (cases, len(memspecs), off))


if __name__ == "__main__":
    main()
