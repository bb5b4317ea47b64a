#!/usr/bin/python3
"""Brian 2 side of compare_snn.sh: the Diehl & Cook (2015) network, seconds per image.

The network of org.undervolt.snn, written for Brian 2 from the constants of the reference code
(peter-u-diehl/stdp-mnist): 784 Poisson inputs (pixel / 8 x intensity Hz), N conductance-based
excitatory LIF neurons with adaptive threshold (theta + 0.05 mV per spike, tau 1e7 ms, offset
20 mV), N inhibitory partners (exc -> partner 10.4, inhibitory -> every other excitatory 17.0),
input delays uniform in [0, 10] ms, triplet-trace STDP (nu_pre 1e-4, nu_post 1e-2, w in [0, 1])
on the input synapses, dt = 0.5 ms. Each image: 350 ms, then a 150 ms rest without input; shown
again with intensity + 1 while fewer than 5 excitatory spikes occur; during training every input
column is scaled to sum to 78 before each presentation. Testing: same loop with plasticity and
theta frozen.

Times are CPU seconds (process_time) and wall seconds per image, after a short warm-up run that
triggers code generation (excluded). Run with Debian's python3-brian (/usr/bin/python3).
Prints one JSON object.

Usage: brian2_diehl_cook.py MNIST_JAR NEURONS TRAIN_IMAGES TEST_IMAGES [TARGET]
       TARGET: cython (default) or numpy (Brian 2 runtime code-generation targets)
"""
import gzip
import json
import struct
import sys
import time
import zipfile

import numpy as np
import brian2 as b2
from brian2 import ms, mV, Hz


def idx(jar, name):
    with zipfile.ZipFile(jar) as z:
        raw = gzip.decompress(z.read("datasets/mnist/" + name))
    dims = raw[3]
    shape = struct.unpack(">" + "I" * dims, raw[4:4 + 4 * dims])
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def build(n, seed):
    """The network: input group, excitatory and inhibitory layers, their synapses, a spike counter."""
    b2.seed(seed)
    rng = np.random.default_rng(seed)
    ns = {"tc_theta": 1e7 * ms, "theta_plus": 0.05 * mV, "tc_pre": 20 * ms, "tc_post1": 20 * ms,
          "tc_post2": 40 * ms, "nu_pre": 1e-4, "nu_post": 1e-2, "wmax": 1.0}
    inputs = b2.PoissonGroup(784, rates=0 * Hz)
    exc = b2.NeuronGroup(
        n, """
        dv/dt = ((-65*mV - v) + ge * (0*mV - v) + gi * (-100*mV - v)) / (100*ms) : volt (unless refractory)
        dge/dt = -ge / (1*ms) : 1
        dgi/dt = -gi / (2*ms) : 1
        dtheta/dt = -learning * theta / tc_theta : volt
        learning : 1 (shared)
        """,
        threshold="v > theta - 20*mV - 52*mV", reset="v = -65*mV; theta += learning * theta_plus",
        refractory=5 * ms, method="euler", namespace=ns)
    inh = b2.NeuronGroup(
        n, """
        dv/dt = ((-60*mV - v) + ge * (0*mV - v) + gi * (-85*mV - v)) / (10*ms) : volt (unless refractory)
        dge/dt = -ge / (1*ms) : 1
        dgi/dt = -gi / (2*ms) : 1
        """,
        threshold="v > -40*mV", reset="v = -45*mV", refractory=2 * ms, method="euler")
    exc.v = -105 * mV
    inh.v = -100 * mV
    exc.theta = 20 * mV
    syn = b2.Synapses(
        inputs, exc, """
        w : 1
        plastic : 1 (shared)
        dpre/dt = -pre / tc_pre : 1 (event-driven)
        dpost1/dt = -post1 / tc_post1 : 1 (event-driven)
        dpost2/dt = -post2 / tc_post2 : 1 (event-driven)
        """,
        on_pre="""
        ge_post += w
        pre = 1.0
        w = clip(w - plastic * nu_pre * post1, 0, wmax)
        """,
        on_post="""
        w = clip(w + plastic * nu_post * pre * post2, 0, wmax)
        post1 = 1.0
        post2 = 1.0
        """, method="exact", namespace=ns)
    syn.connect()
    syn.w = (rng.random(784 * n) + 0.01) * 0.3
    syn.delay = rng.random(784 * n) * 10 * ms
    e2i = b2.Synapses(exc, inh, on_pre="ge_post += 10.4")
    e2i.connect(j="i")
    i2e = b2.Synapses(inh, exc, on_pre="gi_post += 17.0")
    i2e.connect(condition="i != j")
    counter = b2.SpikeMonitor(exc, record=False)
    net = b2.Network(inputs, exc, inh, syn, e2i, i2e, counter)
    return net, inputs, exc, syn, counter


def normalise(syn, n):
    w = np.asarray(syn.w[:])
    post = np.asarray(syn.j[:])
    sums = np.bincount(post, weights=w, minlength=n)
    syn.w[:] = w * (78.0 / sums[post])


def show(net, inputs, counter, syn, n, pixels, learn):
    """One image with the repetition rule; returns the number of presentations."""
    intensity, shown = 2.0, 0
    while True:
        if learn:
            normalise(syn, n)
        inputs.rates = pixels.astype(np.float64) / 8.0 * intensity * Hz
        before = int(counter.num_spikes)
        net.run(350 * ms)
        shown += 1
        inputs.rates = 0 * Hz
        net.run(150 * ms)
        if int(counter.num_spikes) - before >= 5 or shown >= 16:
            return shown
        intensity += 1


def phase(net, inputs, counter, syn, exc, n, images, learn):
    exc.learning = 1.0 if learn else 0.0
    syn.plastic = 1.0 if learn else 0.0
    cpu, wall, shown = time.process_time(), time.perf_counter(), 0
    for img in images:
        shown += show(net, inputs, counter, syn, n, img.reshape(-1), learn)
    return ((time.process_time() - cpu) / len(images), (time.perf_counter() - wall) / len(images), shown)


def main():
    jar, n, n_train, n_test = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    target = sys.argv[5] if len(sys.argv) > 5 else "cython"
    b2.prefs.codegen.target = target
    b2.defaultclock.dt = 0.5 * ms
    train = idx(jar, "train-images-idx3-ubyte.gz")[:n_train]
    test = idx(jar, "t10k-images-idx3-ubyte.gz")[:n_test]
    net, inputs, exc, syn, counter = build(n, 1)
    t0 = time.perf_counter()
    exc.learning = 1.0
    syn.plastic = 1.0
    net.run(0.5 * ms)  # warm-up: code generation and compilation
    warmup = time.perf_counter() - t0
    train_cpu, train_wall, train_shown = phase(net, inputs, counter, syn, exc, n, train, True)
    test_cpu, test_wall, test_shown = phase(net, inputs, counter, syn, exc, n, test, False)
    print(json.dumps({
        "framework": "brian2 " + b2.__version__ + " (" + target + ")", "neurons": n, "dt_ms": 0.5,
        "train_images": n_train, "test_images": n_test,
        "train_presentations": train_shown, "test_presentations": test_shown,
        "train_cpu_s_per_image": train_cpu, "train_wall_s_per_image": train_wall,
        "test_cpu_s_per_image": test_cpu, "test_wall_s_per_image": test_wall,
        "warmup_s": warmup}))


if __name__ == "__main__":
    main()
