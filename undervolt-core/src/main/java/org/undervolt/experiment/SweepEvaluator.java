package org.undervolt.experiment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

import org.undervolt.InvalidInputException;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.Split;
import org.undervolt.dram.error.ErrorModel;
import org.undervolt.nn.kernel.Parallel;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.DatasetFit;
import org.undervolt.resilience.DataKind;
import org.undervolt.dram.error.ErrorModelRegistry;
import org.undervolt.resilience.NetworkEvaluator;
import org.undervolt.resilience.NetworkFaults;
import org.undervolt.resilience.Site;
import org.undervolt.resilience.SnnStoredTrials;
import org.undervolt.resilience.StorageSetup;
import org.undervolt.resilience.TrialEvaluator;
import org.undervolt.resilience.ValueBounds;
import org.undervolt.snn.SnnImages;
import org.undervolt.snn.SnnModel;
import org.undervolt.storage.FormatSpec;
import org.undervolt.storage.Formats;

/**
 * Evaluates the tasks of one {@link SweepSpec} in one JVM: rebuilds each network from its bytes,
 * loads the data set from its reference and builds the stored form of each network × error model,
 * once, on first use; then every task is one error draw and one pass over the test images.
 *
 * <p>A DNN trial is evaluated as in {@code undervolt tolerance} (coarse): every stored site at the
 * point's BER, through {@link NetworkEvaluator}. An SNN trial is evaluated as in
 * {@code undervolt snn eval --ber}: errors in the stored input weights ({@link SnnStoredTrials}).
 * Each trial also counts what turned non-finite (issue 11): for a DNN the test images with a NaN or
 * infinite logit, for an SNN the stored weights read as NaN or an infinity (used as 0).
 * Not thread-safe: one evaluator per thread ({@link SweepEvaluators} pools them per JVM).
 */
public final class SweepEvaluator {
    private final SweepSpec spec;
    private final double[] bers;
    private final Map<Long, TrialEvaluator> built = new HashMap<>();
    private ImageDataset test;
    private ImageDataset train;

    public SweepEvaluator(SweepSpec spec) {
        this.spec = spec;
        this.bers = spec.bers();
    }

    public SweepSpec spec() {
        return spec;
    }

    /**
     * Builds the evaluator of every network and error model of the spec now (loading checkpoints, SNN models and the
     * data set): bad input fails here, before a run is recorded. Returns this.
     */
    public SweepEvaluator prepared() {
        for (int n = 0; n < spec.networks().size(); n++) {
            for (int e = 0; e < spec.errorModels().size(); e++) {
                built(n, e);
            }
        }
        return this;
    }

    /** Runs one task. */
    public TrialOutcome evaluate(SweepTask task) {
        TrialEvaluator ev = built(task.network(), task.errorModel());
        TrialEvaluator.Outcome o = ev.evaluate(bers[task.point()], spec.stream(task));
        return TrialOutcome.of(spec, task, o.accuracy(), o.nonfinite());
    }

    private TrialEvaluator built(int network, int errorModel) {
        long key = ((long) network << 32) | errorModel;
        TrialEvaluator b = built.get(key);
        if (b == null) {
            b = build(network, errorModel);
            built.put(key, b);
        }
        return b;
    }

    private TrialEvaluator build(int network, int errorModel) {
        SweepNetwork net = spec.networks().get(network);
        String model = spec.errorModels().get(errorModel);
        if (net.kind() == SweepNetwork.Kind.SNN) {
            SnnModel snn = snn(net);
            FormatSpec format = Formats.byName(spec.weightFormat());
            DoubleFunction<ErrorModel> errors = ErrorModelRegistry.family(model, spec.deviceSeed());
            ImageDataset images = test();
            return new SnnStoredTrials(snn, format, errors, images, images.size(), Parallel.threads(), false);
        }
        Sequential dnn = dnn(net);
        StorageSetup setup = spec.setup(model).build(dnn);
        List<Integer> ifmLayers = setup.sites().stream().filter(s -> s.kind() == DataKind.IFMS).map(Site::layer).toList();
        ValueBounds bounds = ifmLayers.isEmpty() ? null
                : ValueBounds.profile(dnn, train(), spec.profileImages(), ifmLayers);
        return new NetworkEvaluator(dnn, new NetworkFaults(dnn, setup, bounds), test()).at(setup::uniform);
    }

    /** The DNN, checked against the test images and, when IFMs are stored, the training images they are profiled on. */
    private Sequential dnn(SweepNetwork net) {
        Sequential dnn = net.load();
        DatasetFit.require(dnn, test(), "sweep network " + net.name());
        if (spec.setup(spec.errorModels().get(0)).kinds().contains(DataKind.IFMS)) {
            DatasetFit.require(dnn, train(), "sweep network " + net.name());
        }
        return dnn;
    }

    /** The SNN, checked against the test images' size. */
    private SnnModel snn(SweepNetwork net) {
        SnnModel snn = net.loadSnn();
        SnnImages.require(test());
        return snn;
    }

    private ImageDataset test() {
        if (test == null) {
            ImageDataset all = spec.dataset().load(Split.TEST);
            test = all.slice(0, Math.min(spec.testImages(), all.size()));
        }
        return test;
    }

    private ImageDataset train() {
        if (train == null) {
            train = spec.dataset().load(Split.TRAIN);
        }
        return train;
    }
}
