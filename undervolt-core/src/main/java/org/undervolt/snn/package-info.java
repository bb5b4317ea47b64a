/**
 * Diehl and Cook's unsupervised spiking network (Front. Comput. Neurosci. 9:99, 2015), the network
 * SparkXD and EnforceSNN keep in approximate DRAM: faithful to the reference code
 * ({@code peter-u-diehl/stdp-mnist}) and event-driven.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link org.undervolt.snn.DiehlCook}: every constant, with its source.</li>
 *   <li>{@link org.undervolt.snn.PoissonEncoder}: pixel/8 x intensity Hz Poisson inputs, drawn spike by spike.</li>
 *   <li>{@link org.undervolt.snn.Simulator}: one 350 ms presentation at dt = 0.5 ms: conductance-based
 *       LIF excitatory neurons with adaptive threshold, inhibitory partners, lateral inhibition,
 *       delayed input synapses, STDP; its javadoc documents the integration scheme and why.</li>
 *   <li>{@link org.undervolt.snn.ImagePresenter}: the repetition rule (intensity + 1 while fewer than 5 spikes)
 *       and per-presentation weight normalisation ({@link org.undervolt.snn.WeightNormaliser}, columns sum to 78).</li>
 *   <li>{@link org.undervolt.snn.SnnTrainer} (sequential STDP, checkpoints, exact resume),
 *       {@link org.undervolt.snn.SnnEvaluator} (parallel inference, thread-count independent),
 *       {@link org.undervolt.snn.NeuronLabels} (labelling, classification).</li>
 *   <li>{@link org.undervolt.snn.SynapseStore}: where the 784 x N input weights live; plain floats
 *       ({@link org.undervolt.snn.FloatSynapseStore}) or the bytes of a storage format in a DRAM image
 *       ({@link org.undervolt.snn.StoredSynapseStore}) that the fault module injects into.</li>
 *   <li>{@link org.undervolt.snn.SnnModelFile}: the versioned binary model / checkpoint file.</li>
 * </ul>
 *
 * <h2>Where this differs from the reference code, and why</h2>
 * <ul>
 *   <li>The 150 ms rest is a return to the resting state (see {@link org.undervolt.snn.Simulator}):
 *       images become independent, so inference is parallel and reproducible image by image.</li>
 *   <li>Pre-synaptic traces are per synapse and set when the delayed spike arrives, as in the Brian 2
 *       ports of the network; input delays are rounded to the 0.5 ms step.</li>
 *   <li>v is advanced by exponential Euler with step-mean conductances, not forward Euler.</li>
 *   <li>An image is shown at most {@link org.undervolt.snn.DiehlCook#MAX_ATTEMPTS} times (the original
 *       loops until 5 spikes occur), so a network ruined by bit errors still terminates.</li>
 * </ul>
 *
 * <h2>Determinism</h2>
 * Every draw comes from {@link org.undervolt.random.Seeds#stream} named by (seed, purpose, image,
 * attempt): initial weights, delays, each presentation's spike trains. Training state between
 * images is the model alone (weights, theta), so a resumed run equals an uninterrupted one bit for bit.
 *
 * <h2>Measured (November 2026, shared 2-core machine, load 10-27; one training thread)</h2>
 * {@code undervolt snn train --neurons 400 --images 60000 --seed 1 --out n400.snn --threads 1 --json}:
 * 87.85 % on the 10,000 MNIST test images after one epoch (labels from the first 10,000 training
 * images), 3.83 ms CPU per training image, 1.98 ms CPU per test image; 65,474 presentations
 * (9 % of images shown again). Diehl and Cook report 87.0 % for N400. With {@code --images 120000}
 * (two epochs; that run was killed at image 67,xxx and resumed from its checkpoint at 67,000):
 * 88.36 %. N100, one epoch, same command with {@code --neurons 100}: 67.41 %, with 127,421
 * presentations (most images shown twice or more), well below the paper's 82.9 %. Those figures
 * predate the lockout correction ({@link org.undervolt.snn.DiehlCook#E_LOCKOUT}: 5 ms, was 50 ms).
 * With it, 10,000 training images, same seed ({@code --images 10000 --threads 2}): N100 71.17 %
 * (16,985 presentations; 73.42 % and 17,399 before), N400 84.68 % (10,538; 84.12 % and 10,659
 * before). The N100 shortfall remains open (issue 6); checked against the reference and found
 * equal: the exc/inh weights, theta (0.05 mV, 1e7 ms, offset 20, initial 20), initial weights,
 * normalisation to 78 before every presentation, STDP rates and traces, input rates, the re-show
 * rule and the labelling rule. Forward Euler for the inhibitory neurons, as Brian 1 integrates them
 * (they then fire one step earlier), gave 67.72 % for N100 at 10,000 images and was not kept.
 * Bit errors in the stored N400 weights ({@code snn eval --test-images 1000 --trials 3}, baseline
 * 85.9 %): FP32 63.0 % at BER 1e-5 and 15 % at 1e-4 (flipped exponent bits make huge weights);
 * INT8 85.8 % at 1e-5, 85.2 % at 1e-3, 85.0 % at 1e-2.
 * Per-image CPU from 1,000-image runs ({@code --images 1000 --test-images 1000 --threads 1}):
 * N100 1.9 / 0.57 ms, N400 4.6 / 2.0 ms, N1600 15.2 / 8.0 ms (train / test), against Brian 2's
 * 1.03 / 0.435 s (N100) and 1.12 / 0.727 s (N400), and BindsNET's 0.427 / 0.140 s (N100) and
 * 1.147 / 0.200 s (N400) per image ({@code research/measured-peers.md}).
 * {@code scripts/peers/compare_snn.sh} runs the same network in Brian 2 (dt 0.5 ms) beside it.
 */
package org.undervolt.snn;
