package org.undervolt.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.undervolt.data.Split;
import org.undervolt.experiment.DatasetRef;
import org.undervolt.experiment.SweepNetwork;
import org.undervolt.experiment.SweepSpec;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.TrainConfig;
import org.undervolt.nn.train.Trainer;
import org.undervolt.nn.zoo.Mlp;
import org.undervolt.resilience.DataKind;

/** A small MLP trained on synthetic 8×8 blobs, and sweeps over it, for the Spark tests. */
final class TinySweep {
    static final String DATA = "synthetic:120:8x8:4:7";
    private static byte[] checkpoint;

    private TinySweep() {
    }

    static synchronized byte[] checkpoint() {
        if (checkpoint == null) {
            Sequential m = Mlp.create(new int[] {64, 16, 4}, 3);
            new Trainer(TrainConfig.defaults(20, 3)).train(m, new DatasetRef(DATA).load(Split.TRAIN), (e, l, s) -> { });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                Checkpoint.write(m, Map.of(), out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            checkpoint = out.toByteArray();
        }
        return checkpoint;
    }

    /** Two error models (one location-dependent), three BERs, three trials: 18 tasks. */
    static SweepSpec spec() {
        return new SweepSpec(List.of(new SweepNetwork("mlp", checkpoint())), new DatasetRef(DATA), 120, 60,
                List.of("uniform", "bitline:0.5"), new double[] {0, 2e-2, 0.2}, 3, 11, Set.of(DataKind.WEIGHTS),
                "int8", "int8", false, 5);
    }
}
