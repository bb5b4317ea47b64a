#!/usr/bin/env bash
# Side by side as whole processes: Undervolt's DRAM energy model against DRAMPower 4.1 and its timing
# simulator against Ramulator 2.0a, on the same generated 1M-line inputs (issue 21).
#
# Usage: scripts/peers/compare_dram.sh DRAMPOWER_BIN RAMULATOR2_BIN [RUNS]
#   DRAMPOWER_BIN   DRAMPower 4.1's `drampower` (its memspecs/ folder beside it, as in the source tree)
#   RAMULATOR2_BIN  Ramulator 2.0a's `ramulator2`
#   RUNS            rounds (default 3); each round runs the four processes one after the other
# A peer given as "-" is skipped (its side is then not compared; docs/PEERS.md has recorded figures).
# How to build both peers offline: docs/PEERS.md. Environment: LINES (default 1000000), SEED (default 1),
# KEEP=DIR keeps the inputs and outputs there.
#
# Inputs (generated, seeded): LINES random LD/ST requests (50 % stores, 64-byte lines over the 8 GiB of
# one DDR4_8Gb_x8 rank); a LINES-command DDR4-2400 .trc: the commands Undervolt's simulator issues for
# another seeded request trace (timing-legal by construction, and checked again by `dram energy`),
# cut at LINES commands. Each process runs under /usr/bin/time -v: CPU is user + system time of the whole
# process (JVM start, JIT and GC threads included), wall is elapsed time, RSS the peak resident set.
# Medians over the rounds are printed; ratios are peer CPU / Undervolt CPU (> 1: Undervolt is faster).
# The outputs must agree: total energy within 0.01 % (DRAMPower 4.1 with -r: I/O and termination
# included), and memory cycles and row hits / misses / conflicts identical.
set -euo pipefail
cd "$(dirname "$0")/../.."
[[ $# -ge 2 ]] || { echo "usage: $0 DRAMPOWER_BIN RAMULATOR2_BIN [RUNS]" >&2; exit 2; }
abs() { [[ "$1" == - ]] && echo - || echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; }
drampower="$(abs "$1")"
ramulator="$(abs "$2")"
runs="${3:-3}"
lines="${LINES:-1000000}"
seed="${SEED:-1}"
for f in "$drampower" "$ramulator"; do
  [[ "$f" == - || -x "$f" ]] || { echo "compare_dram: $f is not an executable (see docs/PEERS.md)" >&2; exit 2; }
done
# DRAMPower 4.1's own memspec (shipped with its sources); without DRAMPower, Undervolt's copy of the same part
memspec="$(dirname "$drampower")/memspecs/MICRON_4Gb_DDR4-2400_8bit_A.xml"
[[ "$drampower" != - ]] || memspec="DDR4-2400_4Gb_x8"
[[ "$drampower" == - || -f "$memspec" ]] || { echo "compare_dram: $memspec not found (DRAMPower 4.1's memspecs/ beside its binary)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "compare_dram: needs GNU time as /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }

./undervolt --version > /dev/null # builds if needed
if [[ -n "${KEEP:-}" ]]; then work="$KEEP"; mkdir -p "$work"; else work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT; fi

# --- inputs -------------------------------------------------------------------------------------------
gen_requests() { # N SEED FILE
  /usr/bin/python3 - "$@" <<'PY'
import random, sys
n, seed, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = random.Random(seed)
with open(path, "w") as f:
    for _ in range(n):
        op = "ST" if rng.getrandbits(1) else "LD"
        f.write(f"{op} 0x{rng.getrandbits(27) * 64:x}\n")
PY
}
sim_args=(--standard DDR4 --org DDR4_8Gb_x8 --timing DDR4_2400R --mapping RoBaRaCoCh)
echo "generating inputs ($lines lines, seed $seed) in $work ..." >&2
gen_requests "$lines" "$seed" "$work/requests.trace"
gen_requests $(( lines / 2 )) $(( seed + 1000 )) "$work/cmdsrc.trace"
./undervolt dram simulate "${sim_args[@]}" --requests "$work/cmdsrc.trace" --commands-out "$work/cmds.csv" > /dev/null
# DRAMPower 5 CSV (t,CMD,rank,bg,bank,row,col) -> DRAMPower 4 .trc (t,CMD,bank): the first $lines - 1 commands,
# then a PREA 60 cycles later (after tRAS, tRTP and write recovery of any open bank) and END 40 cycles after it,
# so both tools close the same banks at the same cycle
awk -F, -v n="$lines" '$2 != "END" && c < n - 1 { c++; cmd = ($2 == "REFA" ? "REF" : $2); print $1 "," cmd "," $5; last = $1 }
  END { if (c < n - 1) { print "compare_dram: only " c " commands generated" > "/dev/stderr"; exit 1 }
        print last + 60 ",PREA,0"; print last + 100 ",END,0" }' \
  "$work/cmds.csv" > "$work/commands.trc"
rm -f "$work/cmds.csv" "$work/cmdsrc.trace"
cat > "$work/ramulator.yaml" <<EOF
Frontend:
  impl: LoadStoreTrace
  path: $work/requests.trace
  clock_ratio: 1
  Translation:
    impl: NoTranslation
    max_addr: 8589934592
MemorySystem:
  impl: GenericDRAM
  clock_ratio: 1
  DRAM:
    impl: DDR4
    org:
      preset: DDR4_8Gb_x8
      channel: 1
      rank: 1
    timing:
      preset: DDR4_2400R
  Controller:
    impl: Generic
    Scheduler:
      impl: FRFCFS
    RefreshManager:
      impl: AllBank
    RowPolicy:
      impl: OpenRowPolicy
    plugins:
  AddrMapper:
    impl: RoBaRaCoCh
EOF

# --- runs ---------------------------------------------------------------------------------------------
# timed NAME CMD...: runs CMD under /usr/bin/time -v, stdout to $work/NAME.out, appends "cpu wall rss" to
# $work/NAME.times
timed() {
  local name="$1"; shift
  /usr/bin/time -v -o "$work/$name.time" "$@" > "$work/$name.out" 2> "$work/$name.err" || {
    echo "compare_dram: $name failed: $(tail -3 "$work/$name.err")" >&2; exit 1; }
  awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } /Elapsed \(wall/ { w = $2 }
    /Maximum resident/ { r = $2 }
    END { n = split(w, p, ":"); wall = (n == 3 ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2]);
          printf "%.3f %.3f %d\n", u + s, wall, r / 1024 }' "$work/$name.time" >> "$work/$name.times"
}
uv_energy=(./undervolt dram energy --part "$memspec" --trace "$work/commands.trc" --json)
uv_sim=(./undervolt dram simulate "${sim_args[@]}" --requests "$work/requests.trace" --json)
rm -f "$work"/*.times
for r in $(seq "$runs"); do
  echo "round $r of $runs ..." >&2
  [[ "$drampower" == - ]] || timed drampower "$drampower" -m "$memspec" -c "$work/commands.trc" -r
  timed uv_energy "${uv_energy[@]}"
  [[ "$ramulator" == - ]] || timed ramulator "$ramulator" -f "$work/ramulator.yaml"
  timed uv_sim "${uv_sim[@]}"
done

# --- agreement and table ------------------------------------------------------------------------------
/usr/bin/python3 - "$work" "$runs" "$lines" <<'PY'
import json, re, statistics, sys
work, runs, lines = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def read(name):
    return open(f"{work}/{name}.out").read()
def times(name):
    rows = [list(map(float, l.split())) for l in open(f"{work}/{name}.times")]
    return [statistics.median(col) for col in zip(*rows)], [min(col) for col in zip(*rows)]
import os
have_dp, have_ram = os.path.exists(f"{work}/drampower.times"), os.path.exists(f"{work}/ramulator.times")
uv = json.loads(read("uv_energy"))["total_j"]
dp = float(re.search(r"Total Trace Energy:\s*([0-9.]+) pJ", read("drampower")).group(1)) * 1e-12 if have_dp else None
energy_diff = abs(uv - dp) / dp if have_dp else 0.0
ram = read("ramulator") if have_ram else ""
def stat(key):
    m = re.search(r"^\s*" + key + r":\s*([0-9]+)\s*$", ram, re.M)
    if not m:
        sys.exit(f"compare_dram: '{key}' not in Ramulator's output")
    return int(m.group(1))
ram_stats = {"cycles": stat("memory_system_cycles"), "row_hits": stat("row_hits_0"),
             "row_misses": stat("row_misses_0"), "row_conflicts": stat("row_conflicts_0")} if have_ram else None
s = json.loads(read("uv_sim"))
def find(d, *keys):
    for k in keys:
        if k in d:
            return d[k]
    sys.exit(f"compare_dram: none of {keys} in Undervolt's simulate output")
uv_stats = {"cycles": find(s, "cycles", "memory_cycles"), "row_hits": find(s, "row_hits"),
            "row_misses": find(s, "row_misses"), "row_conflicts": find(s, "row_conflicts")}
print(f"inputs: {lines:,} commands (DDR4-2400 .trc), {lines:,} requests (LD/ST, 8 GiB); {runs} rounds, medians "
      f"(min) of whole processes, /usr/bin/time -v")
print(f"energy: DRAMPower 4.1 {dp * 1e12 if dp else float('nan'):,.2f} pJ, Undervolt {uv * 1e12:,.2f} pJ, "
      f"difference {energy_diff * 100:.4f} %" + ("" if have_dp else " (DRAMPower skipped)"))
print(f"timing: Ramulator 2.0a {ram_stats if have_ram else '(skipped)'}; Undervolt {uv_stats}")
print(f"{'process':28}{'CPU s':>14}{'wall s':>14}{'peak RSS MB':>13}")
rows = [("DRAMPower 4.1", "drampower"), ("undervolt dram energy", "uv_energy"),
        ("Ramulator 2.0a", "ramulator"), ("undervolt dram simulate", "uv_sim")]
med = {}
for label, name in rows:
    if not os.path.exists(f"{work}/{name}.times"):
        continue
    (cpu, wall, rss), (cpu0, wall0, rss0) = times(name)
    med[name] = cpu
    print(f"{label:28}{cpu:8.2f} ({cpu0:.2f}){wall:8.2f} ({wall0:.2f}){rss:13.0f}")
if have_dp:
    print(f"CPU ratio DRAMPower 4.1 / undervolt dram energy:    {med['drampower'] / med['uv_energy']:.2f}x")
if have_ram:
    print(f"CPU ratio Ramulator 2.0a / undervolt dram simulate: {med['ramulator'] / med['uv_sim']:.2f}x")
bad = []
if energy_diff > 1e-4:
    bad.append(f"energy differs by {energy_diff * 100:.4f} % (more than 0.01 %)")
if have_ram and ram_stats != uv_stats:
    bad.append("timing statistics differ")
if bad:
    sys.exit("compare_dram: outputs disagree: " + "; ".join(bad))
print("outputs agree (energy within 0.01 %, timing statistics identical)")
PY
