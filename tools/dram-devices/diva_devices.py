#!/usr/bin/env python3
"""Derives Undervolt's DIVA device table (devices_diva_trcd.csv): one row per DIMM and activation latency tRCD.

Input: a checkout (or bare git directory) of CMU-SAFARI/DIVA-DRAM, the data released with D. Lee et al.,
"Design-Induced Latency Variation in Modern DRAM Chips: Characterization, Analysis, and Latency Reduction
Mechanisms", SIGMETRICS/POMACS 2017 (arXiv:1610.09604). Files profile_data/vendor{A,B,C}/summary/summary_NN: per DDR3
SO-DIMM, the total number of error bits per timing setting, lines
  READ 256ms <tRCD> <tRAS> <tRP> <tWR> : <per-chip flags> <error bits> S     (no count: no error bit)
with timings in controller cycles.

Conversion (stated in the table's header as well):
  cycle time 2.5 ns: inferred from tWR = 6 cycles (DDR3's 15 ns) and tRAS = 15 cycles (37.5 ns, DDR3-1600 needs 35 ns);
    the nominal setting tRCD = tRP = 5 cycles is then 12.5 ns (DDR3-1600's datasheet value: 13.75 ns).
  capacity 2 GiB = 2^34 bits per DIMM: inferred from the counts, which level off just below 2^33 (largest:
    8,558,881,931 = 0.498 x 2^34, i.e. half the bits of a 2 GiB module wrong, as for unrelated data).
  retention: every test ran at a 256 ms refresh interval, so the count at nominal timing (tRCD 5, tRAS 15, tRP 5)
    is retention failures. ber = max(0, bits(tRCD) - bits(nominal)) / 2^34, so nominal tRCD has ber 0 and only the
    errors the shorter tRCD adds are counted. ber_lower = ber_upper (counts are of bits, no bound needed).
  rows: only the tRCD sweep (tRAS 15, tRP 5); the tRP sweep rows (tRP 4, 3, 2) are another knob and are left out.
  saturated = 1 where the count is at least 0.45 x 2^34 (the read returns data unrelated to what was written).

Usage: diva_devices.py DIVA-DRAM-DIR [--out devices_diva_trcd.csv]
Python 3 standard library only.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import devtable  # noqa: E402

CYCLE_NS = 2.5
CAPACITY_BITS = 2 ** 34
NOMINAL = (5, 15, 5)
SATURATED = 0.45


def parse_summary(text, name):
    """{(tRCD, tRAS, tRP): error bits} of one summary file."""
    out = {}
    for line in text.splitlines():
        w = line.split()
        if not w or w[0] != "READ":
            continue
        if len(w) < 9 or w[6] != ":":
            raise SystemExit("%s: unexpected line %r" % (name, line))
        key = (int(w[2]), int(w[3]), int(w[4]))
        bits = int(w[-2]) if w[-1] == "S" else 0
        out[key] = bits
    return out


def derive(repo):
    rows = []
    for vendor in "ABC":
        d = "profile_data/vendor%s/summary" % vendor
        for f in devtable.list_dir(repo, d):
            if not f.startswith("summary_"):
                continue
            counts = parse_summary(devtable.read_source(repo, d + "/" + f), d + "/" + f)
            if NOMINAL not in counts:
                raise SystemExit("%s/%s: no nominal-timing row" % (d, f))
            retention = counts[NOMINAL]
            dev = vendor + f[len("summary_"):]
            for (rcd, ras, rp), bits in sorted(counts.items()):
                if (ras, rp) != NOMINAL[1:]:
                    continue
                ber = max(0, bits - retention) / CAPACITY_BITS
                rows.append((dev, vendor, rcd * CYCLE_NS, bits, ber, ber, 1 if bits >= SATURATED * CAPACITY_BITS else 0))
    return rows


def header(repo, rows):
    devs = sorted({r[0] for r in rows})
    return [
        "Undervolt device table: bit error rate versus activation latency tRCD, one device per DDR3 SO-DIMM.",
        "knob: trcd",
        "unit: ns",
        "nominal: %s" % (NOMINAL[0] * CYCLE_NS),
        "measured: error bits over the whole DIMM at this tRCD (tRAS 15, tRP 5 cycles, refresh interval 256 ms)",
        "source: D. Lee et al., Design-Induced Latency Variation in Modern DRAM Chips, SIGMETRICS/POMACS 2017,",
        "  arXiv:1610.09604; data: github.com/CMU-SAFARI/DIVA-DRAM (commit %s)," % devtable.revision(repo),
        "  profile_data/vendor{A,B,C}/summary/summary_NN. No licence file in that repository: derived per-device figures, cited.",
        "conversion (tools/dram-devices/diva_devices.py): x = tRCD cycles x 2.5 ns (cycle inferred from tWR 6 = 15 ns and",
        "  tRAS 15 = 37.5 ns; nominal tRCD 5 cycles = 12.5 ns); capacity 2^34 bits (2 GiB) per DIMM, inferred from the",
        "  largest counts levelling off at 0.498 x 2^34; retention failures separated: the count at nominal timing (same",
        "  256 ms refresh) is subtracted, ber = max(0, bits - bits at nominal) / 2^34; ber_lower = ber_upper.",
        "  saturated = 1 where bits >= %.2f x 2^34 (reads unrelated to the written data)." % SATURATED,
        "devices: %d DIMMs (vendor A %d, B %d, C %d); ids are vendor + the summary file's number." % (
            len(devs), sum(d[0] == "A" for d in devs), sum(d[0] == "B" for d in devs), sum(d[0] == "C" for d in devs)),
        "quirk: a setting where no chip failed is written without a count (flags '........'): read as 0 error bits, as the",
        "  summary format writes it; non-monotone rows are kept; the loader takes the running maximum towards short tRCD.",
    ]


def main():
    devtable.main(__doc__, "CMU-SAFARI/DIVA-DRAM", "devices_diva_trcd.csv", derive, header)


if __name__ == "__main__":
    main()
