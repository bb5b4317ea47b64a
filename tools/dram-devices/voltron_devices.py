#!/usr/bin/env python3
"""Derives Undervolt's Voltron device table (devices_voltron_vdd.csv): one row per DIMM and supply voltage.

Input: a checkout (or bare git directory) of CMU-SAFARI/DRAM-Voltage-Study, the data released with K. K. Chang et al.,
"Understanding Reduced-Voltage Operation in Modern DRAM Devices: Experimental Characterization, Analysis, and
Mechanisms", SIGMETRICS/POMACS 2017, arXiv:1705.10292, Section 4.1. File
characterization_results/dimm_faulty_cachelines_out.csv, columns dimm_name,vdd,vendor,error_cacheline_percent: the
percentage of 64-byte (512-bit) cache lines with at least one flipped bit, per DDR3L SO-DIMM and supply voltage.

Conversion (stated in the table's header as well): with f the failing-line fraction,
  ber_lower = f / 512   one flipped bit in every failing line (the fewest the measurement allows)
  ber_upper = f         every bit of a failing line flipped (the most it allows)
Quirks kept visible, not smoothed: each DIMM keeps its own lowest tested voltage (its data floor); vendor C's fraction
stops rising near 50 % (a ceiling of the test, not of the chip): rows with f within CEILING_BAND of 0.5 are flagged
saturated=1 (vendor A's fractions pass 50 %, up to 89.6 %, so only the 50 % plateau itself is flagged).

Usage: voltron_devices.py DRAM-Voltage-Study-DIR [--out devices_voltron_vdd.csv]
Python 3 standard library only.
"""
import csv
import io
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import devtable  # noqa: E402

SOURCE = "characterization_results/dimm_faulty_cachelines_out.csv"
LINE_BITS = 512
CEILING_BAND = 0.01  # vendor C's curves flatten at 49.2 ... 50.03 % of lines: |f - 0.5| <= 0.01 is the plateau
NOMINAL_V = 1.35


def derive(repo):
    rows = []
    for r in csv.DictReader(io.StringIO(devtable.read_source(repo, SOURCE))):
        pct = float(r["error_cacheline_percent"])
        f = pct / 100.0
        rows.append((r["dimm_name"].strip(), r["vendor"].strip(), float(r["vdd"]), pct, f / LINE_BITS, f,
                     1 if abs(f - 0.5) <= CEILING_BAND else 0))
    rows.sort(key=lambda t: (t[1], int(t[0][1:]), t[2]))
    return rows


def header(repo, rows):
    dimms = sorted({r[0] for r in rows}, key=lambda d: (d[0], int(d[1:])))
    floors = {}
    for r in rows:
        floors[r[0]] = min(floors.get(r[0], 9), r[2])
    by_floor = {}
    for d in dimms:
        by_floor.setdefault(floors[d], []).append(d)
    lines = [
        "Undervolt device table: bit error rate versus DRAM supply voltage, one device per DDR3L SO-DIMM.",
        "knob: vdd",
        "unit: V",
        "nominal: %s" % NOMINAL_V,
        "measured: percent of 64-byte cache lines with at least one flipped bit",
        "source: K. K. Chang et al., Understanding Reduced-Voltage Operation in Modern DRAM Devices, SIGMETRICS/POMACS",
        "  2017, arXiv:1705.10292, Section 4.1; data: github.com/CMU-SAFARI/DRAM-Voltage-Study (commit %s)," % devtable.revision(repo),
        "  %s. No licence file in that repository: derived per-device figures, cited." % SOURCE,
        "conversion (tools/dram-devices/voltron_devices.py): f = percent / 100; ber_lower = f / 512 (one flipped bit",
        "  per failing 512-bit line, the fewest the measurement allows); ber_upper = f (every bit of a failing line).",
        "  Undervolt uses ber_lower by default (DeviceTable, --ber-bound).",
        "devices: %d DIMMs (vendor A %d, B %d, C %d); B6 is not in the file." % (
            len(dimms), sum(d[0] == "A" for d in dimms), sum(d[0] == "B" for d in dimms), sum(d[0] == "C" for d in dimms)),
        "quirk 1, floors: DIMMs stop at different voltages (lowest tested voltage = data floor): " + "; ".join(
            "%.3f V %s" % (v, " ".join(by_floor[v])) for v in sorted(by_floor)) + ".",
        "quirk 2, saturation: vendor C's fraction stops near 50 %%; rows with |f - 0.5| <= %.2f are flagged saturated=1" % CEILING_BAND,
        "  (vendor A passes 50 %%, up to 89.6 %%, so only the plateau is flagged: %s);" % ", ".join(
            "%s %.3f V" % (r[0], r[2]) for r in rows if r[6]),
        "  Undervolt uses no point at or below a device's highest saturated voltage (the true rate may be higher).",
        "quirk 3, non-monotone rows (e.g. B1: 0.0046 % at 1.050 V, 0.0037 % at 1.025 V) are kept as measured here;",
        "  the loader takes the running maximum from high to low voltage so BER never falls as VDD falls.",
    ]
    return lines


def main():
    devtable.main(__doc__, "CMU-SAFARI/DRAM-Voltage-Study", "devices_voltron_vdd.csv", derive, header)


if __name__ == "__main__":
    main()
