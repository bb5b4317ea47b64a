import org.undervolt.data.*;
import org.undervolt.snn.*;
import java.util.*;

/**
 * Issue 18 probe: trains an N-neuron Diehl & Cook network on K images (seed SEED), printing every EVERY
 * images the mean/min/max theta (mV), presentations per image, share of images shown again and spikes of
 * the last presentation; every EVALEVERY images it labels on min(LABEL, EVALN) training images and tests on
 * EVALN test images; at the end on LABEL and TEST. Usage: Probe N K SEED LABEL TEST EVERY [EVALEVERY EVALN]
 */
public class Probe {
    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[0]); long k = Long.parseLong(a[1]); long seed = Long.parseLong(a[2]);
        int label = Integer.parseInt(a[3]); int test = Integer.parseInt(a[4]);
        int every = Integer.parseInt(a[5]);
        long evalEvery = a.length > 6 ? Long.parseLong(a[6]) : k;
        int evalN = a.length > 7 ? Integer.parseInt(a[7]) : 2000;
        DataSource src = new DataSource(BuiltinDataset.MNIST, null);
        ImageDataset train = src.train(), tst = src.test();
        SnnModel m = SnnModel.initial(n, seed);
        long[] pres = {0}; long[] spk = {0}; int[] multi = {0}; long[] t0 = {System.nanoTime()};
        System.out.println("images\tthetaMean\tthetaMin\tthetaMax\tpresPerImg\tfracReshown\tspikesLastPres\ts");
        SnnTrainer tr = new SnnTrainer(m);
        for (long until = Math.min(k, evalEvery); ; until = Math.min(k, until + evalEvery)) {
            tr.train(train, until, null, 0, (g, s, att) -> {
                pres[0] += att; spk[0] += s; if (att > 1) multi[0]++;
                if (g % every == 0) {
                    double[] th = m.theta(); double mean = Arrays.stream(th).average().orElse(0);
                    System.out.printf("%d\t%.2f\t%.2f\t%.2f\t%.3f\t%.3f\t%.2f\t%.0f%n", g, mean,
                        Arrays.stream(th).min().orElse(0), Arrays.stream(th).max().orElse(0),
                        (double) pres[0] / every, (double) multi[0] / every, (double) spk[0] / every, (System.nanoTime()-t0[0])/1e9);
                    pres[0] = 0; spk[0] = 0; multi[0] = 0;
                }
            });
            boolean last = until >= k;
            int l = last ? label : Math.min(label, evalN), t = last ? test : evalN;
            SnnEvaluator ev = new SnnEvaluator(m, 2);
            SnnEvaluator.Responses r = ev.responses(train, l, seed, SnnModel.STREAM_LABEL);
            int[] labels = NeuronLabels.assign(r.sums(), r.classImages(), n);
            m.setLabels(labels);
            int[] pred = ev.predict(tst, t, seed, SnnModel.STREAM_TEST);
            System.out.printf("ACC %d images: %.4f on %d test images (%d label images)%n", until,
                SnnEvaluator.accuracy(pred, tst.slice(0, t)), t, l);
            if (last) {
                int[] hist = new int[11]; for (int x : labels) hist[x + 1]++;
                System.out.println("labels per class (-1..9): " + Arrays.toString(hist));
                break;
            }
        }
    }
}
