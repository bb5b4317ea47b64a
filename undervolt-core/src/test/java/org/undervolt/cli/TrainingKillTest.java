package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.random.Seeds;
import org.undervolt.reliability.ChildJvm;
import org.undervolt.snn.SnnModelFile;

/**
 * Training runs killed with SIGKILL at random moments, several times, then resumed to the end
 * (issue 11, "kill tests"): the model file is byte-identical to an uninterrupted run's, the printed
 * accuracy is the same, no finished epoch (DNN) or checkpointed image (SNN) is trained twice, and no
 * model file appears before the run ends. The kills land at seeded random delays: the first anywhere
 * from JVM start (often before any progress), the others a random time after the child has made new
 * progress since it resumed. The killed runs are real {@code undervolt} processes ({@link ChildJvm});
 * the resumed and the reference runs execute in-process ({@link CliRun}).
 */
class TrainingKillTest {
    private static final Pattern EPOCH_LINE = Pattern.compile("^epochs \\[[#-]+\\] +(\\d+)/(\\d+) .* loss ");
    private static final int KILLS = 4;

    /**
     * Tiny IDX set (28 x 28 for the SNN) whose training labels are one-in-four wrong, so that the
     * training loss stays well above 0 and every step changes the weights (on the clean blobs the
     * loss reaches 0 after one epoch and a broken resume could go unnoticed).
     */
    private static Path noisyData(Path dir) throws IOException {
        TinyIdx.write(dir, 560, 500, 28, 10, 7);
        Path labels = dir.resolve("train-labels-idx1-ubyte");
        byte[] b = Files.readAllBytes(labels);
        SplittableRandom r = Seeds.stream(7, 1);
        for (int i = 8; i < b.length; i++) {
            if (r.nextInt(4) == 0) {
                b[i] = (byte) ((b[i] + 1 + r.nextInt(9)) % 10);
            }
        }
        Files.write(labels, b);
        return dir;
    }

    private static List<String> with(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all;
    }

    private static List<Integer> printedEpochs(ChildJvm child) {
        List<Integer> epochs = new ArrayList<>();
        for (String line : child.lines()) {
            Matcher m = EPOCH_LINE.matcher(line);
            if (m.find()) {
                epochs.add(Integer.parseInt(m.group(1)));
            }
        }
        return epochs;
    }

    @Test
    void dnnTrainingKilledFourTimesResumesToTheSameModel(@TempDir Path tmp) throws Exception {
        Path data = noisyData(tmp.resolve("data"));
        int epochs = 30; // far more than the killed runs can finish, however fast the machine (an epoch takes 0.1-0.5 s)
        List<String> common = List.of("train", "--network", "lenet5", "--data-dir", data.toString(), "--epochs",
                String.valueOf(epochs), "--batch-size", "32", "--seed", "3", "--threads", "1");
        Path out = tmp.resolve("killed/m.uvnn");
        Path state = tmp.resolve("killed/m.uvnn.state");
        Files.createDirectories(out.getParent());
        SplittableRandom moments = Seeds.stream(2026, 11, 1);

        List<Integer> finished = new ArrayList<>(); // epochs announced by the killed runs, in order
        for (int k = 0; k < KILLS; k++) {
            ChildJvm child = ChildJvm.start(tmp.resolve("child-" + k + ".log"), List.of("-Xss4m"), UndervoltCli.class,
                    with(common, "--out", out.toString(), "--progress")); // a line per finished epoch, also into a log
            if (k == 0) {
                child.killAfter(() -> true, moments, 1000, 60); // anywhere in start-up or the first few epochs
            } else {
                child.killAfter(() -> !printedEpochs(child).isEmpty(), moments, 150, 120);
            }
            finished.addAll(printedEpochs(child));
            assertThat(out).as("no model file before the run ends (kill %d)", k).doesNotExist();
        }
        System.out.println("DNN: epochs finished by the killed runs " + finished);
        assertThat(finished).as("epochs finished by the killed runs, in order: none twice").isSorted()
                .doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(KILLS - 1).allMatch(e -> e < epochs);
        assertThat(state).exists();

        CliRun resumed = CliRun.of(with(common, "--out", out.toString(), "--json").toArray(String[]::new));
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        JsonNode r = resumed.json();
        int carried = r.get("resumed_epochs").asInt();
        assertThat(carried).as("every epoch a killed run finished is kept").isGreaterThanOrEqualTo(finished.get(finished.size() - 1));
        assertThat(r.get("epoch_seconds").size()).as("epochs trained by the resumed run").isEqualTo(epochs - carried);

        Path clean = tmp.resolve("clean/m.uvnn");
        CliRun straight = CliRun.of(with(common, "--out", clean.toString(), "--json").toArray(String[]::new));
        assertThat(straight.exit()).as(straight.err()).isZero();
        JsonNode s = straight.json();
        assertThat(s.get("resumed_epochs").asInt()).isZero();
        assertThat(s.get("train_loss").asDouble()).as("labels are noisy: the loss stays high").isGreaterThan(0.1);

        assertThat(r.get("test_accuracy")).isEqualTo(s.get("test_accuracy"));
        assertThat(r.get("epoch_losses")).as("losses of every epoch, bit for bit").isEqualTo(s.get("epoch_losses"));
        assertThat(Files.readAllBytes(out)).as("model file").isEqualTo(Files.readAllBytes(clean));
    }

    @Test
    void snnTrainingKilledFourTimesResumesToTheSameModel(@TempDir Path tmp) throws Exception {
        Path data = noisyData(tmp.resolve("data"));
        int every = 20;
        int images = 800; // more than the killed runs can reach however fast the machine (a few ms per image)
        List<String> common = List.of("snn", "train", "--data-dir", data.toString(), "--neurons", "10", "--train-images", String.valueOf(images),
                "--label-images", "60", "--test-images", "60", "--checkpoint-every", String.valueOf(every), "--seed", "5",
                "--threads", "1");
        Path out = tmp.resolve("killed/m.snn");
        Path checkpoint = tmp.resolve("killed/m.snn.ckpt");
        Files.createDirectories(out.getParent());
        SplittableRandom moments = Seeds.stream(2026, 11, 2);

        // Every image counter the checkpoint file shows while the killed runs train, polled every 5 ms
        // (a checkpoint is written every 20 images, over 50 ms): it must never go back.
        List<Long> counters = new CopyOnWriteArrayList<>();
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long c = trained(checkpoint);
                if (c > 0 && (counters.isEmpty() || counters.get(counters.size() - 1) != c)) {
                    counters.add(c);
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.setDaemon(true);
        watcher.start();
        try {
            for (int k = 0; k < KILLS; k++) {
                long start = trained(checkpoint);
                ChildJvm child = ChildJvm.start(tmp.resolve("child-" + k + ".log"), List.of("-Xss4m"), UndervoltCli.class,
                        with(common, "--out", out.toString()));
                if (k == 0) {
                    child.killAfter(() -> true, moments, 1000, 60);
                } else {
                    child.killAfter(() -> trained(checkpoint) >= start + every, moments, 150, 120);
                }
                assertThat(out).as("no model file before the run ends (kill %d)", k).doesNotExist();
            }
        } finally {
            watcher.interrupt();
            watcher.join();
        }
        long last = trained(checkpoint);
        System.out.println("SNN: checkpointed image counters seen " + counters);
        assertThat(counters).as("checkpointed image counters: never back, never the same twice").isSorted()
                .doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(KILLS - 1).allMatch(c -> c % every == 0 && c < images);
        assertThat(last).isEqualTo(counters.get(counters.size() - 1));

        CliRun resumed = CliRun.of(with(common, "--out", out.toString(), "--json").toArray(String[]::new));
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        JsonNode r = resumed.json();
        assertThat(r.get("resumed_from").asLong()).as("training continues at the last checkpointed image").isEqualTo(last);
        assertThat(r.get("presentations").asLong()).as("images presented by the resumed run")
                .isGreaterThanOrEqualTo(images - last);

        Path clean = tmp.resolve("clean/m.snn");
        CliRun straight = CliRun.of(with(common, "--out", clean.toString(), "--json").toArray(String[]::new));
        assertThat(straight.exit()).as(straight.err()).isZero();
        JsonNode s = straight.json();
        assertThat(s.get("resumed_from").asLong()).isZero();
        assertThat(r.get("accuracy")).isEqualTo(s.get("accuracy"));
        assertThat(Files.readAllBytes(out)).as("model file").isEqualTo(Files.readAllBytes(clean));
    }

    /** Images trained according to the checkpoint file, 0 while there is none. */
    private static long trained(Path checkpoint) {
        if (!Files.exists(checkpoint)) {
            return 0;
        }
        return SnnModelFile.read(checkpoint).imagesTrained();
    }
}
