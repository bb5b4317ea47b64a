import org.undervolt.data.*;
import org.undervolt.snn.*;
import java.nio.file.*;
import java.util.*;

/** Probe2 N K SEED EVERY EVALEVERY OUTMODEL [LABELMODES...]: trains, logs, saves model; label modes first10k,last10k,all,test */
public class Probe2 {
    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[0]); long k = Long.parseLong(a[1]); long seed = Long.parseLong(a[2]);
        int every = Integer.parseInt(a[3]); long evalEvery = Long.parseLong(a[4]); String out = a[5];
        String[] modes = a.length > 6 ? Arrays.copyOfRange(a, 6, a.length) : new String[]{"first10k"};
        DataSource src = new DataSource(BuiltinDataset.MNIST, null);
        ImageDataset train = src.train(), tst = src.test();
        SnnModel m = Files.exists(Path.of(out)) ? SnnModelFile.read(Path.of(out)) : SnnModel.initial(n, seed);
        long[] pres = {0}; long[] spk = {0}; int[] multi = {0}; long[] t0 = {System.nanoTime()};
        System.out.println("images\tthetaMean\tthetaMin\tthetaMax\tpresPerImg\tfracReshown\tspikesLastPres\ts");
        SnnTrainer tr = new SnnTrainer(m);
        long start = m.imagesTrained();
        for (long until = Math.min(k, start + evalEvery); until > m.imagesTrained() || until >= k; until = Math.min(k, until + evalEvery)) {
            if (until > m.imagesTrained()) tr.train(train, until, null, 0, (g, s, att) -> {
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
            SnnEvaluator ev = new SnnEvaluator(m, 2);
            for (String mode : (last ? modes : new String[]{"first10k"})) {
                ImageDataset ld; 
                switch (mode) {
                    case "first10k": ld = train.slice(0, 10000); break;
                    case "first5k": ld = train.slice(0, 5000); break;
                    case "last10k": ld = train.slice(50000, 60000); break;
                    case "all": ld = train; break;
                    case "test": ld = tst; break;
                    default: throw new IllegalArgumentException(mode);
                }
                SnnEvaluator.Responses r = ev.responses(ld, ld.size(), seed, SnnModel.STREAM_LABEL);
                int[] labels = NeuronLabels.assign(r.sums(), r.classImages(), n);
                m.setLabels(labels);
                int t = 10000;
                int[] pred = ev.predict(tst, t, seed, SnnModel.STREAM_TEST);
                int[] hist = new int[11]; for (int x : labels) hist[x + 1]++;
                System.out.printf("ACC %d images [%s]: %.4f on %d test images; labels/class(-1..9) %s%n", until, mode,
                    SnnEvaluator.accuracy(pred, tst.slice(0, t)), t, Arrays.toString(hist));
            }
            SnnModelFile.write(m, Path.of(out + "." + until));
            if (last) break;
        }
        SnnModelFile.write(m, Path.of(out));
    }
}
