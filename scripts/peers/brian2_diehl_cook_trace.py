#!/usr/bin/python3
"""Brian 2 reference run of the Diehl & Cook (2015) network over many images (issue 18).

Unlike brian2_diehl_cook.py (a timing probe in Brian's runtime mode, a Python loop per image), this
script builds the whole experiment as one C++ standalone simulation, so that 10,000+ training images
take minutes instead of hours: a one-neuron controller group applies the re-show rule at the start
of every 500 ms cycle (350 ms presentation, 150 ms rest), the inputs read the image and intensity it
chose, and the column sums of the input weights are tracked in the excitatory neurons so that the
normalisation to 78 before every presentation is two vector operations.

The network is the one of org.undervolt.snn with the constants of the reference code
(peter-u-diehl/stdp-mnist): 784 Poisson inputs at pixel / 8 x intensity Hz; N conductance-based
excitatory LIF neurons with adaptive threshold (theta + 0.05 mV per spike, decay 1e7 ms, offset
20 mV, initial 20 mV) and a 5 ms refractory period; N inhibitory partners (exc -> partner 10.4,
inhibitory -> every other excitatory 17.0); input delays uniform in [0, 10] ms; nearest-spike
STDP (nu_pre 1e-4, nu_post 1e-2, w in [0, 1]); dt 0.5 ms, forward Euler (as the original). Where
it differs from org.undervolt.snn: a real 150 ms rest between presentations (v, traces carry
over), forward Euler for v, continuous delays.

Phases, all in one run: training images 0..K-1 (plasticity and theta adaptation on), then the
first L training images (labelling) and the first T test images, with plasticity off and theta
frozen, with the same re-show rule. Labels: each neuron's class of highest mean response over the
labelling images; an image is classified as the class whose neurons spike most on average.

Output (OUTDIR): trace.tsv (one row per training image: image, presentations, spikes in its last
presentation, its intensity, mean/min/max theta in mV at the end of its last cycle), summary.json
(accuracy and totals), and the standalone build folder.

Usage: brian2_diehl_cook_trace.py MNIST_JAR NEURONS TRAIN_IMAGES LABEL_IMAGES TEST_IMAGES SEED OUTDIR [CYCLES [TAU_THETA]]
       CYCLES: 500 ms cycles to simulate (default 2.6 per training and 3 per evaluation image; the
       run stops with an error if too few; cycles after the last image show a black image; "-": default).
       TAU_THETA: decay time constant of theta in ms (default 1e7, the reference code's tc_theta).
Run with Debian's python3-brian (/usr/bin/python3); needs g++.
"""
import gzip
import json
import os
import struct
import sys
import time
import zipfile

import numpy as np
import brian2 as b2
from brian2 import ms, mV, Hz

CYCLE = 1000          # steps of 0.5 ms per presentation cycle (500 ms)
PRESENT = 700         # of which the image is shown for 350 ms
MAX_SHOWN = 16        # cap on presentations of one image, as DiehlCook.MAX_ATTEMPTS


def idx(jar, name):
    with zipfile.ZipFile(jar) as z:
        raw = gzip.decompress(z.read("datasets/mnist/" + name))
    dims = raw[3]
    shape = struct.unpack(">" + "I" * dims, raw[4:4 + 4 * dims])
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def main():
    jar, n, k, nl, nt, seed, out = (sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]),
                                    int(sys.argv[5]), int(sys.argv[6]), sys.argv[7])
    cycles = int(sys.argv[8]) if len(sys.argv) > 8 and sys.argv[8] != "-" else None
    tau_theta = float(sys.argv[9]) if len(sys.argv) > 9 else 1e7
    os.makedirs(out, exist_ok=True)
    b2.set_device("cpp_standalone", directory=os.path.join(out, "build"))
    b2.prefs.devices.cpp_standalone.openmp_threads = 0
    b2.defaultclock.dt = 0.5 * ms
    b2.seed(seed)
    rng = np.random.default_rng(seed)

    train_x, train_y = idx(jar, "train-images-idx3-ubyte.gz"), idx(jar, "train-labels-idx1-ubyte.gz")
    test_x, test_y = idx(jar, "t10k-images-idx3-ubyte.gz"), idx(jar, "t10k-labels-idx1-ubyte.gz")
    order = np.concatenate([np.arange(k) % len(train_x)])
    images = np.concatenate([train_x[order].reshape(k, 784), train_x[:nl].reshape(nl, 784),
                             test_x[:nt].reshape(nt, 784), np.zeros((1, 784), np.uint8)])
    # Rates in Hz at intensity 1: pixel / 8 (the original's input_intensity multiplies this).
    pix = b2.TimedArray(images.astype(np.float64) / 8.0 * Hz, dt=1 * ms)
    total_images = k + nl + nt

    ctrl = b2.NeuronGroup(1, """
        img : integer
        inten : 1
        shown : integer
        nspk : integer
        learn : 1
        """, name="ctrl")
    ctrl.img = -1
    ctrl.nspk = 5
    ctrl.inten = 2
    ctrl.learn = 1
    # The re-show rule, at the start of every cycle, for the presentation that just ended.
    ctrl.run_regularly(f"""
        shown += 1
        ok = int(nspk >= 5 or shown >= {MAX_SHOWN})
        img += ok
        inten = ok * 2 + (1 - ok) * (inten + 1)
        shown = (1 - ok) * shown
        nspk = 0
        learn = int(img < {k})
        """, dt=CYCLE * 0.5 * ms, when="start", order=0, name="reshow")

    inputs = b2.NeuronGroup(784, """
        img : integer (linked)
        inten : 1 (linked)
        """, threshold=f"t_in_timesteps % {CYCLE} < {PRESENT} and pix(img * ms, i) > 0*Hz and rand() < pix(img * ms, i) * inten * dt",
        name="inputs")
    inputs.img = b2.linked_var(ctrl, "img", index=np.zeros(784, dtype=int))
    inputs.inten = b2.linked_var(ctrl, "inten", index=np.zeros(784, dtype=int))

    exc = b2.NeuronGroup(n, """
        dv/dt = ((-65*mV - v) + ge * (0*mV - v) + gi * (-100*mV - v)) / (100*ms) : volt (unless refractory)
        dge/dt = -ge / (1*ms) : 1
        dgi/dt = -gi / (2*ms) : 1
        dtheta/dt = -learn * theta / tau_theta : volt
        learn : 1
        wsum : 1
        nf : 1
        """, threshold="v > theta - 20*mV - 52*mV", reset="v = -65*mV; theta += learn * 0.05*mV",
        refractory=5 * ms, method="euler", name="exc", namespace={"tau_theta": tau_theta * ms})
    # The controller's learning flag, copied into every excitatory neuron each step.
    gate = b2.Synapses(ctrl, exc, "learn_post = learn_pre : 1 (summed)", name="gate")
    gate.connect()
    exc.v = -105 * mV
    exc.theta = 20 * mV
    inh = b2.NeuronGroup(n, """
        dv/dt = ((-60*mV - v) + ge * (0*mV - v) + gi * (-85*mV - v)) / (10*ms) : volt (unless refractory)
        dge/dt = -ge / (1*ms) : 1
        dgi/dt = -gi / (2*ms) : 1
        """, threshold="v > -40*mV", reset="v = -45*mV", refractory=2 * ms, method="euler", name="inh")
    inh.v = -100 * mV

    syn = b2.Synapses(inputs, exc, """
        w : 1
        dpre/dt = -pre / (20*ms) : 1 (event-driven)
        dpost1/dt = -post1 / (20*ms) : 1 (event-driven)
        dpost2/dt = -post2 / (40*ms) : 1 (event-driven)
        """, on_pre="""
        ge_post += w
        pre = 1.0
        dw = clip(w - learn_post * 1e-4 * post1, 0, 1) - w
        w += dw
        wsum_post += dw
        """, on_post="""
        dw = clip(w + learn_post * 1e-2 * pre * post2, 0, 1) - w
        w += dw
        wsum_post += dw
        post1 = 1.0
        post2 = 1.0
        """, method="exact", name="syn")
    syn.connect()  # i (input) major, j (neuron) minor: synapse i*n + j
    w0 = ((rng.random(784 * n) + 0.01) * 0.3)
    syn.w = w0
    syn.delay = rng.random(784 * n) * 10 * ms
    exc.wsum = w0.reshape(784, n).sum(axis=0)
    # Normalisation before every presentation while learning: columns scaled to sum to 78.
    exc.run_regularly("nf = learn * 78.0 / wsum + (1 - learn)\nwsum = learn * 78.0 + (1 - learn) * wsum",
                      dt=CYCLE * 0.5 * ms, when="start", order=1, name="colsum")
    syn.run_regularly("w = w * nf_post", dt=CYCLE * 0.5 * ms, when="start", order=2, name="normalise")

    e2i = b2.Synapses(exc, inh, on_pre="ge_post += 10.4", name="e2i")
    e2i.connect(j="i")
    i2e = b2.Synapses(inh, exc, on_pre="gi_post += 17.0", name="i2e")
    i2e.connect(condition="i != j")
    count = b2.Synapses(exc, ctrl, on_pre=f"nspk_post += int(t_in_timesteps % {CYCLE} < {PRESENT})", name="count")
    count.connect()

    log = b2.StateMonitor(ctrl, ["img", "inten", "nspk", "shown"], record=0, dt=CYCLE * 0.5 * ms,
                          when="start", order=-1, name="log")
    thetas = b2.StateMonitor(exc, "theta", record=True, dt=CYCLE * 0.5 * ms, when="start", order=-1, name="thetas")
    spikes = b2.SpikeMonitor(exc, name="spikes")

    if cycles is None:
        cycles = int(2.6 * k + 3 * (nl + nt)) + 10
    t0 = time.perf_counter()
    b2.run(cycles * CYCLE * 0.5 * ms)
    wall = time.perf_counter() - t0

    # Row r of the log is the presentation of cycle r-1 (row 0: the initial state).
    img = np.asarray(log.img[0])[1:]
    inten = np.asarray(log.inten[0])[1:]
    nspk = np.asarray(log.nspk[0])[1:]
    shown = np.asarray(log.shown[0])[1:] + 1
    th = np.asarray(thetas.theta / mV)[:, 1:]          # neurons x cycles, at the end of each cycle
    done = (nspk >= 5) | (shown >= MAX_SHOWN)
    finished = img[done]
    if len(finished) < total_images or finished[total_images - 1] != total_images - 1:
        raise SystemExit(f"only {len(finished)} of {total_images} images finished in {cycles} cycles; "
                         "pass a larger CYCLES")
    last_cycle = np.nonzero(done)[0][:total_images]   # cycle of each image's last presentation

    with open(os.path.join(out, "trace.tsv"), "w") as f:
        f.write("image\tpresentations\tspikes_last\tintensity_last\ttheta_mean\ttheta_min\ttheta_max\n")
        for g in range(k):
            c = last_cycle[g]
            col = th[:, c]
            f.write(f"{g}\t{shown[c]}\t{nspk[c]}\t{inten[c]:g}\t{col.mean():.3f}\t{col.min():.3f}\t{col.max():.3f}\n")

    # Spike counts of each evaluation image's last presentation.
    st = np.asarray(spikes.t / ms) / 0.5
    si = np.asarray(spikes.i)
    step = np.rint(st).astype(np.int64)
    cyc, within = step // CYCLE, step % CYCLE
    keep = within < PRESENT
    counts = np.zeros((cycles, n), np.int64)
    np.add.at(counts, (cyc[keep], si[keep]), 1)
    label_counts = counts[last_cycle[k:k + nl]]
    test_counts = counts[last_cycle[k + nl:]]
    rates = np.zeros((10, n))
    for c in range(10):
        sel = train_y[:nl] == c
        if sel.any():
            rates[c] = label_counts[sel].mean(axis=0)
    assign = np.where(rates.max(axis=0) > 0, rates.argmax(axis=0), -1)
    correct = 0
    for r, y in zip(test_counts, test_y[:nt]):
        means = [r[assign == c].mean() if (assign == c).any() else 0 for c in range(10)]
        best = int(np.argmax(means)) if max(means) > 0 else -1
        correct += best == y
    train_pres = int(np.sum(img < k))
    summary = {
        "framework": "brian2 " + b2.__version__ + " (cpp_standalone)", "neurons": n, "seed": seed,
        "tau_theta_ms": tau_theta,
        "train_images": k, "label_images": nl, "test_images": nt,
        "accuracy": correct / nt if nt else None,
        "train_presentations": train_pres, "presentations_per_image": train_pres / k,
        "theta_mean_end_mV": float(th[:, last_cycle[k - 1]].mean()),
        "eval_presentations": int(len(img[(img >= k) & (img < total_images)])),
        "cycles_run": cycles, "simulation_wall_s": wall,
        "labels_per_class": [int(np.sum(assign == c)) for c in range(-1, 10)],
    }
    with open(os.path.join(out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
