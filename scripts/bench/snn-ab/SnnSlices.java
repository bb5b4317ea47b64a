import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import org.undervolt.data.BuiltinDataset;
import org.undervolt.data.Datasets;
import org.undervolt.data.ImageDataset;
import org.undervolt.snn.DiehlCook;
import org.undervolt.snn.ImagePresenter;
import org.undervolt.snn.SnnModel;
import org.undervolt.snn.SnnModelFile;

/**
 * One build's side of {@code snn-ab.sh}, loaded once per build (one class loader each): shows slices of MNIST
 * images to an N-neuron network and returns the thread's CPU nanoseconds and a digest of what came out (every
 * image's spike counts; after learning also the weights and thresholds, bit for bit). Public API only, so the
 * same class file runs against any build.
 */
public final class SnnSlices {
    private static SnnModel model;
    private static ImageDataset data;
    private static float[] rowMajor;
    private static float[] byDelay;
    private static double[] theta;
    private static ImagePresenter presenter;
    private static int[] counts;

    private SnnSlices() {
    }

    /** {@code eval}: the model file's network on test images; {@code train}: the initial network of {@code neurons}, seed 11. */
    public static void init(String mode, String modelOrNeurons) {
        if (mode.equals("eval")) {
            model = SnnModelFile.read(Path.of(modelOrNeurons));
            data = Datasets.test(BuiltinDataset.MNIST);
            theta = model.theta();
        } else {
            model = SnnModel.initial(Integer.parseInt(modelOrNeurons), 11);
            data = Datasets.train(BuiltinDataset.MNIST);
            theta = model.theta().clone();
        }
        rowMajor = new float[DiehlCook.INPUTS * model.neurons()];
        model.weights().readAll(rowMajor);
        byDelay = model.delays().byDelay(rowMajor);
        presenter = new ImagePresenter(model.delays());
        counts = new int[model.neurons()];
    }

    /** Shows images {@code from..to}; returns {CPU ns, digest}. */
    public static long[] run(boolean learn, int from, int to) {
        var bean = ManagementFactory.getThreadMXBean();
        long h = 1;
        long c0 = bean.getCurrentThreadCpuTime();
        for (int img = from; img < to; img++) {
            if (learn) {
                presenter.train(data.pixels(), img * DiehlCook.INPUTS, byDelay, theta, 11, 3, img, counts);
            } else {
                presenter.present(data.pixels(), img * DiehlCook.INPUTS, rowMajor, byDelay, theta, false, model.seed(),
                        7, img, counts);
            }
            for (int c : counts) {
                h = h * 31 + c;
            }
        }
        long c1 = bean.getCurrentThreadCpuTime();
        if (learn) {
            for (float x : byDelay) {
                h = h * 31 + Float.floatToRawIntBits(x);
            }
            for (double x : theta) {
                h = h * 31 + Double.doubleToRawLongBits(x);
            }
        }
        return new long[] {c1 - c0, h};
    }
}
