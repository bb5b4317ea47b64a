package org.undervolt.snn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.undervolt.data.ImageDataset;
import org.undervolt.random.Seeds;

class ExcitatoryKernelTest {

    @Test
    void vectorAndScalarSimulationsAreBitIdenticalOverAwkwardSizes() {
        ImageDataset data = SyntheticDigits.make(6, 9);
        for (int n : new int[] {1, 7, 13, 37}) {
            SnnModel m = SnnModel.initial(n, n);
            float[] wv = new float[784 * n];
            m.weights().readAll(wv);
            float[] ws = wv.clone();
            double[] tv = m.theta().clone();
            double[] ts = m.theta().clone();
            Simulator vec = new Simulator(m.delays(), true);
            Simulator sca = new Simulator(m.delays(), false);
            PoissonEncoder enc = new PoissonEncoder();
            int[] cv = new int[n];
            int[] cs = new int[n];
            for (int img = 0; img < 6; img++) {
                for (boolean learn : new boolean[] {true, false}) {
                    // intensity 6 drives strong inhibition: the Math.exp path is taken too
                    enc.encode(data.pixels(), img * 784, 784, 6.0, Seeds.stream(1, img));
                    int a = vec.present(enc, wv, tv, learn, cv);
                    int b = sca.present(enc, ws, ts, learn, cs);
                    assertThat(a).isEqualTo(b);
                    assertThat(cv).containsExactly(cs);
                }
            }
            assertThat(wv).containsExactly(ws);
            assertThat(tv).containsExactly(ts);
        }
    }
}
