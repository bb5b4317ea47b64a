package org.undervolt.nn.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.layer.ParameterKind;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.nn.testing.GradientCheck;
import org.undervolt.nn.train.Sgd;
import org.undervolt.nn.train.TrainConfig;

class ZooTest {

    private static long count(Sequential m, ParameterKind kind) {
        return m.parameters().stream().filter(p -> p.kind() == kind).mapToLong(Parameter::size).sum();
    }

    @Test
    void lenet5HasTheCanonicalParameterCounts() {
        Sequential m = LeNet5.mnist(1);
        assertThat(count(m, ParameterKind.WEIGHT)).isEqualTo(61_470);
        assertThat(count(m, ParameterKind.BIAS)).isEqualTo(236);
        assertThat(m.outputShape()).containsExactly(10);
    }

    @Test
    void resnet20HasAbout270kParametersAndRuns() {
        Sequential m = ResNet.resnet20(3, 32, 10, 1);
        long trainable = m.parameters().stream().filter(Parameter::trainable).mapToLong(Parameter::size).sum();
        // He et al. 2016, Table 6: 0.27M for option A; option B adds 2 projection convs (+BN)
        assertThat(trainable).isBetween(270_000L, 280_000L);
        Tensor y = m.infer(GradientCheck.input(1, 2, 3, 32, 32));
        assertThat(y.shape()).containsExactly(2, 10);
        assertThat(m.layers()).hasSize(3 + 9 * 2 + 2);
    }

    @Test
    void smallVggRunsOnCifarAndMnistShapes() {
        assertThat(Vgg.small(3, 32, 10, 1).infer(GradientCheck.input(2, 2, 3, 32, 32)).shape()).containsExactly(2, 10);
        assertThat(Vgg.small(1, 28, 10, 1).infer(GradientCheck.input(3, 1, 1, 28, 28)).shape()).containsExactly(1, 10);
    }

    @Test
    void everyZooModelSurvivesACheckpointRoundTrip() throws Exception {
        for (Sequential m : new Sequential[] {Mlp.create(new int[] {20, 5, 3}, 1), LeNet5.mnist(2),
                Vgg.small(1, 28, 10, 3), ResNet.cifar(1, 3, 16, 10, 4)}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Checkpoint.write(m, Map.of(), out);
            Sequential r = Checkpoint.read(new ByteArrayInputStream(out.toByteArray()), "mem").model();
            assertThat(r.toString()).isEqualTo(m.toString());
            int[] in = m.inputShape();
            int[] shape = new int[in.length + 1];
            shape[0] = 2;
            System.arraycopy(in, 0, shape, 1, in.length);
            Tensor x = GradientCheck.input(5, shape);
            assertThat(r.infer(x).data()).containsExactly(m.infer(x).data());
        }
    }

    @Test
    void zooRecipesAreSgdBatch64WithTheDocumentedEpochsAndWeightDecay() {
        assertThat(ZooModel.MLP.config(4, 7)).isEqualTo(new TrainConfig(4, 64, 0.05f, 0.9f, 0f, 7));
        assertThat(ZooModel.LENET5.config(8, 7)).isEqualTo(new TrainConfig(8, 64, 0.05f, 0.9f, 5e-4f, 7));
        assertThat(ZooModel.RESNET20.config(30, 7)).isEqualTo(new TrainConfig(30, 64, 0.05f, 0.9f, 5e-4f, 7));
        assertThat(ZooModel.names()).containsExactly("mlp", "mlp-256", "lenet5", "vgg-small", "resnet20");
        assertThat(java.util.Arrays.stream(ZooModel.values()).mapToInt(ZooModel::defaultEpochs)).containsExactly(4, 8, 8, 30, 30);
        assertThat(ZooModel.LENET5.optimizer(ZooModel.LENET5.config(1, 1))).isInstanceOf(Sgd.class);
        assertThat(ZooModel.MLP.needsColour()).isFalse();
        assertThat(ZooModel.VGG_SMALL.needsColour()).isTrue();
    }

    @Test
    void zooModelsParseByNameAndAliasAndBuildForTheImageShape() {
        assertThat(ZooModel.parse(" LeNet5 ")).isEqualTo(ZooModel.LENET5);
        assertThat(ZooModel.parse("vgg")).isEqualTo(ZooModel.VGG_SMALL);
        assertThat(ZooModel.parse("VGG_SMALL")).isEqualTo(ZooModel.VGG_SMALL);
        assertThat(ZooModel.parse("resnet-20")).isEqualTo(ZooModel.RESNET20);
        assertThat(ZooModel.RESNET20).hasToString("resnet20");
        assertThatThrownBy(() -> ZooModel.parse("alexnet")).isInstanceOf(InvalidInputException.class)
                .hasMessage("unknown network 'alexnet'; expected one of [mlp, mlp-256, lenet5, vgg-small, resnet20]");
        assertThat(ZooModel.MLP.create(new ImageShape(3, 8, 8), 10, 1).inputShape()).containsExactly(192);
        assertThatThrownBy(() -> ZooModel.LENET5.create(new ImageShape(3, 32, 32), 10, 1))
                .hasMessageContaining("lenet5 needs 28x28 images");
        assertThatThrownBy(() -> ZooModel.VGG_SMALL.create(new ImageShape(1, 6, 6), 10, 1))
                .hasMessageContaining("at least 8x8");
    }

    @Test
    void mlp256IsTheDemosNetworkWithTheDemosRecipe() {
        ImageShape mnist = new ImageShape(1, 28, 28);
        org.undervolt.nn.model.Sequential zoo = ZooModel.MLP_256.create(mnist, 10, 7);
        org.undervolt.nn.model.Sequential demo = Mlp.create(new int[] {784, 256, 10}, 7); // as DemoPipeline builds it
        assertThat(zoo.parameterCount()).isEqualTo(784 * 256 + 256 + 256 * 10 + 10);
        assertThat(zoo.parameterCount()).isEqualTo(demo.parameterCount());
        Tensor x = GradientCheck.input(3, new int[] {2, 784});
        assertThat(zoo.infer(x).data()).containsExactly(demo.infer(x).data());
        // the demo trains with TrainConfig.defaults and a constant rate (new Trainer(config))
        assertThat(ZooModel.MLP_256.config(8, 7)).isEqualTo(TrainConfig.defaults(8, 7));
        assertThat(ZooModel.MLP_256.scheduleName()).isEqualTo("constant");
        assertThat(ZooModel.MLP.scheduleName()).isEqualTo("cosine");
        assertThat(ZooModel.parse("mlp-256")).isEqualTo(ZooModel.MLP_256);
        assertThat(ZooModel.mlpWithHidden(new int[] {256})).contains(ZooModel.MLP_256);
        assertThat(ZooModel.mlpWithHidden(new int[] {256, 128})).contains(ZooModel.MLP);
        assertThat(ZooModel.mlpWithHidden(new int[] {12})).isEmpty();
    }
}
