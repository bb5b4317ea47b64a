package org.undervolt.nn.scratch;

import org.junit.jupiter.api.Test;
import org.undervolt.data.ImageDataset;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.*;
import org.undervolt.nn.zoo.*;

class MnistRunTest {
    @Test
    void run() throws Exception {
        String cfgs = System.getProperty("cfgs");
        if (cfgs == null) return;
        ImageDataset train = MnistScratch.load(System.getProperty("ds", "mnist"), true);
        ImageDataset test = MnistScratch.load(System.getProperty("ds", "mnist"), false);
        for (String cfg : cfgs.split(",")) {
            String[] f = cfg.split(":");
            Sequential m = f[0].equals("lenet") ? LeNet5.mnist(1) : Mlp.create(java.util.Arrays.stream(f[0].split("-")).mapToInt(Integer::parseInt).toArray(), 1);
            int epochs = Integer.parseInt(f[1]);
            LrSchedule s = f[2].equals("cos") ? LrSchedule.cosine() : LrSchedule.constant();
            float lr = Float.parseFloat(f[3]);
            TrainConfig c = new TrainConfig(epochs, Integer.parseInt(f[4]), lr, 0.9f, Float.parseFloat(f[5]), 1);
            Optimizer o = f.length > 6 && f[6].equals("adam") ? new Adam(c.weightDecay()) : new Sgd(c.momentum(), c.weightDecay());
            Trainer t = new Trainer(c, o, s);
            long t0 = System.nanoTime();
            t.train(m, train, (e, loss, sec) -> System.out.printf("%s epoch %d loss %.4f %.2fs acc %.4f%n", cfg, e, loss, sec, Evaluator.accuracy(m, test)));
            System.out.printf("%s total %.1fs%n", cfg, (System.nanoTime() - t0) / 1e9);
            for (int i = 0; i < 3; i++) {
                long t1 = System.nanoTime();
                float acc = Evaluator.accuracy(m, test);
                System.out.printf("eval %.4f in %.3fs%n", acc, (System.nanoTime() - t1) / 1e9);
            }
        }
    }
}
