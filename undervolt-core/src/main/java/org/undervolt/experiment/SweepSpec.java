package org.undervolt.experiment;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.undervolt.InvalidInputException;
import org.undervolt.io.Json;
import org.undervolt.random.Seeds;
import org.undervolt.resilience.BerSweep;
import org.undervolt.resilience.DataKind;
import org.undervolt.resilience.SetupSpec;

/**
 * A sweep: networks × error models × BER points × seeds × trials. Everything in it is data
 * (checkpoint bytes, a data set reference, names), so the spec can be serialised to another JVM and
 * the same trials evaluated there.
 *
 * <p>Trial {@code t} at BER {@code b} under master seed {@code s} draws its errors from
 * {@code Seeds.stream(s, bits(b), t)} ({@link BerSweep#trialIds}), exactly as {@link BerSweep} does,
 * so a one-network, one-model, one-seed sweep reproduces a {@code BerSweep} of the same setup;
 * networks and error models share the streams of a point (common random numbers between the
 * compared configurations). Each seed of {@code seeds} is an independent master seed: a sweep over
 * seeds {@code [a, b]} holds exactly the trials of a sweep with seed {@code a} and of one with seed
 * {@code b}. With one seed (the default, {@code seeds = [seed]}) the description, point keys and
 * results are those of a spec written before the seeds axis existed.
 *
 * @param networks      the networks, as checkpoint bytes
 * @param dataset       where the images come from (test set evaluated, training set profiled for IFM bounds)
 * @param testImages    the first this many test images are evaluated
 * @param profileImages training images profiled for IFM value bounds (when IFMs are stored)
 * @param errorModels   error model specs, {@link org.undervolt.dram.error.ErrorModelRegistry} specs
 * @param bers          the BER points
 * @param trials        trials per point
 * @param seed          the run's master seed, as recorded in the results store: the first of {@code seeds}
 * @param kinds         data kinds in approximate DRAM (weights, ifm)
 * @param weightFormat  storage format of weights ({@link org.undervolt.storage.Formats} name)
 * @param ifmFormat     storage format of IFMs
 * @param bounding      EDEN's value correction on reads
 * @param deviceSeed    names the device whose weak bitlines/rows/subarrays location-dependent models use
 * @param pointSource   where the BER points came from: {@code "bers"} when given directly, or the
 *                      voltages and BER(VDD) table they were read from (recorded with the run)
 * @param seeds         the master seeds of the trial streams, distinct, the first equal to {@code seed}
 */
public record SweepSpec(List<SweepNetwork> networks, DatasetRef dataset, int testImages, int profileImages,
        List<String> errorModels, double[] bers, int trials, long seed, Set<DataKind> kinds, String weightFormat,
        String ifmFormat, boolean bounding, long deviceSeed, String pointSource, long[] seeds) implements Serializable {
    private static final long serialVersionUID = 2L;

    /** A one-seed spec ({@code seeds = [seed]}). */
    public SweepSpec(List<SweepNetwork> networks, DatasetRef dataset, int testImages, int profileImages,
            List<String> errorModels, double[] bers, int trials, long seed, Set<DataKind> kinds, String weightFormat,
            String ifmFormat, boolean bounding, long deviceSeed, String pointSource) {
        this(networks, dataset, testImages, profileImages, errorModels, bers, trials, seed, kinds, weightFormat,
                ifmFormat, bounding, deviceSeed, pointSource, new long[] {seed});
    }

    /** A spec whose BER points are given directly. */
    public SweepSpec(List<SweepNetwork> networks, DatasetRef dataset, int testImages, int profileImages,
            List<String> errorModels, double[] bers, int trials, long seed, Set<DataKind> kinds, String weightFormat,
            String ifmFormat, boolean bounding, long deviceSeed) {
        this(networks, dataset, testImages, profileImages, errorModels, bers, trials, seed, kinds, weightFormat,
                ifmFormat, bounding, deviceSeed, "bers");
    }

    public SweepSpec {
        networks = List.copyOf(networks);
        errorModels = List.copyOf(errorModels);
        kinds = Set.copyOf(kinds);
        bers = bers.clone();
        seeds = seeds.clone();
        if (seeds.length == 0 || seeds[0] != seed) {
            throw new InvalidInputException("sweep spec: seeds must be non-empty and start with the run's seed " + seed);
        }
        if (Arrays.stream(seeds).distinct().count() != seeds.length) {
            throw new InvalidInputException("sweep spec: seeds: " + Arrays.toString(seeds)
                    + " repeats a seed; expected distinct master seeds");
        }
        if (networks.isEmpty() || errorModels.isEmpty() || bers.length == 0) {
            throw new InvalidInputException("sweep spec: networks, error_models and bers must each name at least one");
        }
        if (networks.stream().map(SweepNetwork::name).distinct().count() != networks.size()) {
            throw new InvalidInputException("sweep spec: networks: names must be distinct");
        }
        for (double b : bers) {
            if (!(b >= 0 && b <= 1)) {
                throw new InvalidInputException("sweep spec: bers: " + b + " is not a bit error rate in [0, 1]");
            }
        }
        if (trials < 1 || testImages < 1 || profileImages < 1) {
            throw new InvalidInputException("sweep spec: trials, test_images and profile_images must be >= 1");
        }
        for (String m : errorModels) {
            new SetupSpec(kinds, weightFormat, ifmFormat, m, bounding, deviceSeed); // validates, one line each
        }
        for (SweepNetwork n : networks) {
            if (n.kind() == SweepNetwork.Kind.SNN && !kinds.contains(DataKind.WEIGHTS)) {
                throw new InvalidInputException("sweep spec: networks: '" + n.name() + "' is an SNN, whose stored data "
                        + "are its input weights; 'data' must include weights");
            }
        }
    }

    @Override
    public double[] bers() {
        return bers.clone();
    }

    @Override
    public long[] seeds() {
        return seeds.clone();
    }

    /** Whether the seeds axis has more than one seed, so that point keys name the seed. */
    public boolean seedKeyed() {
        return seeds.length > 1;
    }

    /** The setup of error model {@code model}. */
    public SetupSpec setup(String model) {
        return new SetupSpec(kinds, weightFormat, ifmFormat, model, bounding, deviceSeed);
    }

    /** Every (network, error model, point, seed, trial), network outermost and trial innermost. */
    public List<SweepTask> tasks() {
        List<SweepTask> out = new ArrayList<>(taskCount());
        for (int n = 0; n < networks.size(); n++) {
            for (int m = 0; m < errorModels.size(); m++) {
                for (int p = 0; p < bers.length; p++) {
                    for (int s = 0; s < seeds.length; s++) {
                        for (int t = 0; t < trials; t++) {
                            out.add(new SweepTask(out.size(), n, m, p, s, t));
                        }
                    }
                }
            }
        }
        return out;
    }

    public int taskCount() {
        return Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(networks.size() * errorModels.size(),
                bers.length), seeds.length), trials);
    }

    /** The ids after the task's master seed ({@link #masterSeed}) that its random stream derives from. */
    public long[] seedIds(SweepTask task) {
        return BerSweep.trialIds(bers[task.point()], task.trial());
    }

    /** The master seed of a task's random stream: its entry of {@code seeds}. */
    public long masterSeed(SweepTask task) {
        return seeds[task.seedIndex()];
    }

    /** The random stream of one task. */
    public SplittableRandom stream(SweepTask task) {
        return Seeds.stream(masterSeed(task), seedIds(task));
    }

    /**
     * The results-store point key of a task: {@link #pointKey(String, String, double)}, followed by
     * {@code ;seed=<s>} when the spec has several seeds.
     */
    public String pointKey(SweepTask task) {
        String key = pointKey(networks.get(task.network()).name(), errorModels.get(task.errorModel()),
                bers[task.point()]);
        return seedKeyed() ? key + ";seed=" + masterSeed(task) : key;
    }

    /** The results-store point key of a network, error model and BER (of a one-seed spec). */
    public static String pointKey(String network, String errorModel, double ber) {
        return "network=" + network + ";error_model=" + errorModel + ";ber=" + ber;
    }

    /**
     * The configuration as stored with a run (networks by name and SHA-256 of their checkpoints):
     * two specs with equal descriptions give equal results.
     */
    public Description description() {
        return new Description(networks.stream().map(n -> new Description.Network(n.name(), n.sha256(),
                        n.kind() == SweepNetwork.Kind.DNN ? null : n.kind().label())).toList(),
                dataset.spec(), testImages, profileImages, errorModels, Arrays.stream(bers).boxed().toList(), pointSource,
                trials, seed, seedKeyed() ? Arrays.stream(seeds).boxed().toList() : null,
                kinds.stream().map(DataKind::label).sorted().toList(), weightFormat, ifmFormat, bounding, deviceSeed,
                seedKeyed() ? "(bits(ber), trial) under each of seeds, shared by networks and error models"
                        : "(bits(ber), trial), shared by networks and error models");
    }

    /** {@link #description} as its JSON object (the key order of the record). */
    public Map<String, Object> describe() {
        return Json.fields(description());
    }

    /**
     * A sweep's configuration as stored with its run; its components are the keys, in order.
     *
     * @param pointsFrom where the BER points came from ({@code pointSource})
     * @param seeds      with more than one seed: the seeds axis (absent otherwise: the description of a spec written
     *                   before the axis existed)
     * @param data       the data kinds in approximate DRAM, by label, sorted
     * @param seedIds    the ids a trial's random stream derives from, in words
     */
    public record Description(List<Network> networks, String dataset, int testImages, int profileImages,
            List<String> errorModels, List<Double> bers, String pointsFrom, int trials, long seed,
            @Json.OmitWhenNull List<Long> seeds, List<String> data, String weightFormat, String ifmFormat,
            boolean valueCorrection, long deviceSeed, String seedIds) {

        /**
         * One network, by the label its results are reported under and its file's SHA-256.
         *
         * @param kind {@code snn} for an SNN; absent for a DNN (its entry as before SNNs could be swept)
         */
        public record Network(String name, String sha256, @Json.OmitWhenNull String kind) {
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SweepSpec s && description().equals(s.description());
    }

    @Override
    public int hashCode() {
        return description().hashCode();
    }
}
