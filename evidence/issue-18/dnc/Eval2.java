import org.undervolt.data.*;
import org.undervolt.snn.*;
import java.nio.file.*;
import java.util.*;

/** Eval2 MODEL [LABELN] : labels on first LABELN training images, tests on 10k; prints confusion + stats. */
public class Eval2 {
    public static void main(String[] a) throws Exception {
        SnnModel m = SnnModelFile.read(Path.of(a[0]));
        int ln = a.length > 1 ? Integer.parseInt(a[1]) : 10000;
        int tn = a.length > 2 ? Integer.parseInt(a[2]) : 10000;
        DataSource src = new DataSource(BuiltinDataset.MNIST, null);
        ImageDataset train = src.train(), tst = src.test();
        int n = m.neurons();
        SnnEvaluator ev = new SnnEvaluator(m, 2);
        SnnEvaluator.Responses r = ev.responses(train.slice(0, ln), ln, m.seed(), SnnModel.STREAM_LABEL);
        int[] labels = NeuronLabels.assign(r.sums(), r.classImages(), n);
        m.setLabels(labels);
        int[] pred = ev.predict(tst, tn, m.seed(), SnnModel.STREAM_TEST);
        int[][] conf = new int[10][11];
        int correct = 0;
        for (int i = 0; i < tn; i++) { conf[tst.label(i)][pred[i] + 1]++; if (pred[i] == tst.label(i)) correct++; }
        System.out.printf("%s acc %.4f%n", a[0], correct / (double) tn);
        System.out.println("true\\pred -1..9");
        for (int c = 0; c < 10; c++) System.out.println(c + " " + Arrays.toString(conf[c]));
        StringBuilder sb = new StringBuilder("labels: ");
        for (int j = 0; j < n; j++) sb.append(labels[j]).append(j % 20 == 19 ? "\n        " : " ");
        System.out.println(sb);
        double[] th = m.theta();
        StringBuilder tb = new StringBuilder("theta: ");
        for (int j = 0; j < n; j++) tb.append(String.format("%.1f", th[j])).append(j % 20 == 19 ? "\n       " : " ");
        System.out.println(tb);
        // per-neuron response rates for its own class vs others
        StringBuilder rb = new StringBuilder("rate(own): ");
        for (int j = 0; j < n; j++) { int c = labels[j]; double rr = c < 0 ? 0 : (double) r.sums()[c * n + j] / r.classImages()[c]; rb.append(String.format("%.2f", rr)).append(j % 20 == 19 ? "\n           " : " "); }
        System.out.println(rb);
    }
}
