package org.undervolt.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.undervolt.snn.SnnRuns;

/**
 * Small networks and sweeps over them, for the Spark tests: an MLP on synthetic 8×8 blobs; and, on
 * synthetic 28×28 blobs, an MLP and a 10-neuron spiking network trained as {@code undervolt snn train}
 * trains one.
 */
final class TinySweep {
    static final String DATA = "synthetic:120:8x8:4:7";
    static final String DATA28 = "synthetic:40:28x28:4:3";
    private static byte[] checkpoint;
    private static byte[] mlp28;
    private static byte[] snn;

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

    static synchronized byte[] mlp28() {
        if (mlp28 == null) {
            Sequential m = Mlp.create(new int[] {784, 16, 4}, 3);
            new Trainer(TrainConfig.defaults(40, 3)).train(m, new DatasetRef(DATA28).load(Split.TRAIN), (e, l, s) -> { });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                Checkpoint.write(m, Map.of(), out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            mlp28 = out.toByteArray();
        }
        return mlp28;
    }

    /** A labelled SNN model file: 10 neurons, one pass over the 40 training images. */
    static synchronized byte[] snn() {
        if (snn == null) {
            try {
                Path dir = Files.createTempDirectory("tiny-snn");
                Path out = dir.resolve("snn.uvsnn");
                DatasetRef data = new DatasetRef(DATA28);
                SnnRuns.train(10, 40, 3, data.load(Split.TRAIN), data.load(Split.TEST), 40, 8, out, null, 0, 1, null);
                snn = Files.readAllBytes(out);
                Files.delete(out);
                Files.delete(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return snn;
    }

    /**
     * A DNN and an SNN, two error models (one location-dependent), three BERs (FP32 weights: 5e-2
     * ruins both), two master seeds, two trials: 48 tasks, 12 test images each.
     */
    static SweepSpec mixed() {
        return new SweepSpec(List.of(new SweepNetwork("mlp", mlp28()), new SweepNetwork("snn", snn())),
                new DatasetRef(DATA28), 12, 20, List.of("uniform", "bitline:0.5"), new double[] {0, 1e-3, 5e-2}, 2, 11,
                Set.of(DataKind.WEIGHTS), "fp32", "int8", false, 5, "bers", new long[] {11, 12});
    }

    /** Two error models (one location-dependent), three BERs, three trials: 18 tasks. */
    static SweepSpec spec() {
        return new SweepSpec(List.of(new SweepNetwork("mlp", checkpoint())), new DatasetRef(DATA), 120, 60,
                List.of("uniform", "bitline:0.5"), new double[] {0, 2e-2, 0.2}, 3, 11, Set.of(DataKind.WEIGHTS),
                "int8", "int8", false, 5);
    }
}
