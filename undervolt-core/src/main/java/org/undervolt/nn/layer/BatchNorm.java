package org.undervolt.nn.layer;

import java.util.Arrays;
import java.util.List;

import org.undervolt.nn.kernel.Parallel;
import org.undervolt.nn.tensor.Tensor;

/**
 * Batch normalisation (Ioffe and Szegedy, ICML 2015, Algorithm 1) per channel of {@code [batch, C]}
 * or {@code [batch, C, H, W]} inputs. Training normalises with the batch mean and biased variance
 * and updates the running statistics with momentum 0.1 and the unbiased variance (PyTorch's
 * convention); inference uses the running statistics. {@code eps = 1e-5}.
 *
 * <p>Parameters: {@code .weight} (gamma, SCALE), {@code .bias} (beta, SHIFT), {@code .running_mean}
 * and {@code .running_var} (STATISTIC, not trained by gradients).
 */
public final class BatchNorm extends NamedLayer {
    /** Added to the variance before the square root. */
    public static final float EPS = 1e-5f;
    static final float MOMENTUM = 0.1f;
    private final int channels;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVar;
    private float[] cachedXhat;
    private float[] cachedInvStd;
    private float[] cachedGamma;
    private int[] cachedShape;

    public BatchNorm(String name, int channels) {
        super(name, "batchnorm", channels);
        if (channels <= 0) {
            throw new IllegalArgumentException(name + ": channels must be positive");
        }
        this.channels = channels;
        this.gamma = new Parameter(name + ".weight", ParameterKind.SCALE, channels);
        this.beta = new Parameter(name + ".bias", ParameterKind.SHIFT, channels);
        this.runningMean = new Parameter(name + ".running_mean", ParameterKind.STATISTIC, channels);
        this.runningVar = new Parameter(name + ".running_var", ParameterKind.STATISTIC, channels);
        Arrays.fill(gamma.data(), 1f);
        Arrays.fill(runningVar.data(), 1f);
    }

    @Override
    public int[] outputShape(int[] s) {
        if ((s.length != 1 && s.length != 3) || s[0] != channels) {
            throw new IllegalArgumentException(name() + ": expects [" + channels + "] or [" + channels
                    + ", H, W], got " + Arrays.toString(s));
        }
        return s.clone();
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta, runningMean, runningVar);
    }

    @Override
    public void initialize(java.util.SplittableRandom rng) {
        Arrays.fill(gamma.data(), 1f);
        Arrays.fill(beta.data(), 0f);
        Arrays.fill(runningMean.data(), 0f);
        Arrays.fill(runningVar.data(), 1f);
    }

    @Override
    public Tensor forward(Tensor x, ForwardContext ctx, HookSite site) {
        int batch = x.dim(0);
        int plane = x.itemSize() / channels;
        float[] xd = x.data();
        float[] y = new float[xd.length];
        float[] g = ctx.hooks().weights(site, gamma);
        float[] bt = ctx.hooks().weights(site, beta);
        if (!ctx.training()) {
            float[] mean = ctx.hooks().weights(site, runningMean);
            float[] var = ctx.hooks().weights(site, runningVar);
            for (int c = 0; c < channels; c++) {
                float scale = g[c] / (float) Math.sqrt(var[c] + EPS);
                float shift = bt[c] - mean[c] * scale;
                for (int b = 0; b < batch; b++) {
                    int off = (b * channels + c) * plane;
                    for (int p = off; p < off + plane; p++) {
                        y[p] = xd[p] * scale + shift;
                    }
                }
            }
            return new Tensor(x.shape(), y);
        }
        float[] xhat = new float[xd.length];
        float[] invStd = new float[channels];
        long count = (long) batch * plane;
        Parallel.forEach(channels, c -> {
            double sum = 0;
            for (int b = 0; b < batch; b++) {
                int off = (b * channels + c) * plane;
                for (int p = off; p < off + plane; p++) {
                    sum += xd[p];
                }
            }
            double mean = sum / count;
            double sq = 0;
            for (int b = 0; b < batch; b++) {
                int off = (b * channels + c) * plane;
                for (int p = off; p < off + plane; p++) {
                    double d = xd[p] - mean;
                    sq += d * d;
                }
            }
            double var = sq / count;
            float inv = (float) (1 / Math.sqrt(var + EPS));
            invStd[c] = inv;
            float m = (float) mean;
            for (int b = 0; b < batch; b++) {
                int off = (b * channels + c) * plane;
                for (int p = off; p < off + plane; p++) {
                    float h = (xd[p] - m) * inv;
                    xhat[p] = h;
                    y[p] = h * g[c] + bt[c];
                }
            }
            float unbiased = (float) (count > 1 ? var * count / (count - 1) : var);
            runningMean.data()[c] = (1 - MOMENTUM) * runningMean.data()[c] + MOMENTUM * m;
            runningVar.data()[c] = (1 - MOMENTUM) * runningVar.data()[c] + MOMENTUM * unbiased;
        });
        cachedXhat = xhat;
        cachedInvStd = invStd;
        cachedGamma = g;
        cachedShape = x.shape();
        return new Tensor(x.shape(), y);
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        int batch = cachedShape[0];
        float[] dy = gradOut.data();
        int plane = dy.length / batch / channels;
        float[] dx = new float[dy.length];
        float[] xhat = cachedXhat;
        long count = (long) batch * plane;
        Parallel.forEach(channels, c -> {
            double dBeta = 0;
            double dGamma = 0;
            for (int b = 0; b < batch; b++) {
                int off = (b * channels + c) * plane;
                for (int p = off; p < off + plane; p++) {
                    dBeta += dy[p];
                    dGamma += dy[p] * xhat[p];
                }
            }
            gamma.grad()[c] += (float) dGamma;
            beta.grad()[c] += (float) dBeta;
            double k = cachedGamma[c] * cachedInvStd[c] / (double) count;
            for (int b = 0; b < batch; b++) {
                int off = (b * channels + c) * plane;
                for (int p = off; p < off + plane; p++) {
                    dx[p] = (float) (k * (count * dy[p] - dBeta - xhat[p] * dGamma));
                }
            }
        });
        return new Tensor(cachedShape, dx);
    }

    @Override
    public BatchNorm copy() {
        BatchNorm n = new BatchNorm(name(), channels);
        System.arraycopy(gamma.data(), 0, n.gamma.data(), 0, channels);
        System.arraycopy(beta.data(), 0, n.beta.data(), 0, channels);
        System.arraycopy(runningMean.data(), 0, n.runningMean.data(), 0, channels);
        System.arraycopy(runningVar.data(), 0, n.runningVar.data(), 0, channels);
        return n;
    }
}
