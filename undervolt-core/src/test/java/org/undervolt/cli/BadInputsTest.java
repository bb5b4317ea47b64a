package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.undervolt.data.IdxWriter;
import org.undervolt.data.SyntheticDatasets;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.zoo.Mlp;
import org.undervolt.snn.SnnModel;
import org.undervolt.snn.SnnModelFile;

import picocli.CommandLine;

/**
 * Every CLI command, fed bad input (issue 11, "errors for people"): it must exit 2, print exactly
 * one line on stderr that names the file/option and the expected form, print nothing on stdout, and
 * leave no output file behind. The cases and the messages they get are the table in
 * {@code docs/BAD_INPUTS.md}; {@link #writeTable} regenerates it as
 * {@code target/bad-inputs.md} (the temporary folder shown as {@code DIR}).
 */
class BadInputsTest {
    private static Path dir;
    private static final List<String[]> TABLE = new ArrayList<>();

    /** One bad input: what it is, the command line ({@code DIR} = the fixture folder), and words the message must hold. */
    record Case(String what, String args, String expected) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                // global
                c("unknown command", "frobnicate", "Unmatched argument"),
                c("unknown option", "dram presets --colour", "Unknown option: '--colour'"),
                // data
                c("data set folder missing", "data info --data-dir DIR/nowhere", "nowhere: no such directory"),
                c("unknown data set", "data info --dataset cifar100", "expected one of: mnist, fashion-mnist"),
                c("IDX file with wrong magic", "data info --data-dir DIR/badidx", "wrong magic"),
                // dram
                c("unknown preset", "dram info --memspec DDR9-1", "DDR9-1: no such memspec file, nor a preset"),
                c("memspec: malformed JSON", "dram info --memspec DIR/broken.json", "broken.json:"),
                c("memspec: malformed XML", "dram info --memspec DIR/broken.xml", "broken.xml"),
                c("memspec: neither XML nor JSON", "dram info --memspec DIR/notes.txt", "not a memspec"),
                c("negative voltage", "dram info --memspec DDR4-2400 --vdd -1", "--vdd"),
                c("unknown scaling", "dram info --memspec DDR4-2400 --scaling cubic", "cubic"),
                c("command trace missing", "dram energy --memspec DDR4-2400 --trace DIR/none.csv", "none.csv: no such trace file"),
                c("command trace: malformed line", "dram energy --memspec DDR4-2400 --trace DIR/bad-trace.csv", "bad-trace.csv:2"),
                c("command trace: unknown counting", "dram energy --memspec DDR4-2400 --trace DIR/bad-trace.csv --counting drampower9", "drampower9"),
                c("request trace missing", "dram simulate --standard DDR4 --requests DIR/none.trace", "none.trace: no such request trace file"),
                c("request trace: malformed line", "dram simulate --standard DDR4 --requests DIR/bad.trace", "bad.trace:2"),
                c("unknown standard", "dram simulate --standard DDR7 --requests DIR/good.trace", "DDR7"),
                c("unknown address mapping", "dram simulate --standard DDR4 --requests DIR/good.trace --mapping XyZ", "XyZ"),
                c("memspec: file is a folder", "dram info --memspec DIR/badidx", "badidx"),
                c("energy: trace bank out of range", "dram energy --memspec DDR4-2400 --trace DIR/bank99.csv", "bank99.csv:1"),
                c("bench: zero commands", "dram bench --commands 0", "--commands"),
                // errors
                c("BER above 1", "errors inject --ber 2", "--ber"),
                c("BER not a number", "errors inject --ber lots", "lots"),
                c("BER NaN", "errors inject --ber NaN", "--ber"),
                c("unknown storage format", "errors inject --ber 1e-3 --format int7", "int7"),
                c("negative trials", "errors inject --ber 1e-3 --trials -1", "--trials"),
                c("unknown error model", "errors inject --ber 1e-3 --model gaussian", "gaussian"),
                c("weak fraction above 1", "errors inject --ber 1e-3 --model bitline --weak-fraction 1.5", "--weak-fraction"),
                c("bitmap: pattern out of range", "errors bitmap --out DIR/out/b.txt --ber 1e-3 --pattern 300", "--pattern"),
                c("bitmap: BER above 1", "errors bitmap --out DIR/out/b.txt --ber 1.5", "--ber"),
                c("bitmap file missing", "errors fit DIR/none.txt", "none.txt"),
                c("bitmap: malformed line", "errors fit DIR/bad-bitmap.txt", "bad-bitmap.txt:"),
                // nn
                c("train: unknown model", "train --model resnet999 --out DIR/out/m.uvnn", "resnet999"),
                c("train: zero epochs", "train --model mlp --epochs 0 --out DIR/out/m.uvnn", "--epochs"),
                c("train: negative learning rate", "train --model mlp --lr -0.1 --out DIR/out/m.uvnn", "--lr -0.1: expected a positive learning rate"),
                c("train: NaN learning rate", "train --model mlp --lr NaN --out DIR/out/m.uvnn", "--lr NaN"),
                c("train: output is a folder", "train --model mlp --out DIR/badidx", "is a directory"),
                c("train: bad IDX data", "train --model mlp --data-dir DIR/badidx --out DIR/out/m.uvnn", "wrong magic"),
                c("train: unknown optimizer", "train --model mlp --optimizer adagrad --out DIR/out/m.uvnn", "adagrad"),
                c("eval: checkpoint missing", "eval --model DIR/none.uvnn", "none.uvnn: no such checkpoint file"),
                c("eval: not a checkpoint", "eval --model DIR/notes.txt", "notes.txt:"),
                c("eval: BER above 1", "eval --model DIR/good.uvnn --ber 2", "--ber 2.0: expected a bit error rate in [0, 1]"),
                c("eval: negative trials", "eval --model DIR/good.uvnn --ber 1e-3 --trials -1", "--trials"),
                c("eval: unknown format", "eval --model DIR/good.uvnn --ber 1e-3 --format fp12", "fp12"),
                c("eval: BER NaN", "eval --model DIR/good.uvnn --ber NaN", "--ber NaN"),
                c("eval: unknown error model", "eval --model DIR/good.uvnn --ber 1e-3 --error-model gaussian", "gaussian"),
                c("eval: zero threads", "eval --model DIR/good.uvnn --threads 0", "--threads"),
                c("import-onnx: missing file", "import-onnx --model DIR/none.onnx --out DIR/m.uvnn", "none.onnx"),
                c("import-onnx: not ONNX", "import-onnx --model DIR/notes.txt --out DIR/m.uvnn", "notes.txt"),
                c("export-onnx: not a checkpoint", "export-onnx --model DIR/notes.txt --out DIR/m.onnx", "notes.txt"),
                // snn
                c("snn train: zero neurons", "snn train --neurons 0 --images 10 --out DIR/out/m.snn", "--neurons"),
                c("snn eval: model missing", "snn eval --model DIR/none.snn", "none.snn: no such file"),
                c("snn eval: not a model", "snn eval --model DIR/notes.txt", "notes.txt"),
                c("snn train: zero images", "snn train --neurons 4 --images 0 --out DIR/out/m.snn", "--images"),
                c("snn eval: BER above 1", "snn eval --model DIR/good.snn --ber 2", "--ber"),
                // resilience
                c("tolerance: checkpoint missing", "tolerance --model DIR/none.uvnn --out DIR/out/t", "none.uvnn"),
                c("tolerance: delta above 1", "tolerance --model DIR/good.uvnn --out DIR/out/t --delta 2", "--delta 2.0: expected a fraction in [0, 1]"),
                c("tolerance: BER range reversed", "tolerance --model DIR/good.uvnn --out DIR/out/t --ber-min 0.1 --ber-max 1e-3", "BER grid maximum 0.001"),
                c("tolerance: not a checkpoint", "tolerance --model DIR/notes.txt --out DIR/out/t", "notes.txt"),
                c("tolerance: zero trials", "tolerance --model DIR/good.uvnn --out DIR/out/t --trials 0", "trials 0"),
                c("retrain: unknown network", "retrain --network alexnet --out DIR/out/r", "alexnet"),
                c("retrain: unknown mode", "retrain --mode magic --out DIR/out/r", "magic"),
                // demo
                c("demo: negative trials", "demo --trials -1 --store DIR/out/u.db --out DIR/out/d --cache-dir DIR/out/c", "--trials"),
                c("demo: BER range above 1", "demo --ber-max 2 --store DIR/out/u.db --out DIR/out/d --cache-dir DIR/out/c", "BER grid maximum 2.0"),
                c("demo: unknown preset", "demo --preset DDR9 --store DIR/out/u.db --out DIR/out/d --cache-dir DIR/out/c", "DDR9"),
                c("demo: BER table malformed", "demo --ber-table DIR/bad.csv --store DIR/out/u.db --out DIR/out/d --cache-dir DIR/out/c", "bad.csv"),
                // runs
                c("runs: store missing", "runs list --store DIR/none.db", "none.db"),
                c("runs: store is not SQLite", "runs list --store DIR/notes.txt", "notes.txt"),
                c("runs show: not a run id", "runs show abc --store DIR/none.db", "abc"),
                c("runs export: unknown format", "runs export 1 --format xml --store DIR/none.db --out DIR/out/x", "xml"));
    }

    private static Case c(String what, String args, String expected) {
        return new Case(what, args, expected);
    }

    @BeforeAll
    static void fixtures() throws IOException {
        dir = Files.createTempDirectory("undervolt-bad-inputs");
        write("notes.txt", "These are notes, not a model.\n");
        write("broken.json", "{\"memspec\": {\"memarchitecturespec\": [1, 2,}\n");
        write("broken.xml", "<memspec><parameter id=\"x\" value=\"1\"></memspec>\n");
        write("bad-trace.csv", "0,ACT,0,0,0,100,0\n5,RD,zero,0,0,100,0\n");
        write("bank99.csv", "0,ACT,0,0,99,100,0\n");
        write("good.trace", "LD 0x0\nST 0x40\n");
        write("bad.trace", "LD 0x0\nLOAD 0x40\n");
        write("bad-bitmap.txt", "undervolt-bitmap 1\npattern 170\nvdd fast\n");
        write("bad.csv", "vdd,ber\n1.35,0\n1.2,often\n");
        Files.createDirectories(dir.resolve("badidx"));
        IdxWriter.write(SyntheticDatasets.separableBlobs(4, 28, 28, 10, 1), dir.resolve("badidx/train-images-idx3-ubyte"),
                dir.resolve("badidx/train-labels-idx1-ubyte"), false);
        IdxWriter.write(SyntheticDatasets.separableBlobs(4, 28, 28, 10, 2), dir.resolve("badidx/t10k-images-idx3-ubyte"),
                dir.resolve("badidx/t10k-labels-idx1-ubyte"), false);
        byte[] img = Files.readAllBytes(dir.resolve("badidx/train-images-idx3-ubyte"));
        img[3] = 0x01;
        Files.write(dir.resolve("badidx/train-images-idx3-ubyte"), img);
        Checkpoint.save(Mlp.create(new int[] {784, 8, 10}, 1), Map.of(), dir.resolve("good.uvnn"));
        SnnModelFile.write(SnnModel.initial(2, 1), dir.resolve("good.snn"));
    }

    private static void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void badInputGetsOneLineAndExitTwo(Case k) throws IOException {
        Set<String> before = listing();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = UndervoltCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] args = k.args().replace("DIR", dir.toString()).split(" ");
        int code = cl.execute(args);
        String message = err.toString().strip().replace(dir.toString(), "DIR");
        synchronized (TABLE) {
            TABLE.add(new String[] {k.what(), k.args(), String.valueOf(code), message});
        }
        assertThat(code).as("exit code; stderr: " + message).isEqualTo(UndervoltCli.EXIT_BAD_INPUT);
        assertThat(out.toString()).as("stdout").isEmpty();
        assertThat(err.toString().lines()).as("stderr lines").hasSize(1);
        assertThat(message).startsWith("undervolt: ").contains(k.expected());
        assertThat(listing()).as("files left behind").isEqualTo(before);
    }

    /** Every path under the fixture folder: a bad run must add none (no half-written output). */
    private static Set<String> listing() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    @AfterAll
    static void writeTable() throws IOException {
        StringBuilder md = new StringBuilder("| bad input | command | exit | message |\n|---|---|---|---|\n");
        for (String[] r : TABLE) {
            md.append("| ").append(r[0]).append(" | `undervolt ").append(r[1]).append("` | ").append(r[2]).append(" | ")
                    .append(r[3].replace("|", "\\|").replace("\n", " ⏎ ")).append(" |\n");
        }
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("bad-inputs.md"), md.toString());
        }
    }
}
