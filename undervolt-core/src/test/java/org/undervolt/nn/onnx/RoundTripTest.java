package org.undervolt.nn.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.undervolt.nn.layer.BatchNorm;
import org.undervolt.nn.layer.Conv2d;
import org.undervolt.nn.layer.Dense;
import org.undervolt.nn.layer.Dropout;
import org.undervolt.nn.layer.Flatten;
import org.undervolt.nn.layer.GlobalAvgPool;
import org.undervolt.nn.layer.Layer;
import org.undervolt.nn.layer.MaxPool2d;
import org.undervolt.nn.layer.AvgPool2d;
import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.layer.Relu;
import org.undervolt.nn.layer.Residual;
import org.undervolt.nn.layer.Softmax;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.nn.zoo.LeNet5;
import org.undervolt.nn.zoo.Mlp;
import org.undervolt.nn.zoo.ResNet;

/**
 * Export an Undervolt model to ONNX, run it in ONNX Runtime (the oracle), in the interpreter and,
 * re-imported, as a Sequential: all agree with the original model within 1e-4.
 */
class RoundTripTest {

    @Test
    void mlpWithRandomWeights() throws Exception {
        check(Mlp.create(new int[] {20, 16, 12, 5}, 3), 7, 11);
    }

    @Test
    void mlpWithCappedRelusAsCurricularRetrainingLeavesIt() throws Exception {
        Sequential plain = Mlp.create(new int[] {20, 16, 12, 5}, 3);
        List<Layer> capped = plain.layers().stream()
                .map(l -> l instanceof Relu r ? (Layer) new Relu(r.name(), 0.3f) : l).toList();
        Sequential m = new Sequential(plain.inputShape(), capped);
        check(m, 7, 11);
        SequentialImporter.Result back = SequentialImporter.convert(SequentialExporter.export(m, "capped"), "capped");
        assertThat(back.model().layers()).filteredOn(l -> l instanceof Relu)
                .extracting(l -> ((Relu) l).cap()).containsExactly(0.3f, 0.3f);
    }

    @Test
    void lenet5WithRandomWeights() throws Exception {
        check(LeNet5.mnist(5), 4, 13);
    }

    @Test
    void lenet5BrieflyTrained() throws Exception {
        Sequential m = LeNet5.mnist(8);
        TinyTraining.train(m, 21);
        check(m, 3, 17);
    }

    @Test
    void resnet20FromTheZoo() throws Exception {
        Sequential m = ResNet.resnet20(3, 8, 10, 6);
        SplittableRandom r = new SplittableRandom(6);
        for (Parameter p : m.parameters()) {
            if (p.name().endsWith("running_var")) {
                for (int i = 0; i < p.size(); i++) {
                    p.data()[i] = (float) (0.5 + r.nextDouble());
                }
            }
        }
        check(m, 2, 29);
    }

    @Test
    void residualBatchNormAvgPoolSoftmaxNet() throws Exception {
        Sequential m = new Sequential(new int[] {3, 10, 10}, List.of(
                new Conv2d("stem", 3, 8, 3, 1, 1),
                new BatchNorm("bn", 8),
                new Relu("relu"),
                new Residual("block", List.<Layer>of(
                        new Conv2d("block.conv1", 8, 8, 3, 1, 1),
                        new BatchNorm("block.bn1", 8),
                        new Relu("block.relu1"),
                        new Conv2d("block.conv2", 8, 8, 3, 1, 1)), List.of()),
                new Residual("down", List.<Layer>of(
                        new Conv2d("down.conv", 8, 6, 3, 2, 1)), List.<Layer>of(
                        new Conv2d("down.short", 8, 6, 1, 2, 0))),
                new AvgPool2d("avg", 2, 1),
                new MaxPool2d("max", 2, 2),
                new Dropout("drop", 0.5f),
                new GlobalAvgPool("gap"),
                new BatchNorm("bn2", 6),
                new Dense("fc", 6, 4),
                new Softmax("prob")));
        m.initialize(9);
        SplittableRandom r = new SplittableRandom(10);
        for (Parameter p : m.parameters()) {
            if (p.name().contains("bn")) {
                for (int i = 0; i < p.size(); i++) {
                    p.data()[i] = p.name().endsWith("var") ? (float) (0.5 + r.nextDouble())
                            : (float) (r.nextDouble() - 0.5) + (p.name().endsWith("weight") ? 1 : 0);
                }
            }
        }
        check(m, 5, 19);
    }

    @Test
    void flattenOfSpatialValuesBeforeDense() throws Exception {
        Sequential m = new Sequential(new int[] {2, 4, 4}, List.of(
                new Conv2d("c", 2, 3, 3, 1, 0), new Relu("r"), new Flatten("f"), new Dense("d", 12, 3)));
        m.initialize(4);
        check(m, 2, 23);
    }

    private static void check(Sequential model, int batch, long seed) throws Exception {
        OnnxModel onnx = SequentialExporter.export(model, "test");
        byte[] bytes = OnnxWriter.encode(onnx);
        OnnxModel decoded = OnnxReader.decode(bytes, "exported");
        assertThat(OnnxWriter.encode(decoded)).as("encode(decode(x)) == x").isEqualTo(bytes);

        Tensor x = input(model.inputShape(), batch, seed);
        float[] expected = model.infer(x).data();
        NdArray nx = NdArray.of(x.shape(), x.data());
        NdArray ort = OrtOracle.run(bytes, Map.of("input", nx)).get("output");
        NdArray interp = new OnnxInterpreter(decoded, "exported").run(nx);
        SequentialImporter.Result back = SequentialImporter.convert(decoded, "exported");
        float[] reimported = back.model().infer(x).data();

        assertThat(Close.maxDiff(ort.floats(), expected)).as("ORT vs Undervolt").isLessThan(Close.TOL);
        assertThat(Close.maxDiff(interp.floats(), ort.floats())).as("interpreter vs ORT").isLessThan(Close.TOL);
        assertThat(Close.maxDiff(reimported, ort.floats())).as("re-imported vs ORT").isLessThan(Close.TOL);
        assertThat(back.model().parameterCount()).isEqualTo(model.parameterCount());
        assertThat(back.model().outputShape()).containsExactly(model.outputShape());
        assertThat(ort.dim(0)).isEqualTo(batch);
    }

    static Tensor input(int[] perItem, int batch, long seed) {
        int[] shape = new int[perItem.length + 1];
        shape[0] = batch;
        System.arraycopy(perItem, 0, shape, 1, perItem.length);
        Tensor t = Tensor.zeros(shape);
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) r.nextDouble();
        }
        return t;
    }
}
