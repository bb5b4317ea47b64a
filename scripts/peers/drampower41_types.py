#!/usr/bin/env python3
"""Runs DRAMPower 4.1 on the traces of undervolt-core/src/test/resources/golden/dram/drampower41-types and writes
its figures to results.json there (the golden values GoldenDramPowerTypesTest compares `dram energy` with).

Usage: scripts/peers/drampower41_types.py DRAMPOWER41_BINARY

Each trace is named MEMSPEC__PATTERN.trc; its memspec is the golden set's ../memspecs/MEMSPEC.xml (beside the
memspec.dtd DRAMPower 4.1 validates it with). DRAMPower 4.1 runs twice per trace: as is (core energy) and with -r (IO and termination).
"""
import json
import os
import re
import subprocess
import sys

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                    "undervolt-core", "src", "test", "resources", "golden", "dram", "drampower41-types")
LINES = {
    "act": "ACT Cmd Energy", "pre": "PRE Cmd Energy", "rd": "RD Cmd Energy", "wr": "WR Cmd Energy",
    "ref": "Auto-Refresh Energy", "act_background": "ACT Stdby Energy", "pre_background": "PRE Stdby Energy",
    "total": "Total Trace Energy",
    "read_io": r"RD I/O Energy", "write_termination": r"WR Termination Energy",
    "read_idle_rank_termination": r"RD Termination Energy \(Idle rank\)",
    "write_idle_rank_termination": r"WR Termination Energy \(Idle rank\)",
}


def figures(text):
    out = {}
    for key, label in LINES.items():
        m = re.search(r"(?:^|pJ)" + label + r": (-?[0-9.]+) pJ", text, re.M)
        if m:
            out[key] = float(m.group(1))
    out["cycles"] = int(re.search(r"Total Trace Length \(clock cycles\): (\d+)", text).group(1))
    return out


def main():
    binary = os.path.abspath(sys.argv[1])
    cases = []
    for name in sorted(os.listdir(os.path.join(HERE, "traces"))):
        memspec_name, pattern = name[:-len(".trc")].split("__")
        memspec = "../memspecs/%s.xml" % memspec_name
        trace = "traces/" + name
        run = lambda *extra: subprocess.run([binary, "-m", memspec, "-c", trace, *extra], cwd=HERE, check=True,
                                            capture_output=True, text=True).stdout
        core = figures(run())
        io = figures(run("-r"))
        cases.append({"id": name[:-len(".trc")], "memspec": memspec, "trace": trace, "cycles": core["cycles"],
                      "energy_pJ": {k: v for k, v in core.items() if k != "cycles"},
                      "energy_pJ_with_io_term": {k: v for k, v in io.items() if k != "cycles"}})
    with open(os.path.join(HERE, "results.json"), "w") as f:
        json.dump(cases, f, indent=1)
        f.write("\n")
    print("%d cases -> %s" % (len(cases), os.path.join(HERE, "results.json")))


if __name__ == "__main__":
    main()
