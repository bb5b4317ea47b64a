package org.undervolt.nn.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.undervolt.nn.layer.ForwardContext;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.layer.Parameter;
import org.undervolt.nn.tensor.Tensor;
import org.undervolt.nn.train.SoftmaxCrossEntropy;
import org.undervolt.nn.zoo.LeNet5;
import org.undervolt.nn.zoo.Mlp;

class BackwardParametersTest {

    private static float[][] gradients(Sequential m, boolean full, int batch) {
        SplittableRandom r = new SplittableRandom(5);
        float[] x = new float[batch * (int) Tensor.size(m.inputShape())];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        int[] y = new int[batch];
        for (int i = 0; i < batch; i++) {
            y[i] = r.nextInt(10);
        }
        int[] shape = new int[m.inputShape().length + 1];
        shape[0] = batch;
        System.arraycopy(m.inputShape(), 0, shape, 1, m.inputShape().length);
        m.zeroGrad();
        Tensor out = m.forward(new Tensor(shape, x), new ForwardContext(true, 1, 0, LayerHooks.NONE));
        Tensor g = Tensor.zeros(out.shape());
        SoftmaxCrossEntropy.loss(out, y, g);
        if (full) {
            assertThat(m.backward(g).shape()).containsExactly(shape);
        } else {
            m.backwardParameters(g);
        }
        List<Parameter> ps = m.parameters();
        float[][] grads = new float[ps.size()][];
        for (int i = 0; i < ps.size(); i++) {
            grads[i] = ps.get(i).grad().clone();
        }
        return grads;
    }

    @Test
    void parameterGradientsAreBitIdenticalToTheFullBackwardPass() {
        for (Sequential m : new Sequential[] {LeNet5.mnist(3), Mlp.create(new int[] {784, 64, 10}, 3)}) {
            float[][] full = gradients(m, true, 6);
            float[][] params = gradients(m, false, 6);
            for (int i = 0; i < full.length; i++) {
                assertThat(params[i]).containsExactly(full[i]);
            }
            assertThat(full[0]).isNotEqualTo(new float[full[0].length]);
        }
    }
}
