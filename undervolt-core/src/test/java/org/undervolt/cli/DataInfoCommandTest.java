package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.data.CifarBinaryReaderTest;
import org.undervolt.data.IdxWriter;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

class DataInfoCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = UndervoltCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private void writeSplits(int trainLabelsCut) throws IOException {
        ImageDataset train = SyntheticDatasets.separableBlobs(30, 4, 4, 3, 1);
        ImageDataset test = SyntheticDatasets.separableBlobs(9, 4, 4, 3, 2);
        IdxWriter.write(train, dir.resolve("train-images-idx3-ubyte"), dir.resolve("train-labels-idx1-ubyte"), false);
        IdxWriter.write(test, dir.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte.gz"), true);
        if (trainLabelsCut > 0) {
            Path labels = dir.resolve("train-labels-idx1-ubyte");
            byte[] b = Files.readAllBytes(labels);
            Files.write(labels, Arrays.copyOf(b, b.length - trainLabelsCut));
        }
    }

    @Test
    void badFileExitsTwoWithOneLineNamingIt() throws IOException {
        writeSplits(5);
        int code = run("data", "info", "--data-dir", dir.toString());
        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).singleElement().asString()
                .isEqualTo("undervolt: " + dir.resolve("train-labels-idx1-ubyte")
                        + ": truncated: header says 30 labels (38 bytes), file holds 33");
    }

    @Test
    void missingFolderAndUnknownDatasetExitTwo() {
        assertThat(run("data", "info", "--data-dir", dir.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(run("data", "info", "--dataset", "cifar100", "--json")).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(2);
        assertThat(err.toString()).contains("nowhere: no such directory").contains("expected one of: mnist, fashion-mnist");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void userFolderAsJson() throws IOException {
        writeSplits(0);
        assertThat(run("data", "info", "--data-dir", dir.toString(), "--json")).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertThat(j.get("source").asText()).isEqualTo(dir.toString());
        assertThat(j.at("/train/count").asInt()).isEqualTo(30);
        assertThat(j.at("/test/count").asInt()).isEqualTo(9);
        assertThat(j.at("/test/class_counts").toString()).isEqualTo("[3,3,3,0,0,0,0,0,0,0]");
        assertThat(j.at("/train/num_classes").asInt()).isEqualTo(10);
        assertThat(j.at("/test/files/0/file").asText()).endsWith("t10k-images-idx3-ubyte.gz");
        assertThat(j.at("/train/files/0/checksum").asText()).isEqualTo("unknown");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void cifarFolderIsRecognised() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("cifar-10-batches-bin"));
        for (int b = 1; b <= 5; b++) {
            Files.write(sub.resolve("data_batch_" + b + ".bin"), CifarBinaryReaderTest.records(3, b));
        }
        Files.write(sub.resolve("test_batch.bin"), CifarBinaryReaderTest.records(2, 0));
        assertThat(run("data", "info", "--data-dir", dir.toString(), "--json")).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertThat(j.get("dataset").asText()).isEqualTo("cifar10");
        assertThat(j.at("/train/count").asInt()).isEqualTo(15);
        assertThat(j.at("/train/channels").asInt()).isEqualTo(3);
        assertThat(j.at("/train/files").size()).isEqualTo(5);
        assertThat(j.at("/test/class_counts").toString()).isEqualTo("[1,1,0,0,0,0,0,0,0,0]");
        Files.delete(sub.resolve("data_batch_4.bin"));
        assertThat(run("data", "info", "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString().contains("no data_batch_4.bin");
    }

    @Test
    void builtinMnistAsJsonAndTable() throws IOException {
        assertThat(run("data", "info", "--json")).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertThat(j.get("dataset").asText()).isEqualTo("mnist");
        assertThat(j.at("/train/count").asInt()).isEqualTo(60000);
        assertThat(j.at("/test/class_counts").toString()).isEqualTo("[980,1135,1032,1010,982,892,958,1028,974,1009]");
        assertThat(j.at("/test/files/1/md5").asText()).isEqualTo("ec29112dd5afa0611ce80d1b7f02629c");
        assertThat(j.at("/test/files/1/checksum").asText()).isEqualTo("verified");
        out.getBuffer().setLength(0);
        assertThat(run("data", "info", "--dataset", "fashion-mnist")).isZero();
        assertThat(out.toString()).contains("train    60000    28x28      10  6000 6000 6000");
    }
}
