package org.undervolt.experiment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.undervolt.data.ImageDataset;
import org.undervolt.data.Split;
import org.undervolt.nn.model.Sequential;
import org.undervolt.resilience.DataKind;
import org.undervolt.resilience.NetworkEvaluator;
import org.undervolt.resilience.NetworkFaults;
import org.undervolt.resilience.Site;
import org.undervolt.resilience.StorageSetup;
import org.undervolt.resilience.ValueBounds;

/**
 * Evaluates the tasks of one {@link SweepSpec} in one JVM: rebuilds each network from its checkpoint
 * bytes, loads the data set from its reference and builds the storage setup of each error model,
 * once, on first use; then every task is one error draw and one pass over the test images.
 *
 * <p>A trial is evaluated as in {@code undervolt tolerance} (coarse): every stored site at the
 * point's BER, through {@link NetworkEvaluator}. Not thread-safe: one evaluator per thread
 * ({@link SweepEvaluators} pools them per JVM).
 */
public final class SweepEvaluator {
    private final SweepSpec spec;
    private final Map<Long, Built> built = new HashMap<>();
    private ImageDataset test;
    private ImageDataset train;

    public SweepEvaluator(SweepSpec spec) {
        this.spec = spec;
    }

    public SweepSpec spec() {
        return spec;
    }

    /** Runs one task. */
    public TrialOutcome evaluate(SweepTask task) {
        Built b = built(task.network(), task.errorModel());
        double ber = spec.bers()[task.point()];
        double acc = b.evaluator.accuracy(b.setup.uniform(ber), spec.stream(task));
        return new TrialOutcome(task.index(), spec.networks().get(task.network()).name(),
                spec.errorModels().get(task.errorModel()), ber, task.trial(), acc);
    }

    private Built built(int network, int errorModel) {
        long key = ((long) network << 32) | errorModel;
        Built b = built.get(key);
        if (b == null) {
            b = build(network, errorModel);
            built.put(key, b);
        }
        return b;
    }

    private Built build(int network, int errorModel) {
        Sequential model = spec.networks().get(network).load();
        StorageSetup setup = spec.setup(spec.errorModels().get(errorModel)).build(model);
        List<Integer> ifmLayers = setup.sites().stream().filter(s -> s.kind() == DataKind.IFMS).map(Site::layer).toList();
        ValueBounds bounds = ifmLayers.isEmpty() ? null
                : ValueBounds.profile(model, train(), spec.profileImages(), ifmLayers);
        return new Built(setup, new NetworkEvaluator(model, new NetworkFaults(model, setup, bounds), test()));
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

    private record Built(StorageSetup setup, NetworkEvaluator evaluator) {
    }
}
