package org.undervolt.nn.scratch;

import org.junit.jupiter.api.Test;
import org.undervolt.data.ImageDataset;
import org.undervolt.nn.layer.LayerHooks;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.Evaluator;
import org.undervolt.nn.zoo.*;

class InferBenchTest {
    @Test
    void run() throws Exception {
        if (System.getProperty("ib") == null) return;
        ImageDataset test = MnistScratch.load("mnist", false);
        Sequential m = System.getProperty("ib").equals("mlp") ? Mlp.mnist(1) : LeNet5.mnist(1);
        for (int round = 0; round < 3; round++) {
            for (int b : new int[] {16, 32, 64, 128, 256}) {
                long t0 = System.nanoTime();
                Evaluator.predict(m, test, LayerHooks.NONE, b);
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf("round %d batch %d: %.3fs %.0f img/s%n", round, b, s, test.size() / s);
            }
        }
    }
}
