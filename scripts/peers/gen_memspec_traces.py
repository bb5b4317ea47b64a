#!/usr/bin/env python3
"""Timing-legal DRAMPower 4.1 .trc traces for any DRAMPower 4.1 XML memspec.

Reuses the scheduler of /work/shared/golden/dram/tools/gen_traces.py (Sched, build) with a
timing set read from the memspec itself.  Extra pattern 'g_autopre': RD/WR/RDA/WRA mix where the
implicit precharge of RDA/WRA happens at DRAMPower 4.1's per-standard precharge offset
(MemCommand::getPrechargeOffset), so the next ACT to that bank is tRP after it.

Usage: gen_memspec_traces.py OUTDIR MEMSPEC.xml...
"""
import os
import sys
import xml.etree.ElementTree as ET

# the golden set's generator (tools/gen_traces.py of the shared golden DRAM data): GOLDEN_TOOLS or ../shared/...
sys.path.insert(0, os.environ.get("GOLDEN_TOOLS", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                             "..", "..", "..", "shared", "golden", "dram", "tools")))
import gen_traces as G  # noqa: E402


def read_spec(path):
    root = ET.parse(path).getroot()
    p = {}
    for el in root.iter("parameter"):
        p[el.get("id")] = el.get("value")
    return p


def timing_from(p):
    i = lambda k, d=0: int(p.get(k, d))
    bl2 = i("burstLength") // i("dataRate")
    ccd = i("CCD", bl2)
    tm = dict(rcd=i("RCD"), ras=i("RAS"), rp=i("RP"), rc=i("RC"), rtp=i("RTP"), wr=i("WR"),
              wl=i("WL"), rl=i("RL"), bl2=bl2,
              ccd_s=max(i("CCD_S", ccd), bl2), ccd_l=max(i("CCD_L", ccd), bl2),
              rrd_s=i("RRD_S", i("RRD", 1)), rrd_l=i("RRD_L", i("RRD", 1)),
              faw=i("FAW", i("TAW", 0)), wtr_s=i("WTR_S", i("WTR", 0)), wtr_l=i("WTR_L", i("WTR", 0)),
              rfc=i("RFC"), refi=i("REFI"))
    # tRC >= tRAS + tRP is assumed by the scheduler only through tRC itself; keep both
    return tm


def precharge_offset(mtype, p, is_wr):
    """DRAMPower 4.1 MemCommand::getPrechargeOffset."""
    i = lambda k, d=0: int(p.get(k, d))
    B = i("burstLength") // i("dataRate")
    RTP, AL, WL, WR = i("RTP"), i("AL"), i("WL"), i("WR")
    if not is_wr:
        return {"DDR2": B + AL - 2 + max(RTP, 2), "DDR3": AL + max(RTP, 4), "DDR4": AL + RTP,
                "LPDDR": B, "LPDDR2": B + max(0, RTP - 2), "LPDDR3": B + max(0, RTP - 4),
                "WIDEIO_SDR": B}[mtype]
    return {"DDR2": B + WL + WR, "DDR3": B + WL + WR, "DDR4": B + WL + WR, "LPDDR": B + WR,
            "LPDDR2": B + WL + WR + 1, "LPDDR3": B + WL + WR + 1, "WIDEIO_SDR": B + WL + WR - 1}[mtype]


class AutoPreSched(G.Sched):
    """Column commands optionally with auto-precharge; the bank closes at the DRAMPower offset,
    and not before tRAS after its ACT (so the implicit PRE is legal too)."""

    def __init__(self, tm, nb, ng, seed, mtype, p):
        super().__init__(tm, nb, ng, seed)
        self.mtype, self.p = mtype, p

    def col_auto(self, b, col, is_wr):
        self.col(b, col, is_wr)
        t, c, bb, row, cc = self.cmds[-1]
        # push the command later until its implicit precharge respects tRAS
        off = precharge_offset(self.mtype, self.p, is_wr)
        need = self.t_act[b] + self.tm["ras"] - off
        if t < need:
            # re-issue later: drop and emit again at 'need'
            self.cmds.pop()
            self.now = t
            t = self.emit(need, c, bb, row, cc)
            if is_wr:
                self.t_wr[b] = t
            else:
                self.t_rd[b] = t
            self.last_col = (t, self.bg(b), c)
        self.cmds[-1] = (t, ("WRA" if is_wr else "RDA"), bb, row, cc)
        self.t_pre[b] = t + off
        self.open[b] = None


def build(kind, tm, nb, ng, cols, seed, mtype, p):
    if kind != "g_autopre":
        tset = "__tmp"
        G.TIMINGS[tset] = tm
        G.MEMSPECS["__tmp"] = (tset, nb, ng, 1024, cols, "dp4", "")
        return G.build(kind, "__tmp", seed)[0]
    s = AutoPreSched(tm, nb, ng, seed, mtype, p)
    rng = s.rng
    while len(s.cmds) < 1200:
        b = rng.randrange(nb)
        row = rng.randrange(6)
        col = rng.randrange(max(cols // 8, 1)) * 8
        is_wr = rng.random() < 0.35
        if s.open[b] is not None and s.open[b] != row:
            s.pre(b)
        if s.open[b] is None:
            s.act(b, row)
        if rng.random() < 0.4:
            s.col_auto(b, col, is_wr)
        else:
            s.col(b, col, is_wr)
        if rng.random() < 0.03:
            s.idle(rng.randrange(10, 200))
    s.close_all()
    s.end()
    return s.cmds


KINDS = ["a_single", "c_conflict", "d_random_s1", "e_refresh_idle", "f_write_heavy", "g_autopre"]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for path in sys.argv[2:]:
        p = read_spec(path)
        name = os.path.basename(path)[:-4]
        mtype = p.get("memoryType", "DDR3")
        nb = int(p["nbrOfBanks"])
        ng = int(p.get("nbrOfBankGroups", 1))
        cols = int(p["nbrOfColumns"])
        tm = timing_from(p)
        for kind in KINDS:
            seed = 1
            cmds = build(kind, tm, nb, ng, cols, seed, mtype, p)
            G.write_dp4(os.path.join(out, f"{name}__{kind}.trc"), cmds)


if __name__ == "__main__":
    main()
