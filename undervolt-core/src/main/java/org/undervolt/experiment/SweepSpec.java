package org.undervolt.experiment;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.undervolt.InvalidInputException;
import org.undervolt.random.Seeds;
import org.undervolt.resilience.BerSweep;
import org.undervolt.resilience.DataKind;
import org.undervolt.resilience.SetupSpec;

/**
 * A sweep: networks × error models × BER points × trials, one master seed. Everything in it is data
 * (checkpoint bytes, a data set reference, names), so the spec can be serialised to another JVM and
 * the same trials evaluated there.
 *
 * <p>Trial {@code t} at BER {@code b} draws its errors from {@code Seeds.stream(seed, bits(b), t)}
 * ({@link BerSweep#trialIds}), exactly as {@link BerSweep} does, so a one-network, one-model sweep
 * reproduces a {@code BerSweep} of the same setup; networks and error models share the streams of a
 * point (common random numbers between the compared configurations).
 *
 * @param networks      the networks, as checkpoint bytes
 * @param dataset       where the images come from (test set evaluated, training set profiled for IFM bounds)
 * @param testImages    the first this many test images are evaluated
 * @param profileImages training images profiled for IFM value bounds (when IFMs are stored)
 * @param errorModels   error model specs, {@link org.undervolt.resilience.ErrorModels} syntax
 * @param bers          the BER points
 * @param trials        trials per point
 * @param seed          master seed
 * @param kinds         data kinds in approximate DRAM (weights, ifm)
 * @param weightFormat  storage format of weights ({@link org.undervolt.storage.Formats} name)
 * @param ifmFormat     storage format of IFMs
 * @param bounding      EDEN's value correction on reads
 * @param deviceSeed    names the device whose weak bitlines/rows/subarrays location-dependent models use
 * @param pointSource   where the BER points came from: {@code "bers"} when given directly, or the
 *                      voltages and BER(VDD) table they were read from (recorded with the run)
 */
public record SweepSpec(List<SweepNetwork> networks, DatasetRef dataset, int testImages, int profileImages,
        List<String> errorModels, double[] bers, int trials, long seed, Set<DataKind> kinds, String weightFormat,
        String ifmFormat, boolean bounding, long deviceSeed, String pointSource) implements Serializable {
    private static final long serialVersionUID = 1L;

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
    }

    @Override
    public double[] bers() {
        return bers.clone();
    }

    /** The setup of error model {@code model}. */
    public SetupSpec setup(String model) {
        return new SetupSpec(kinds, weightFormat, ifmFormat, model, bounding, deviceSeed);
    }

    /** Every (network, error model, point, trial), network outermost and trial innermost. */
    public List<SweepTask> tasks() {
        List<SweepTask> out = new ArrayList<>(taskCount());
        for (int n = 0; n < networks.size(); n++) {
            for (int m = 0; m < errorModels.size(); m++) {
                for (int p = 0; p < bers.length; p++) {
                    for (int t = 0; t < trials; t++) {
                        out.add(new SweepTask(out.size(), n, m, p, t));
                    }
                }
            }
        }
        return out;
    }

    public int taskCount() {
        return Math.multiplyExact(Math.multiplyExact(networks.size() * errorModels.size(), bers.length), trials);
    }

    /** The ids after the master seed that task's random stream derives from. */
    public long[] seedIds(SweepTask task) {
        return BerSweep.trialIds(bers[task.point()], task.trial());
    }

    /** The random stream of one task. */
    public SplittableRandom stream(SweepTask task) {
        return Seeds.stream(seed, seedIds(task));
    }

    /** The results-store point key of a network, error model and BER. */
    public static String pointKey(String network, String errorModel, double ber) {
        return "network=" + network + ";error_model=" + errorModel + ";ber=" + ber;
    }

    /**
     * The configuration as stored with a run (networks by name and SHA-256 of their checkpoints):
     * two specs with equal descriptions give equal results.
     */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> nets = new ArrayList<>();
        for (SweepNetwork n : networks) {
            nets.add(Map.of("name", n.name(), "sha256", n.sha256()));
        }
        m.put("networks", nets);
        m.put("dataset", dataset.spec());
        m.put("test_images", testImages);
        m.put("profile_images", profileImages);
        m.put("error_models", errorModels);
        m.put("bers", Arrays.stream(bers).boxed().toList());
        m.put("points_from", pointSource);
        m.put("trials", trials);
        m.put("seed", seed);
        m.put("data", kinds.stream().map(DataKind::label).sorted().toList());
        m.put("weight_format", weightFormat);
        m.put("ifm_format", ifmFormat);
        m.put("value_correction", bounding);
        m.put("device_seed", deviceSeed);
        m.put("seed_ids", "(bits(ber), trial), shared by networks and error models");
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SweepSpec s && describe().equals(s.describe());
    }

    @Override
    public int hashCode() {
        return describe().hashCode();
    }
}
