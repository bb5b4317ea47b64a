package org.undervolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * One bad input: what it is, the command line ({@code DIR} = the fixture folder), the option at fault
     * (null when the fault is in a file or a command name) and words the message must hold besides.
     */
    record Case(String what, String args, String option, String expected) {
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
                c("unknown preset", "dram info --part DDR9-1", "DDR9-1: no such memspec file, nor a preset"),
                c("memspec: absurd rank count", "dram info --part DIR/ranks.xml", "ranks is 2147483647, expected at most 64"),
                c("memspec: unknown memory type", "dram info --part DIR/ddr9.xml", "parameter 'memoryType' is 'DDR9', expected one of"),
                c("memspec: IDD0 below standby", "dram info --part DIR/idd0.xml", "IDD0 0.0 mA is below IDD3N"),
                c("memspec: a parameter given twice", "dram info --part DIR/twice.xml", "parameter 'nbrOfBanks' given again"),
                c("simulate: a timing of 0 cycles", "dram simulate --part DIR/ras0.xml --requests DIR/good.trace",
                        "timing RAS is 0 cycles, expected at least 1"),
                c("memspec: clock out of range", "dram info --part DIR/slowclock.xml", "expected a clock frequency in MHz from 1 to 20000"),
                c("energy: trace row beyond the part", "dram energy --part DDR4-2400 --no-timing-check --trace DIR/row-huge.csv",
                        "field 'row' is 99999999999, expected 0.."),
                c("energy: trace without commands", "dram energy --part DDR4-2400 --trace DIR/empty.csv", "no commands"),
                o("simulate: commands out is a folder", "dram simulate --standard DDR4 --requests DIR/good.trace --commands-out DIR/out",
                        "--commands-out", "is a directory or not a regular file"),
                o("bitmap: out is a folder", "errors bitmap --ber 1e-3 --region 1,1,8,64 --out DIR/out", "--out", "is a directory"),
                o("tolerance: out is a file", "tolerance --model DIR/good.uvnn --out DIR/notes.txt", "--out", "is a file, expected a folder"),
                o("retrain: out is a file", "retrain --model DIR/good.uvnn --network mlp --out DIR/notes.txt", "--out",
                        "is a file, expected a folder"),
                o("train: state is a folder", "train --network mlp --epochs 1 --out DIR/out/t.uvnn --state DIR/out", "--state",
                        "is a directory"),
                o("snn train: out is a folder", "snn train --neurons 2 --train-images 10 --out DIR/out", "--out", "is a directory"),
                c("IDX: gzip data beyond the header's size", "data info --data-dir DIR/gzbomb",
                        "decompresses to more than 1051728 bytes, expected 3152: the header says 4 images of 28x28"),
                c("sweep: corrupt checkpoint, no store made", "sweep DIR/sweep-corrupt.json --store DIR/out/s.db", "CRC"),
                c("memspec: malformed JSON", "dram info --part DIR/broken.json", "broken.json:"),
                c("simulate: a DDR5 part (rules not modelled)", "dram simulate --part DIR/ddr5.json --requests DIR/good.trace",
                        "models DDR3, DDR4, LPDDR3 and LPDDR4 command rules, not DDR5's"),
                c("memspec: malformed XML", "dram info --part DIR/broken.xml", "broken.xml"),
                c("memspec: neither XML nor JSON", "dram info --part DIR/notes.txt", "not a memspec"),
                o("negative voltage", "dram info --part DDR4-2400 --vdd -1", "--vdd", "expected a voltage > 0"),
                o("unknown scaling", "dram info --part DDR4-2400 --energy-law cubic", "--energy-law", "expected quadratic or linear"),
                c("command trace missing", "dram energy --part DDR4-2400 --trace DIR/none.csv", "none.csv: no such trace file"),
                c("command trace: malformed line", "dram energy --part DDR4-2400 --trace DIR/bad-trace.csv", "bad-trace.csv:2"),
                o("command trace: unknown counting", "dram energy --part DDR4-2400 --trace DIR/bad-trace.csv --counting drampower9",
                        "--counting", "expected drampower4 or drampower5"),
                o("energy: zero voltage", "dram energy --part DDR4-2400 --trace DIR/bank99.csv --vdd 0", "--vdd", "expected a voltage > 0"),
                o("energy: unknown scaling", "dram energy --part DDR4-2400 --trace DIR/bank99.csv --energy-law cubic", "--energy-law",
                        "expected quadratic or linear"),
                c("request trace missing", "dram simulate --standard DDR4 --requests DIR/none.trace", "none.trace: no such request trace file"),
                c("request trace: malformed line", "dram simulate --standard DDR4 --requests DIR/bad.trace", "bad.trace:2"),
                o("unknown standard", "dram simulate --standard DDR7 --requests DIR/good.trace", "--standard", "DDR7"),
                o("simulate: a preset pair's speed bin of another standard", "dram simulate --part DDR3_2Gb_x16+DDR4_2400R "
                        + "--requests DIR/good.trace", "--part", "expected one of [DDR3_800D"),
                o("unknown address mapping", "dram simulate --standard DDR4 --requests DIR/good.trace --mapping XyZ", "--mapping", "XyZ"),
                o("simulate: zero channels", "dram simulate --standard DDR4 --requests DIR/good.trace --channels 0", "--channels",
                        "expected an integer >= 1"),
                o("simulate: zero ranks", "dram simulate --standard DDR4 --requests DIR/good.trace --ranks 0", "--ranks",
                        "expected an integer >= 1"),
                o("simulate: unknown row policy", "dram simulate --standard DDR4 --requests DIR/good.trace --row-policy sometimes",
                        "--row-policy", "unknown row policy 'sometimes', expected open, closed or closed-auto"),
                c("memspec: file is a folder", "dram info --part DIR/badidx", "badidx"),
                c("energy: trace bank out of range", "dram energy --part DDR4-2400 --trace DIR/bank99.csv", "bank99.csv:1"),
                o("bench: zero commands", "dram bench --commands 0", "--commands", "expected an integer >= 1"),
                o("bench: zero repeats", "dram bench --repeats 0", "--repeats", "expected an integer >= 1"),
                o("bench: negative warm-ups", "dram bench --warmups -1", "--warmups", "expected an integer >= 0"),
                o("sim-bench: zero requests", "dram sim-bench --request-count 0", "--request-count", "expected an integer >= 1"),
                o("sim-bench: zero repetitions", "dram sim-bench --repeats 0", "--repeats", "expected an integer >= 1"),
                o("sim-bench: unknown part", "dram sim-bench --part DDR9 --request-count 10 --repeats 1", "--part", "DDR9: no such memspec file, nor a preset"),
                // errors
                o("BER above 1", "errors inject --ber 2", "--ber", "expected a number in [0, 1]"),
                o("BER not a number", "errors inject --ber lots", "--ber", "lots"),
                o("BER NaN", "errors inject --ber NaN", "--ber", "expected a number in [0, 1]"),
                o("unknown storage format", "errors inject --ber 1e-3 --format int7", "--format", "expected one of [fp32"),
                o("negative trials", "errors inject --ber 1e-3 --trials -1", "--trials", "expected a positive count"),
                o("zero bits", "errors inject --ber 1e-3 --bits 0", "--bits", "need 1 .."),
                o("unknown error model", "errors inject --ber 1e-3 --error-model gaussian", "--error-model",
                        "'gaussian': unknown model; expected NAME[:PARAM=VALUE,...] with NAME one of uniform, bitline"),
                o("weak fraction above 1", "errors inject --ber 1e-3 --error-model bitline:weak-fraction=1.5", "--error-model",
                        "weak-fraction: 1.5 is not a number in (0, 1]; expected bitline[:cell-rate=F,weak-fraction=F]"),
                o("BER above the weak fraction", "errors inject --ber 0.5 --error-model wordline:weak-fraction=0.1", "--error-model",
                        "BER 0.5 is above weak-fraction 0.1"),
                c("error model option of old", "errors inject --ber 1e-3 --model bitline", "Unknown option"),
                o("operating-point: BER above 1", "operating-point --tolerable-ber 2", "--tolerable-ber", "[0, 1]"),
                o("operating-point: unknown device", "operating-point --tolerable-ber 1e-4 --devices voltron:Z9", "--devices",
                        "no DIMM 'Z9'"),
                o("operating-point: knob against devices", "operating-point --tolerable-ber 1e-4 --knob trcd --devices voltron",
                        "--devices", "not --knob trcd"),
                o("operating-point: unknown floor policy", "operating-point --tolerable-ber 1e-4 --floor clamp", "--floor",
                        "stop or extrapolate"),
                o("operating-point: unknown energy law", "operating-point --tolerable-ber 1e-4 --energy-law cubic", "--energy-law",
                        "quadratic or linear"),
                o("operating-point: combine with the same knob", "operating-point --tolerable-ber 1e-4 --combine-with voltron-A",
                        "--combine-with", "the other knob"),
                o("bitmap: pattern out of range", "errors bitmap --out DIR/out/b.txt --ber 1e-3 --pattern 300", "--pattern", "0..255"),
                o("bitmap: BER above 1", "errors bitmap --out DIR/out/b.txt --ber 1.5", "--ber", "[0, 1]"),
                o("bitmap: region of two numbers", "errors bitmap --out DIR/out/b.txt --ber 1e-3 --region 1,2", "--region",
                        "expected banks,subarrays,rows,row-bytes"),
                o("bitmap: negative VDD", "errors bitmap --out DIR/out/b.txt --ber 1e-3 --vdd -1", "--vdd", "expected a voltage >= 0"),
                o("bitmap: negative tRCD", "errors bitmap --out DIR/out/b.txt --ber 1e-3 --trcd -1", "--trcd", "expected a tRCD >= 0"),
                c("bitmap file missing", "errors fit DIR/none.txt", "none.txt: no such bitmap file"),
                c("bitmap: malformed line", "errors fit DIR/bad-bitmap.txt", "bad-bitmap.txt:"),
                o("errors bench: zero repetitions", "errors bench --repeats 0", "--repeats", "expected an integer >= 1"),
                o("errors bench: negative warm-up", "errors bench --warmup -1", "--warmup", "expected an integer >= 0"),
                o("errors bench: unknown format", "errors bench --format int7", "--format", "expected one of [fp32"),
                // nn
                o("train: unknown network", "train --network resnet999 --out DIR/out/m.uvnn", "--network", "resnet999"),
                o("train: zero epochs", "train --network mlp --epochs 0 --out DIR/out/m.uvnn", "--epochs", "expected 1..10000"),
                o("train: negative learning rate", "train --network mlp --lr -0.1 --out DIR/out/m.uvnn", "--lr",
                        "--lr -0.1: expected a positive learning rate"),
                o("train: NaN learning rate", "train --network mlp --lr NaN --out DIR/out/m.uvnn", "--lr", "--lr NaN"),
                o("train: output is a folder", "train --network mlp --out DIR/badidx", "--out", "is a directory"),
                c("train: bad IDX data", "train --network mlp --data-dir DIR/badidx --out DIR/out/m.uvnn", "wrong magic"),
                o("train: zero batch size", "train --network mlp --batch-size 0 --out DIR/out/m.uvnn", "--batch-size",
                        "--batch-size 0: expected an integer >= 1"),
                o("train: momentum 1", "train --network mlp --momentum 1 --out DIR/out/m.uvnn", "--momentum",
                        "expected a momentum in [0, 1)"),
                o("train: negative weight decay", "train --network mlp --weight-decay -1 --out DIR/out/m.uvnn", "--weight-decay",
                        "expected a weight decay >= 0"),
                o("train: unknown optimizer", "train --network mlp --optimizer adagrad --out DIR/out/m.uvnn", "--optimizer", "adagrad"),
                o("train: unknown schedule", "train --network mlp --schedule step --out DIR/out/m.uvnn", "--schedule",
                        "expected cosine or constant"),
                c("eval: checkpoint missing", "eval --model DIR/none.uvnn", "none.uvnn: no such checkpoint file"),
                c("eval: not a checkpoint", "eval --model DIR/notes.txt", "notes.txt:"),
                o("eval: an SNN model", "eval --model DIR/good.snn", "--model", "'undervolt snn eval --model FILE'"),
                o("eval: BER above 1", "eval --model DIR/good.uvnn --ber 2", "--ber", "--ber 2.0: expected a bit error rate in [0, 1]"),
                o("eval: negative trials", "eval --model DIR/good.uvnn --ber 1e-3 --trials -1", "--trials", "expected 1..1000000"),
                o("eval: unknown format", "eval --model DIR/good.uvnn --ber 1e-3 --format fp12", "--format", "expected one of [fp32"),
                o("eval: BER NaN", "eval --model DIR/good.uvnn --ber NaN", "--ber", "--ber NaN"),
                o("eval: unknown error model", "eval --model DIR/good.uvnn --ber 1e-3 --error-model gaussian", "--error-model",
                        "unknown model; expected NAME[:PARAM=VALUE,...]"),
                o("eval: zero threads", "eval --model DIR/good.uvnn --threads 0", "--threads", "expected 1..4096"),
                o("eval: unknown part", "eval --model DIR/good.uvnn --ber 1e-3 --part DDR9", "--part",
                        "DDR9: no such memspec file, nor a preset; presets: [LPDDR3-1600_4Gb_x32"),
                o("eval: unknown datapath", "eval --model DIR/good.uvnn --datapath double", "--datapath", "expected float or int8"),
                c("import-onnx: missing file", "import-onnx --model DIR/none.onnx --out DIR/m.uvnn", "none.onnx"),
                c("import-onnx: not ONNX", "import-onnx --model DIR/notes.txt --out DIR/m.uvnn", "notes.txt"),
                c("export-onnx: not a checkpoint", "export-onnx --model DIR/notes.txt --out DIR/m.onnx", "notes.txt"),
                // snn
                o("snn train: zero neurons", "snn train --neurons 0 --train-images 10 --out DIR/out/m.snn", "--neurons", "expected 1..65536"),
                c("snn eval: model missing", "snn eval --model DIR/none.snn", "none.snn: no such file"),
                c("snn eval: not a model", "snn eval --model DIR/notes.txt", "notes.txt"),
                o("snn eval: a DNN checkpoint", "snn eval --model DIR/good.uvnn", "--model", "'undervolt eval --model FILE'"),
                o("snn train: zero images", "snn train --neurons 4 --train-images 0 --out DIR/out/m.snn", "--train-images", "expected a positive count"),
                o("snn train: zero checkpoint interval", "snn train --neurons 4 --train-images 10 --checkpoint-every 0 --out DIR/out/m.snn",
                        "--checkpoint-every", "expected a positive count"),
                o("snn eval: BER above 1", "snn eval --model DIR/good.snn --ber 2", "--ber", "[0, 1]"),
                o("snn eval: unknown format", "snn eval --model DIR/good.snn --format int7 --ber 1e-3", "--format", "expected one of [fp32"),
                o("snn eval: zero trials", "snn eval --model DIR/good.snn --ber 1e-3 --trials 0", "--trials", "expected a positive count"),
                o("snn eval: unknown error model", "snn eval --model DIR/good.snn --ber 1e-3 --error-model gaussian", "--error-model",
                        "unknown model; expected NAME[:PARAM=VALUE,...]"),
                // resilience
                o("tolerance: checkpoint missing", "tolerance --model DIR/none.uvnn --out DIR/out/t", "--model", "none.uvnn"),
                o("tolerance: delta above 1", "tolerance --model DIR/good.uvnn --out DIR/out/t --delta 2", "--delta",
                        "--delta 2.0: expected a fraction in [0, 1]"),
                o("tolerance: BER range reversed", "tolerance --model DIR/good.uvnn --out DIR/out/t --ber-min 0.1 --ber-max 1e-3",
                        "--ber-max", "--ber-max 0.001: expected a bit error rate in [0.1, 1] (at least --ber-min)"),
                o("tolerance: BER maximum above 1", "tolerance --model DIR/good.uvnn --out DIR/out/t --ber-max 2", "--ber-max",
                        "--ber-max 2.0: expected a bit error rate in (0, 1]"),
                o("tolerance: BER minimum 0", "tolerance --model DIR/good.uvnn --out DIR/out/t --ber-min 0", "--ber-min",
                        "expected a bit error rate in (0, 1]"),
                c("tolerance: not a checkpoint", "tolerance --model DIR/notes.txt --out DIR/out/t", "notes.txt"),
                c("tolerance: no model", "tolerance --out DIR/out/t", "missing --model FILE"),
                o("tolerance: location device not one DIMM", "tolerance --model DIR/good.snn --out DIR/out/t --location-device voltron",
                        "--location-device", "expected one BER(VDD) device"),
                o("tolerance: --spark without the Spark module", "tolerance --model DIR/good.uvnn --out DIR/out/t --spark local[2]",
                        "--spark", "build it with './mvnw -B -pl undervolt-spark -am package -DskipTests'"),
                o("tolerance: zero trials", "tolerance --model DIR/good.uvnn --out DIR/out/t --trials 0", "--trials", "expected an integer in 1..10000"),
                o("bench tolerance: SNN weights in an unknown format", "bench tolerance --model DIR/good.snn --format int3",
                        "--format", "unknown format 'int3'"),
                o("bench tolerance: SNN with no threads", "bench tolerance --model DIR/good.snn --threads 0",
                        "--threads", "expected a positive count"),
                o("tolerance: negative bisections", "tolerance --model DIR/good.uvnn --out DIR/out/t --bisections -1", "--bisections",
                        "expected an integer in 0..30"),
                o("tolerance: zero points per decade", "tolerance --model DIR/good.uvnn --out DIR/out/t --points-per-decade 0",
                        "--points-per-decade", "expected an integer in 1..100"),
                o("tolerance: unknown confidence rule", "tolerance --model DIR/good.uvnn --out DIR/out/t --confidence lower99",
                        "--confidence", "expected mean or lower95"),
                o("tolerance: unknown weight format", "tolerance --model DIR/good.uvnn --out DIR/out/t --format int7", "--format",
                        "expected one of [fp32"),
                o("tolerance: unknown IFM format", "tolerance --model DIR/good.uvnn --out DIR/out/t --ifm-format int7", "--ifm-format",
                        "expected one of [fp32"),
                o("tolerance: unknown error model", "tolerance --model DIR/good.uvnn --out DIR/out/t --error-model gaussian",
                        "--error-model", "unknown model; expected NAME[:PARAM=VALUE,...] with NAME one of uniform, bitline"),
                o("tolerance: unknown data kind", "tolerance --model DIR/good.uvnn --out DIR/out/t --data biases", "--data",
                        "expected weights or ifm"),
                o("tolerance: zero test images", "tolerance --model DIR/good.uvnn --out DIR/out/t --test-images 0", "--test-images",
                        "expected an integer >= 1"),
                o("tolerance: zero profile images", "tolerance --model DIR/good.uvnn --out DIR/out/t --profile-images 0",
                        "--profile-images", "expected an integer >= 1"),
                o("tolerance: baseline accuracy above 1", "tolerance --model DIR/good.uvnn --out DIR/out/t --baseline-accuracy 2",
                        "--baseline-accuracy", "expected an accuracy in [0"),
                o("retrain: unknown network", "retrain --network alexnet --out DIR/out/r", "--network", "alexnet"),
                o("retrain: unknown mode", "retrain --mode magic --out DIR/out/r", "--mode", "magic"),
                o("retrain: unknown format", "retrain --network mlp --format int7 --out DIR/out/r", "--format", "expected one of [fp32"),
                o("retrain: unknown error model", "retrain --network mlp --error-model gaussian --out DIR/out/r", "--error-model",
                        "unknown model; expected NAME[:PARAM=VALUE,...] with NAME one of uniform, bitline"),
                o("retrain: BER maximum above 1", "retrain --network mlp --ber-max 2 --out DIR/out/r", "--ber-max",
                        "expected a bit error rate in (0, 1]"),
                o("retrain: BER start 0", "retrain --network mlp --ber-start 0 --out DIR/out/r", "--ber-start",
                        "expected a bit error rate in (0, 1]"),
                o("retrain: BER factor below 1", "retrain --network mlp --ber-factor 0.5 --out DIR/out/r", "--ber-factor",
                        "expected a factor in [1.0, 1000.0]"),
                o("retrain: zero patience", "retrain --network mlp --patience 0 --out DIR/out/r", "--patience", "expected an integer >= 1"),
                o("retrain: zero batch", "retrain --network mlp --batch 0 --out DIR/out/r", "--batch", "expected an integer >= 1"),
                o("retrain: zero learning rate", "retrain --network mlp --lr 0 --out DIR/out/r", "--lr", "expected a learning rate > 0"),
                o("retrain: momentum 1", "retrain --network mlp --momentum 1 --out DIR/out/r", "--momentum", "expected a momentum in [0, 1)"),
                o("retrain: negative epochs", "retrain --network mlp --epochs -1 --out DIR/out/r", "--epochs",
                        "expected an integer in 0..10000"),
                o("retrain: zero validation trials", "retrain --network mlp --validation-trials 0 --out DIR/out/r",
                        "--validation-trials", "expected an integer >= 1"),
                o("retrain: RandBET BER 0", "retrain --network mlp --mode randbet --ber 0 --out DIR/out/r", "--ber",
                        "expected a bit error rate in (0, 1]"),
                o("retrain: not a model", "retrain --model DIR/notes.txt --out DIR/out/r", "--model", "neither a network checkpoint"),
                o("retrain: an SNN model for a DNN network", "retrain --network mlp --model DIR/good.snn --out DIR/out/r", "--model",
                        "is a DNN"),
                o("retrain snn: a DNN checkpoint", "retrain --network snn --model DIR/good.uvnn --out DIR/out/r", "--model",
                        "--network snn expects an SNN model"),
                o("retrain snn: BER factor 1", "retrain --network snn --model DIR/good.snn --ber-factor 1 --out DIR/out/r",
                        "--ber-factor", "expected a factor in (1, 1000]"),
                o("retrain snn: evaluation BER above 1", "retrain --network snn --model DIR/good.snn --eval-ber 1e-3,2 --out DIR/out/r",
                        "--eval-ber", "expected a bit error rate in [0, 1]"),
                o("retrain snn: zero injection interval", "retrain --network snn --model DIR/good.snn --inject-every 0 --out DIR/out/r",
                        "--inject-every", "expected an integer >= 1"),
                // map
                o("map: unknown network", "map --network alexnet", "--network", "alexnet"),
                o("map: unknown scheme", "map --scheme magic", "--scheme", "magic"),
                c("map: tolerance file missing", "map --tolerance DIR/none.json", "none.json: no such tolerance file"),
                c("map: tolerance file malformed", "map --tolerance DIR/broken.json", "broken.json: not valid JSON"),
                c("map: tolerable BER above 1", "map --tolerance DIR/ber2.json", "ber2.json: tolerable BER of 'default'"),
                c("map: partitions malformed", "map --weights-ber 1e-4 --partitions DIR/broken.json", "broken.json"),
                o("map: weights BER negative", "map --weights-ber -1", "--weights-ber", "expected a bit error rate in [0, 1]"),
                o("map: IFM BER above 1", "map --weights-ber 1e-4 --ifm-ber 2", "--ifm-ber", "expected a bit error rate in [0, 1]"),
                o("map: output BER above 1", "map --weights-ber 1e-4 --output-ber 2", "--output-ber", "expected a bit error rate in [0, 1]"),
                o("map: unknown part", "map --weights-ber 1e-4 --part DDR9", "--part",
                        "DDR9: no such memspec file, nor a preset; presets: [LPDDR3-1600_4Gb_x32"),
                o("map: part file missing", "map --weights-ber 1e-4 --part DIR/none.xml", "--part", "none.xml: no such memspec file"),
                o("map: part file not a memspec", "map --weights-ber 1e-4 --part DIR/notes.txt", "--part", "notes.txt: not a memspec"),
                c("map: a timing-only part", "map --weights-ber 1e-4 --part DDR4_8Gb_x8+DDR4_2400R",
                        "DRAM part DDR4_8Gb_x8+DDR4_2400R defines no supply rails or IDD currents"),
                o("operating-point: part file missing", "operating-point --tolerable-ber 1e-4 --part DIR/none.xml", "--part",
                        "none.xml: no such memspec file"),
                o("operating-point: part file malformed", "operating-point --tolerable-ber 1e-4 --part DIR/broken.xml", "--part",
                        "broken.xml"),
                o("map: --preset for the part", "map --weights-ber 1e-4 --preset DDR4-2400_4Gb_x8", "--preset", "--part DDR4-2400_4Gb_x8"),
                o("map: unknown scaling", "map --weights-ber 1e-4 --energy-law cubic", "--energy-law", "expected quadratic or linear"),
                o("map: unknown dataflow", "map --weights-ber 1e-4 --dataflow diagonal", "--dataflow",
                        "expected streaming, row-stationary or weight-stationary"),
                o("map: unknown granularity", "map --weights-ber 1e-4 --granularity chip", "--granularity",
                        "expected rank, bank or subarray"),
                o("map: unknown row policy", "map --weights-ber 1e-4 --row-policy sometimes", "--row-policy",
                        "expected open, closed or closed-auto"),
                o("map: unknown row order", "map --weights-ber 1e-4 --row-order random", "--row-order",
                        "expected drmap or bank-sequential"),
                o("map: unknown tRCD steps", "map --weights-ber 1e-4 --trcd-steps lots", "--trcd-steps", "expected linear or error-free"),
                o("map: VDD and tRCD lowered together on different DIMMs", "map --weights-ber 1e-4 --trcd-steps linear",
                        "--trcd-steps", "different DIMMs"),
                o("map: zero partitions", "map --weights-ber 1e-4 --partition-count 0", "--partition-count", "expected an integer >= 1"),
                o("map: more partitions than banks", "map --weights-ber 1e-4 --partition-count 99", "--partition-count",
                        "expected 1..16 bank partitions"),
                o("map: zero VDD step", "map --weights-ber 1e-4 --vdd-step 0", "--vdd-step", "expected a voltage step in [0.0001, 1]"),
                o("map: tRCD minimum above 1", "map --weights-ber 1e-4 --trcd-min 2", "--trcd-min", "(0, 1]"),
                o("map: zero devices", "map --weights-ber 1e-4 --devices-per-rank 0", "--devices-per-rank", "expected an integer in 1..1024"),
                o("map: devices making an odd burst", "map --weights-ber 1e-4 --devices-per-rank 3", "--devices-per-rank",
                        "expected a device count whose burst is a power of two bytes"),
                o("map: zero neurons", "map --network snn --weights-ber 1e-4 --neurons 0", "--neurons", "expected an integer in 1..65536"),
                o("map: weak fraction 0", "map --network snn --weights-ber 1e-4 --weak-fraction 0", "--weak-fraction",
                        "expected a fraction in (0, 1]"),
                c("eden config: negative trials", "eden --config DIR/trials.yaml --print-config",
                        "eden setting 'trials' = -3 (DIR/trials.yaml line 2): expected an integer in 2..10000"),
                c("eden config: unknown network", "eden --config DIR/network.yaml --print-config",
                        "eden setting 'network' = alexnet (DIR/network.yaml line 1): unknown network 'alexnet'; expected one of"),
                c("eden config: text for a number", "eden --config DIR/lots.yaml --print-config",
                        "eden setting 'batch' = lots (DIR/lots.yaml line 1): expected an integer in 1..65536"),
                c("eden config: unknown key", "eden --config DIR/colour.yaml --print-config",
                        "DIR/colour.yaml line 1: unknown eden setting 'colour'; expected one of [base_epochs,"),
                c("eden config: misspelt key", "eden --set epochs=3 --print-config",
                        "--set: unknown eden setting 'epochs' (did you mean base_epochs or retrain_epochs?); expected one of ["),
                c("eden config: unknown dataset", "eden --set dataset=nope --print-config",
                        "eden setting 'dataset' = nope: unknown dataset 'nope'; expected mnist, fashion-mnist or cifar10 (with data_dir)"),
                c("eden config: CIFAR-10 without its files", "eden --set dataset=cifar10 --print-config",
                        "eden setting 'dataset' = cifar10: expected data_dir too: a folder of CIFAR-10's binary files"),
                c("eden config: a network the mapping cannot lay out", "eden --set network=resnet20 --estimate",
                        "eden setting 'network' = resnet20: model layer layer1.0 (residual) has nested layers"),
                c("sparkxd config: CIFAR-10", "sparkxd --set dataset=cifar10 --set data_dir=DIR --print-config",
                        "sparkxd setting 'dataset' = cifar10: expected mnist, fashion-mnist or IDX files"),
                c("eden config: more partitions than banks", "eden --set partition_count=99 --estimate",
                        "eden setting 'partition_count' = 99: expected 1..16 bank partitions"),
                c("eden config: BER schedule upside down", "eden --config DIR/upside.yaml --print-config",
                        "eden setting 'ber_start' = 0.5 (DIR/upside.yaml line 1): expected a number <= ber_max (0.01)"),
                c("sparkxd config: weak fraction 0", "sparkxd --set weak_fraction=0 --print-config",
                        "sparkxd setting 'weak_fraction' = 0.0: expected a fraction in (0, 1]"),
                c("sparkxd config: one paired draw", "sparkxd --set paired_draws=1 --print-config",
                        "sparkxd setting 'paired_draws' = 1: expected an integer in 2..10000"),
                c("sparkxd config: unknown part", "sparkxd --set part=DDR9 --estimate",
                        "sparkxd setting 'part' = DDR9: no such memspec file, nor a preset"),
                c("eden config: part file missing", "eden --set part=DIR/none.xml --print-config",
                        "eden setting 'part' = DIR/none.xml: no such memspec file"),
                c("sparkxd config: part file malformed", "sparkxd --set part=DIR/broken.json --estimate",
                        "sparkxd setting 'part' = DIR/broken.json: DIR/broken.json:"),
                c("sparkxd config: a timing-only part", "sparkxd --set part=DDR4_8Gb_x8+DDR4_2400R --print-config",
                        "sparkxd setting 'part' = DDR4_8Gb_x8+DDR4_2400R: DRAM part DDR4_8Gb_x8+DDR4_2400R defines no supply"),
                c("eden config: an error model that cannot make the highest BER", "eden --set error_model=bitline:weak-fraction=0.001 "
                        + "--print-config", "eden setting 'error_model' = bitline:weak-fraction=0.001: at tolerance_ber_max 0.1: "
                        + "error model 'bitline:weak-fraction=0.001': BER 0.1 is above weak-fraction 0.001"),
                c("sparkxd config (uniform path): an error model that cannot make the highest BER", "sparkxd --set "
                        + "weak_fraction=1 --set error_model=bitline:weak-fraction=0.001 --estimate", "sparkxd setting "
                        + "'error_model' = bitline:weak-fraction=0.001: at tolerance_ber_max 0.1"),
                o("map gap: zero instances", "map gap --instances 0", "--instances", "expected an integer >= 1"),
                o("map gap: too many items", "map gap --items 1000", "--items", "expected an integer in 1.."),
                o("map gap: zero partitions", "map gap --partition-count 0", "--partition-count", "expected an integer in 1.."),
                // nn-bench
                o("nn-bench: unknown network", "nn-bench --network vgg99", "--network", "vgg99"),
                o("nn-bench: zero threads", "nn-bench --threads 0", "--threads", "expected 1..4096"),
                o("nn-bench: zero batch", "nn-bench --infer-batch 0", "--infer-batch", "expected an integer >= 1"),
                o("nn-bench: zero passes", "nn-bench --repeats 0", "--repeats", "expected an integer >= 1"),
                // demo
                o("demo: negative trials", "demo --trials -1 --store DIR/out/u.db --out DIR/out/d --cache-dir DIR/out/c", "--trials",
                        "expected 1..100000"),
                o("demo: BER range above 1", "demo --ber-max 2 --store DIR/out/u.db --out DIR/out/d --cache-dir DIR/out/c",
                        "--ber-max", "--ber-max 2.0: expected a bit error rate in (0, 1]"),
                o("demo: zero points per decade", "demo --points-per-decade 0 --store DIR/out/u.db --out DIR/out/d --cache-dir DIR/out/c",
                        "--points-per-decade", "expected an integer in 1..100"),
                o("demo: unknown part", "demo --part DDR9 --store DIR/out/u.db --out DIR/out/d --cache-dir DIR/out/c", "--part", "DDR9"),
                o("demo: part file malformed", "demo --part DIR/broken.xml --store DIR/out/u.db --out DIR/out/d --cache-dir DIR/out/c",
                        "--part", "broken.xml"),
                c("demo: BER table malformed", "demo --devices DIR/bad.csv --store DIR/out/u.db --out DIR/out/d --cache-dir DIR/out/c", "bad.csv"),
                o("train: a network name given as --model", "train --model mlp --out DIR/out/m.uvnn", "--model",
                        "give --network mlp"),
                // sweep specs: one line naming the file, the key and what is expected
                c("sweep spec: unknown error model", "sweep DIR/sweep-model.json", "sweep-model.json: error_models[1]: error model 'bogus'"),
                c("sweep spec: unknown weight format", "sweep DIR/sweep-format.json", "sweep-format.json: weight_format: unknown format 'int99'"),
                c("sweep spec: negative trials", "sweep DIR/sweep-trials.json", "sweep-trials.json: trials -3: expected an integer >= 1"),
                c("sweep spec: misspelt key", "sweep DIR/sweep-key.json", "sweep-key.json: unknown key 'trails' (did you mean trials?)"),
                c("sweep spec: unknown data kind", "sweep DIR/sweep-data.json", "sweep-data.json: data[0]: data kind 'weigths'"),
                c("sweep spec: value correction not a boolean", "sweep DIR/sweep-correction.json",
                        "sweep-correction.json: value_correction: expected true or false"),
                c("sweep spec: a network entry naming an architecture", "sweep DIR/sweep-network.json",
                        "sweep-network.json: networks[0]: unknown key 'network'; expected 'label'"),
                // runs
                c("runs: store missing", "runs list --store DIR/none.db", "none.db"),
                c("runs: store is not SQLite", "runs list --store DIR/notes.txt", "notes.txt"),
                c("runs show: not a run id", "runs show abc --store DIR/none.db", "abc"),
                o("runs export: unknown format", "runs export 1 --as xml --store DIR/none.db --out DIR/out/x", "--as", "xml"));
    }

    private static Case c(String what, String args, String expected) {
        return new Case(what, args, null, expected);
    }

    /**
     * A bad option value: the message must start with the option, then the value or a colon
     * ({@code undervolt: --ber-max 2.0: expected a bit error rate in (0, 1]}), or be picocli's
     * {@code Invalid value for option '--ber': ...}, and hold {@code expected}.
     */
    private static Case o(String what, String args, String option, String expected) {
        return new Case(what, args, option, expected);
    }

    @BeforeAll
    static void fixtures() throws IOException {
        dir = Files.createTempDirectory("undervolt-bad-inputs");
        Files.createDirectories(dir.resolve("out"));
        write("notes.txt", "These are notes, not a model.\n");
        write("trials.yaml", "seed: 2\ntrials: -3\n");
        write("network.yaml", "network: alexnet\n");
        write("lots.yaml", "batch: lots\n");
        write("colour.yaml", "colour: red\n");
        write("upside.yaml", "ber_start: 0.5\n");
        write("broken.json", "{\"memspec\": {\"memarchitecturespec\": [1, 2,}\n");
        write("broken.xml", "<memspec><parameter id=\"x\" value=\"1\"></memspec>\n");
        write("bad-trace.csv", "0,ACT,0,0,0,100,0\n5,RD,zero,0,0,100,0\n");
        write("ber2.json", "{\"default\": 2}\n");
        write("bank99.csv", "0,ACT,0,0,99,100,0\n");
        write("good.trace", "LD 0x0\nST 0x40\n");
        String ddr3 = Files.readString(Path.of(resource("/golden/dram/memspecs/MICRON_1Gb_DDR3-1600_8bit_G.xml")));
        write("ranks.xml", ddr3.replace("\"nbrOfRanks\" type=\"uint\" value=\"1\"", "\"nbrOfRanks\" type=\"uint\" value=\"2147483647\""));
        write("ddr9.xml", ddr3.replace("value=\"DDR3\"", "value=\"DDR9\""));
        write("idd0.xml", ddr3.replaceFirst("\"idd0\" type=\"double\" value=\"[0-9.]+\"", "\"idd0\" type=\"double\" value=\"0\""));
        write("slowclock.xml", ddr3.replaceFirst("\"clkMhz\" type=\"double\" value=\"[0-9.]+\"", "\"clkMhz\" type=\"double\" value=\"1e-300\""));
        write("twice.xml", ddr3.replace("<parameter id=\"nbrOfRanks\"", "<parameter id=\"nbrOfBanks\" type=\"uint\" value=\"4\" />\n    <parameter id=\"nbrOfRanks\""));
        write("ras0.xml", ddr3.replaceFirst("\"RAS\" type=\"uint\" value=\"[0-9]+\"", "\"RAS\" type=\"uint\" value=\"0\""));
        write("row-huge.csv", "0,ACT,0,0,0,99999999999,0\n20,END,0,0,0,0,0\n");
        write("empty.csv", "\n# nothing\n");
        try (var ddr5 = BadInputsTest.class.getResourceAsStream("/golden/dram/memspecs/dp5_ddr5_test.json")) {
            Files.copy(ddr5, dir.resolve("ddr5.json"));
        }
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
        byte[] corrupt = Files.readAllBytes(dir.resolve("good.uvnn"));
        corrupt[corrupt.length / 2] ^= 0x10;
        Files.write(dir.resolve("corrupt.uvnn"), corrupt);
        Files.createDirectories(dir.resolve("gzbomb"));
        IdxWriter.write(SyntheticDatasets.separableBlobs(4, 28, 28, 10, 1), dir.resolve("gzbomb/train-images-idx3-ubyte"),
                dir.resolve("gzbomb/train-labels-idx1-ubyte"), false);
        IdxWriter.write(SyntheticDatasets.separableBlobs(4, 28, 28, 10, 2), dir.resolve("gzbomb/t10k-images-idx3-ubyte"),
                dir.resolve("gzbomb/t10k-labels-idx1-ubyte"), false);
        // 4 images of 28 x 28 announced (3,152 bytes), 8 MB of zeros after them, compressed to a few kB
        byte[] announced = Files.readAllBytes(dir.resolve("gzbomb/t10k-images-idx3-ubyte"));
        Files.delete(dir.resolve("gzbomb/t10k-images-idx3-ubyte"));
        try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(dir.resolve("gzbomb/t10k-images-idx3-ubyte.gz")))) {
            gz.write(announced);
            gz.write(new byte[8 << 20]);
        }
        SnnModelFile.write(SnnModel.initial(2, 1), dir.resolve("good.snn"));
        String sweep = "{\"networks\": [{\"name\": \"mlp\", \"checkpoint\": \"good.uvnn\"}], \"dataset\": \"mnist\", "
                + "\"bers\": [1e-3], \"seed\": 1, ";
        write("sweep-model.json", sweep + "\"error_models\": [\"uniform\", \"bogus\"], \"trials\": 1}");
        write("sweep-format.json", sweep + "\"error_models\": [\"uniform\"], \"trials\": 1, \"weight_format\": \"int99\"}");
        write("sweep-trials.json", sweep + "\"error_models\": [\"uniform\"], \"trials\": -3}");
        write("sweep-key.json", sweep + "\"error_models\": [\"uniform\"], \"trials\": 1, \"trails\": 3}");
        write("sweep-data.json", sweep + "\"error_models\": [\"uniform\"], \"trials\": 1, \"data\": [\"weigths\"]}");
        write("sweep-correction.json", sweep + "\"error_models\": [\"uniform\"], \"trials\": 1, \"value_correction\": \"yes\"}");
        write("sweep-corrupt.json", sweep.replace("good.uvnn", "corrupt.uvnn") + "\"error_models\": [\"uniform\"], \"trials\": 1}");
        write("sweep-network.json", "{\"networks\": [{\"network\": \"lenet5\", \"checkpoint\": \"good.uvnn\"}], "
                + "\"dataset\": \"mnist\", \"bers\": [1e-3], \"seed\": 1, \"error_models\": [\"uniform\"], \"trials\": 1}");
    }

    private static java.net.URI resource(String name) {
        try {
            return BadInputsTest.class.getResource(name).toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void badInputGetsOneLineAndExitTwo(Case k) throws IOException {
        Set<String> before = FixtureFolder.listing(dir);
        CliRun r = FixtureFolder.run(k.args(), dir);
        int code = r.exit();
        String message = FixtureFolder.message(r, dir);
        synchronized (TABLE) {
            TABLE.add(new String[] {k.what(), k.args(), String.valueOf(code), message});
        }
        assertThat(code).as("exit code; stderr: " + message).isEqualTo(UndervoltCli.EXIT_BAD_INPUT);
        assertThat(r.out()).as("stdout").isEmpty();
        assertThat(r.err().lines()).as("stderr lines").hasSize(1);
        assertThat(message).startsWith("undervolt: ").contains(k.expected());
        if (k.option() != null) {
            String opt = java.util.regex.Pattern.quote(k.option());
            assertThat(message).as("names the option first (ours, or picocli's conversion error)")
                    .matches("undervolt: (" + opt + "[ :]|Invalid value for option '" + opt + "').*");
        }
        assertThat(FixtureFolder.listing(dir)).as("files left behind").isEqualTo(before);
    }

    /** docs/BAD_INPUTS.md lists every case tried here (its command line, with DIR for the fixture folder). */
    @org.junit.jupiter.api.Test
    void theDocsListEveryCase() throws IOException {
        Path doc = Path.of("..", "docs", "BAD_INPUTS.md");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(doc), "run from undervolt-core");
        String text = Files.readString(doc);
        assertThat(cases()).allSatisfy(k -> assertThat(text).as("docs/BAD_INPUTS.md").contains("`undervolt " + k.args() + "`"));
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
