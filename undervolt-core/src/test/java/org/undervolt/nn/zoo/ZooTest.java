package org.undervolt.nn.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.undervolt.nn.io.Checkpoint;
import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.layer.ParameterKind;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.nn.testing.GradientCheck;

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
}
