#!/usr/bin/env python3
"""Derives Undervolt's VDD -> timing table (vdd_timing_voltron_spice.csv) from Voltron's public SPICE model.

Input: a checkout of CMU-SAFARI/DRAM-Voltage-Study (Chang et al., SIGMETRICS 2017), whose
SPICE_circuit_model/voltron_spice.asc is an LTspice schematic of one DRAM cell, its bitline, the sense amplifier and
the precharge/equalisation devices (PTM 45 nm models in cmosedu_models.txt). This script netlists the schematic for
ngspice, runs one activate/restore/precharge transient per supply voltage and measures, on bitline0 (the cell stores
a 1) and on the cell node mb0:

  array tRCD  time from the wordline's rise (30 ns) until bitline0 >= READY_ACCESS * VDD
  array tRAS  time from the wordline's rise until the cell mb0 >= READY_RESTORE * VDD
  array tRP   time from the start of precharge (133 ns) until |bitline0 - VDD/2| <= READY_PRECHARGE * VDD for good

and turns the growth of each delay into a factor on the datasheet value (additive: the array delay the model
simulates grows, the rest of the datasheet latency does not):

  factor(V) = 1 + (t_array(V) - t_array(Vnom)) / t_datasheet

Usage: voltron_timing.py DRAM-Voltage-Study-DIR [--ready-access 0.75 --ready-restore 0.98 --ready-precharge 0.02]
Needs ngspice (Debian package ngspice) and numpy.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

# LTspice built-in symbol pins (lib/sym/*.asy), in SPICE order.
PINS = {
    'nmos4': [(48, 0), (0, 80), (48, 96), (48, 48)],  # D G S B
    'pmos4': [(48, 0), (0, 80), (48, 96), (48, 48)],
    'res': [(16, 16), (16, 96)],
    'cap': [(16, 0), (16, 64)],
    'voltage': [(0, 16), (0, 96)],  # + -
}
SWEPT = ('vdd', 'vddhalf')


def transform(x, y, rot):
    """LTspice orientation: rotate by the angle, then mirror x for the M variants."""
    for _ in range(int(rot[1:]) // 90):
        x, y = -y, x
    if rot.startswith('M'):
        x = -x
    return x, y


def parse_asc(path):
    wires, flags, syms, directives = [], [], [], []
    for line in open(path, encoding='latin-1'):
        t = line.split()
        if not t:
            continue
        if t[0] == 'WIRE':
            wires.append(tuple(map(int, t[1:5])))
        elif t[0] == 'FLAG':
            flags.append((int(t[1]), int(t[2]), t[3].lower()))
        elif t[0] == 'SYMBOL':
            syms.append({'type': t[1], 'x': int(t[2]), 'y': int(t[3]), 'rot': t[4]})
        elif t[0] == 'SYMATTR':
            syms[-1][t[1]] = line.split(None, 2)[2].strip()
        elif t[0] == 'TEXT' and '!' in line:
            directives.append(line[line.index('!') + 1:].strip())
    return wires, flags, syms, directives


class Nets:
    def __init__(self, wires):
        self.parent = {}
        self.wires = wires
        for w in wires:
            self.union((w[0], w[1]), (w[2], w[3]))
        for w in wires:
            self.attach((w[0], w[1]))
            self.attach((w[2], w[3]))

    def find(self, p):
        self.parent.setdefault(p, p)
        while self.parent[p] != p:
            self.parent[p] = self.parent[self.parent[p]]
            p = self.parent[p]
        return p

    def union(self, a, b):
        self.parent[self.find(a)] = self.find(b)

    def attach(self, p):
        """Connects p to every wire it lies on (end point or interior); crossing wires stay apart."""
        self.find(p)
        x, y = p
        for x1, y1, x2, y2 in self.wires:
            if (x - x1) * (y2 - y1) == (y - y1) * (x2 - x1) and min(x1, x2) <= x <= max(x1, x2) \
                    and min(y1, y2) <= y <= max(y1, y2):
                self.union(p, (x1, y1))


def netlist(asc, vdd, params):
    wires, flags, syms, _ = parse_asc(asc)
    nets = Nets(wires)
    for x, y, _ in flags:
        nets.attach((x, y))
    pins = {}
    for s in syms:
        pins[s['InstName']] = []
        for px, py in PINS[s['type']]:
            dx, dy = transform(px, py, s['rot'])
            p = (s['x'] + dx, s['y'] + dy)
            nets.attach(p)
            pins[s['InstName']].append(p)
    names = {}
    for x, y, n in flags:
        names.setdefault(nets.find((x, y)), n)
    counter = [0]

    def net(p):
        r = nets.find(p)
        if r not in names:
            counter[0] += 1
            names[r] = 'n%d' % counter[0]
        return names[r]

    values = dict(params, vdd=vdd, vddhalf=vdd / 2)

    def subst(text):
        return re.sub(r'\{(\w+)\}', lambda m: str(values[m.group(1).lower()]), text)

    lines, models = [], set()
    for s in syms:
        name, n = s['InstName'], [net(p) for p in pins[s['InstName']]]
        if s['type'] in ('nmos4', 'pmos4'):
            models.add(s['Value'].lower())
            lines.append('%s %s %s %s %s %s %s' % (name, *n, s['Value'], subst(s.get('Value2', ''))))
        elif s['type'] in ('res', 'cap'):
            prefix = 'R' if s['type'] == 'res' else 'C'
            lines.append('%s %s %s %s' % (name if name[0].upper() == prefix else prefix + name, *n, s['Value']))
        else:
            extra = dict(kv.split('=') for kv in s.get('SpiceLine', '').split())
            src = n[0] if not extra else name + '_int'
            lines.append('%s %s %s %s' % (name, src, n[1], subst(s['Value'])))
            if 'Rser' in extra:
                lines.append('R%s_ser %s %s %s' % (name, src, n[0], extra['Rser']))
            if 'Cpar' in extra:
                lines.append('C%s_par %s %s %s' % (name, n[0], n[1], extra['Cpar']))
    # a 1 Tohm leak on every net gives floating gates (the schematic's ra3) a DC path; negligible otherwise
    for i, n in enumerate(sorted(set(names.values()) - {'0'})):
        lines.append('Rleak%d %s 0 1e12' % (i, n))
    return lines, models


def model_blocks(path, wanted):
    out, keep = [], False
    for line in open(path, encoding='latin-1'):
        s = line.strip()
        if s.lower().startswith('.model'):
            keep = s.split()[1].lower() in wanted
        elif not s.startswith('+') and s:
            keep = False
        if keep and s:
            out.append(line.rstrip('\n').replace('\t', ' '))
    return out


def simulate(study, vdd, params, workdir):
    asc = os.path.join(study, 'SPICE_circuit_model', 'voltron_spice.asc')
    lines, models = netlist(asc, vdd, params)
    cir = os.path.join(workdir, 'v.cir')
    data = os.path.join(workdir, 'v.txt')
    with open(cir, 'w') as f:
        f.write('* netlisted from voltron_spice.asc, VDD = %g V\n' % vdd)
        f.write('\n'.join(model_blocks(os.path.join(study, 'SPICE_circuit_model', 'cmosedu_models.txt'), models)))
        f.write('\n' + '\n'.join(lines) + '\n')
        f.write('.ic v(bitline0)=%g v(bitline1)=%g v(mb0)=%g\n' % (vdd / 2, vdd / 2, vdd))
        f.write('.tran 0.01n 230n uic\n.control\nrun\nwrdata %s v(bitline0) v(mb0)\n.endc\n.end\n' % data)
    subprocess.run(['ngspice', '-b', cir], cwd=workdir, capture_output=True, text=True)
    d = np.loadtxt(data)
    return d[:, 0], d[:, 1], d[:, 3]


def delays(t, bitline, cell, vdd, a):
    def first(mask, after):
        i = np.where(mask & (t > after))[0]
        return t[i[0]] if len(i) else float('nan')
    trcd = first(bitline >= a.ready_access * vdd, 34e-9) - 30e-9
    tras = first(cell >= a.ready_restore * vdd, 34e-9) - 30e-9
    out = np.where((np.abs(bitline - vdd / 2) > a.ready_precharge * vdd) & (t > 133e-9))[0]
    trp = t[out[-1]] - 133e-9 if len(out) else 0.0
    return trcd * 1e9, trp * 1e9, tras * 1e9


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('study', help='checkout of CMU-SAFARI/DRAM-Voltage-Study')
    ap.add_argument('--nominal', type=float, default=1.35, help='nominal VDD (DDR3L: 1.35 V)')
    ap.add_argument('--rel', default='1.00,0.95,0.90,0.85,0.80,0.75,0.70', help='relative voltages V/Vnom')
    ap.add_argument('--datasheet-ns', default='13.75,13.75,35', help='datasheet tRCD,tRP,tRAS in ns')
    ap.add_argument('--ready-access', type=float, default=0.75)
    ap.add_argument('--ready-restore', type=float, default=0.98)
    ap.add_argument('--ready-precharge', type=float, default=0.02)
    a = ap.parse_args()
    asc = os.path.join(a.study, 'SPICE_circuit_model', 'voltron_spice.asc')
    params = {}
    for d in parse_asc(asc)[3]:
        m = re.match(r'\.param\s+(\w+)\s*=\s*([^\s]+)$', d)
        if m and m.group(1).lower() not in SWEPT:
            params[m.group(1).lower()] = m.group(2)
    sheet = [float(x) for x in a.datasheet_ns.split(',')]
    rels = [float(r) for r in a.rel.split(',')]
    with tempfile.TemporaryDirectory() as w:
        ns = {r: delays(*simulate(a.study, a.nominal * r, params, w), a.nominal * r, a) for r in rels}
    base = ns[max(rels)]
    print('vdd_rel,trcd_factor,trp_factor,tras_factor')
    for r in rels:
        f = [1 + (ns[r][i] - base[i]) / sheet[i] for i in range(3)]
        print('%.2f,%.3f,%.3f,%.3f' % (r, *f))
        print('# %.2f (%.4f V): array tRCD %.2f ns, tRP %.2f ns, tRAS %.2f ns'
              % (r, a.nominal * r, *ns[r]), file=sys.stderr)


if __name__ == '__main__':
    main()
