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
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.onnx.OnnxWriter;
import org.undervolt.nn.onnx.SequentialExporter;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.nn.zoo.LeNet5;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

class ImportOnnxCommandTest {
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

    private Path lenetOnnx(Sequential m) throws IOException {
        Path f = dir.resolve("lenet.onnx");
        OnnxWriter.write(SequentialExporter.export(m, "lenet"), f);
        return f;
    }

    @Test
    void jsonSummaryAndCheckpointThatComputesTheSame() throws IOException {
        Sequential m = LeNet5.mnist(3);
        Path onnx = lenetOnnx(m);
        Path uvnn = dir.resolve("lenet.uvnn");
        int code = run("import-onnx", "--model", onnx.toString(), "--out", uvnn.toString(), "--json");
        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertThat(out.toString().trim().lines()).hasSize(1);
        assertThat(j.get("parameters").asLong()).isEqualTo(61_706);
        assertThat(j.get("nodes").asInt()).isEqualTo(12);
        assertThat(j.get("ops").get("Conv").asInt()).isEqualTo(2);
        assertThat(j.get("ops").get("Gemm").asInt()).isEqualTo(3);
        assertThat(j.get("opset").asInt()).isEqualTo(17);
        assertThat(j.get("layers")).hasSize(12);
        assertThat(j.get("input_shape").toString()).isEqualTo("[1,28,28]");
        assertThat(j.get("output_shape").toString()).isEqualTo("[10]");
        assertThat(j.get("check_max_abs_diff").asDouble()).isLessThan(1e-4);

        Checkpoint.Loaded loaded = Checkpoint.load(uvnn);
        assertThat(loaded.metadata()).containsEntry("model", "onnx").containsEntry("source", "lenet.onnx");
        Tensor x = Tensor.zeros(2, 1, 28, 28);
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = (i % 17) / 17f;
        }
        assertThat(loaded.model().infer(x).data()).containsExactly(m.infer(x).data());
    }

    @Test
    void textSummary() throws IOException {
        Path onnx = lenetOnnx(LeNet5.mnist(4));
        assertThat(run("import-onnx", "--model", onnx.toString(), "--out", dir.resolve("m.uvnn").toString())).isZero();
        assertThat(out.toString()).contains("parameters  61,706").contains("Conv 2, Flatten 1, Gemm 3");
    }

    @Test
    void truncatedFileExitsTwoWithOneLineAndWritesNothing() throws IOException {
        Path onnx = lenetOnnx(LeNet5.mnist(5));
        byte[] b = Files.readAllBytes(onnx);
        Files.write(onnx, Arrays.copyOf(b, b.length - 100));
        Path uvnn = dir.resolve("out.uvnn");
        int code = run("import-onnx", "--model", onnx.toString(), "--out", uvnn.toString());
        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("undervolt: " + onnx + ": not a valid ONNX model: ");
        assertThat(Files.list(dir)).containsExactly(onnx);
    }

    @Test
    void exportThenImportGivesTheSameModel() throws IOException {
        Sequential m = LeNet5.mnist(6);
        Path uvnn = dir.resolve("a.uvnn");
        Checkpoint.save(m, java.util.Map.of("model", "lenet5"), uvnn);
        Path onnx = dir.resolve("a.onnx");
        assertThat(run("export-onnx", "--model", uvnn.toString(), "--out", onnx.toString(), "--json")).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertThat(j.get("parameters").asLong()).isEqualTo(61_706);
        assertThat(j.get("ops").get("Conv").asInt()).isEqualTo(2);
        Path back = dir.resolve("b.uvnn");
        assertThat(run("import-onnx", "--model", onnx.toString(), "--out", back.toString())).isZero();
        Sequential b = Checkpoint.load(back).model();
        for (int i = 0; i < m.parameters().size(); i++) {
            assertThat(b.parameters().get(i).data()).containsExactly(m.parameters().get(i).data());
        }
    }

    @Test
    void outInMissingFolderExitsTwo() throws IOException {
        Path onnx = lenetOnnx(LeNet5.mnist(7));
        Path bad = dir.resolve("no/such/dir/x.uvnn");
        assertThat(run("import-onnx", "--model", onnx.toString(), "--out", bad.toString())).isEqualTo(2);
        assertThat(err.toString().trim()).isEqualTo("undervolt: --out " + bad + ": folder " + bad.getParent() + " does not exist");
    }

    @Test
    void missingFileExitsTwo() {
        Path none = dir.resolve("none.onnx");
        assertThat(run("import-onnx", "--model", none.toString(), "--out", dir.resolve("o.uvnn").toString())).isEqualTo(2);
        assertThat(err.toString().trim()).isEqualTo("undervolt: " + none + ": no such file (expected an .onnx model)");
    }
}
