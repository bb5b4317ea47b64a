import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.undervolt.data.ImageDataset;
import org.undervolt.experiment.PipelineData;
import org.undervolt.nn.model.Sequential;
import org.undervolt.random.Seeds;
import org.undervolt.resilience.CurricularRetrainer;
import org.undervolt.resilience.CurriculumSchedule;
import org.undervolt.resilience.DataKind;
import org.undervolt.resilience.DnnModels;
import org.undervolt.resilience.NetworkEvaluator;
import org.undervolt.resilience.NetworkFaults;
import org.undervolt.resilience.SetupSpec;
import org.undervolt.resilience.Site;
import org.undervolt.resilience.StorageSetup;
import org.undervolt.resilience.ValueBounds;

/**
 * Cheap proxy for the lenet5-fp32 preset's retraining (issue 18 item 3): retrains the preset's base model with
 * the preset's curriculum (settings overridable as key=value), then measures the retrained (and optionally the
 * base) network at a few BERs on the first test images, T paired error draws each, with the tolerance stage's
 * storage setup (FP32 weights and IFMs, uniform errors, value correction, bounds profiled on 2,000 training
 * images). Prints mean, per-trial accuracies and the one-sided 95 % t lower bound against the base's error-free
 * accuracy on the same images minus 1 point. Not part of the tool.
 *
 * <p>Usage: java -cp CLASSES Proxy BASE.uvnn OUT.uvnn key=value... (keys below; model=FILE skips retraining)
 */
public final class Proxy {
    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Map<String, String> kv = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            kv.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        String fmt = kv.getOrDefault("format", "fp32");
        PipelineData data = PipelineData.load("mnist", null, "dataset");
        ImageDataset train = data.train();
        int validation = Integer.parseInt(kv.getOrDefault("validation_images", "2000"));
        ImageDataset val = train.slice(train.size() - validation, train.size());
        ImageDataset pool = train.slice(0, train.size() - validation);
        ImageDataset retrainSet = pool.slice(0, Integer.parseInt(kv.getOrDefault("train_images", "20000")));
        Sequential start = DnnModels.load(base);
        SetupSpec spec = new SetupSpec(Set.of(DataKind.WEIGHTS, DataKind.IFMS), fmt, fmt, "uniform", true, 1);

        Sequential model;
        long t0 = System.nanoTime();
        if (kv.containsKey("model")) {
            model = DnnModels.load(Path.of(kv.get("model")));
        } else if (kv.containsKey("fixed_ber")) {
            model = fixed(start, retrainSet, spec, kv);
            DnnModels.save(model, Map.of("proxy", kv.toString()), out);
        } else {
            var schedule = new CurriculumSchedule.Params(d(kv, "ber_start", 2e-4), d(kv, "ber_factor", 2.0),
                    d(kv, "ber_max", 0.1), i(kv, "patience", 3), i(kv, "refinements", 2));
            var config = new CurricularRetrainer.Config(CurricularRetrainer.Mode.CURRICULAR, i(kv, "retrain_epochs", 20),
                    i(kv, "batch", 64), (float) d(kv, "lr", 0.003), (float) d(kv, "momentum", 0.9), i(kv, "seed", 1),
                    schedule, 0f, d(kv, "delta", 0.01), i(kv, "validation_trials", 2), 2000,
                    (float) d(kv, "clip_rms", 2.0), d(kv, "relu_cap_percentile", 99.0));
            CurricularRetrainer.Result r = new CurricularRetrainer(config).run(start, retrainSet,
                    val, spec.build(start), null, e -> System.out.printf(Locale.ROOT,
                            "epoch %2d BER %.3g loss %.4f val %.4f%s%n", e.epoch(), e.ber(), e.loss(),
                            e.validationAccuracy(), e.recovered() ? " recovered" : ""));
            System.out.printf(Locale.ROOT, "kept: boosted BER %.3g (%s), caps %s, %.0f s%n", r.boostedBer(),
                    r.stopReason(), r.reluCaps(), (System.nanoTime() - t0) / 1e9);
            model = r.model();
            Files.createDirectories(out.toAbsolutePath().getParent());
            DnnModels.save(model, Map.of("proxy", kv.toString()), out);
        }
        if (kv.containsKey("scale_below")) {
            model = scaleBelow(model, d(kv, "scale_below", 2.0));
        }
        if (kv.containsKey("effects")) {
            BitEffects.run(model, train, data.test());
            return;
        }
        if (kv.containsKey("bits")) {
            BitClasses.run(model, train, data.test().slice(0, i(kv, "test_images", 10000)), kv);
            return;
        }
        int n = i(kv, "test_images", 10000);
        int trials = i(kv, "trials", 5);
        ImageDataset test = data.test().slice(0, n);
        double reference = evaluator(start, spec, train, test).baseline();
        List<Double> bers = new ArrayList<>();
        for (String b : kv.getOrDefault("eval", "4.22e-3,6e-3,8.9e-3").split(",")) {
            bers.add(Double.parseDouble(b));
        }
        List<String> who = kv.getOrDefault("eval_base", "false").equals("true") ? List.of("base", "retrained")
                : List.of("retrained");
        for (String w : who) {
            Sequential m = w.equals("base") ? start : model;
            NetworkEvaluator ev = evaluator(m, spec, train, test);
            StorageSetup setup = ev.faults().setup();
            System.out.printf(Locale.ROOT, "%s: error-free %.4f on %d images (reference %.4f, threshold %.4f)%n", w,
                    ev.baseline(), n, reference, reference - 0.01);
            List<String> parts = new ArrayList<>(List.of("all"));
            if (kv.containsKey("sites")) { // also each kind alone and each site alone
                parts.addAll(List.of("weights", "ifm"));
                setup.sites().forEach(s -> parts.add(s.id()));
            }
            for (String part : parts)
            for (double ber : bers) {
                Map<Site, Double> at = part.equals("all") ? setup.uniform(ber)
                        : part.equals("weights") ? setup.kind(DataKind.WEIGHTS, ber)
                        : part.equals("ifm") ? setup.kind(DataKind.IFMS, ber) : setup.only(setup.site(part), ber);
                double[] a = new double[trials];
                double sum = 0;
                for (int t = 0; t < trials; t++) {
                    a[t] = ev.accuracy(at, Seeds.stream(77, Double.doubleToLongBits(ber), t));
                    sum += a[t];
                }
                double mean = sum / trials;
                double ss = 0;
                for (double x : a) {
                    ss += (x - mean) * (x - mean);
                }
                double sd = Math.sqrt(ss / (trials - 1));
                double lower = mean - tq(trials - 1) * sd / Math.sqrt(trials);
                System.out.printf(Locale.ROOT, "  %s [%s] BER %.3g: mean %.4f lower95 %.4f %s %s%n", w, part, ber, mean, lower,
                        lower >= reference - 0.01 ? "PASS" : "fail", java.util.Arrays.toString(a));
            }
        }
        System.out.printf(Locale.ROOT, "total %.0f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Capacity test: the network (ReLUs capped, weights clipped as the preset) trained for fixed_epochs at one
     * BER (fixed_ber, errors in every forward pass as the curriculum's), lr constant or cosine; the last epoch kept.
     */
    static Sequential fixed(Sequential start, ImageDataset train, SetupSpec spec, Map<String, String> kv) {
        if (kv.containsKey("start")) { // continue from another network (e.g. a curriculum's, already capped)
            start = DnnModels.load(Path.of(kv.get("start")));
        }
        double pct = d(kv, "relu_cap_percentile", 99.0);
        Sequential model = pct == 0 ? start.copy() : org.undervolt.resilience.ReluCaps.apply(start,
                org.undervolt.resilience.ReluCaps.profile(start, train, 2000, pct));
        if (kv.containsKey("train_scale_below")) {
            model = scaleBelow(model, d(kv, "train_scale_below", 2.0));
        }
        int epochs = i(kv, "fixed_epochs", 10);
        double ber = d(kv, "fixed_ber", 9e-3);
        var tc = new org.undervolt.nn.train.TrainConfig(epochs, 64, (float) d(kv, "lr", 0.003), 0.9f, 0f, 1);
        Map<String, Float> bounds = new LinkedHashMap<>();
        double k = d(kv, "clip_rms", 2.0);
        for (var p : model.parameters()) {
            if (p.kind() == org.undervolt.nn.layer.ParameterKind.WEIGHT && k > 0) {
                double sq = 0;
                for (float w : p.data()) {
                    sq += (double) w * w;
                }
                bounds.put(p.name(), (float) (k * Math.sqrt(sq / p.size())));
            }
        }
        var sgd = new org.undervolt.nn.train.Sgd(0.9f, (float) d(kv, "weight_decay", 0));
        var trainer = new org.undervolt.nn.train.Trainer(tc, bounds.isEmpty() ? sgd
                : new org.undervolt.nn.train.ClippedWeights(sgd, bounds),
                kv.getOrDefault("lr_schedule", "constant").equals("cosine") ? org.undervolt.nn.train.LrSchedule.cosine()
                        : org.undervolt.nn.train.LrSchedule.constant());
        StorageSetup setup = spec.build(model);
        List<Integer> ifm = setup.sites().stream().filter(s -> s.kind() == DataKind.IFMS).map(Site::layer).toList();
        long per = trainer.stepsPerEpoch(train.size());
        for (int e = 1; e <= epochs; e++) {
            long t = System.nanoTime();
            var faults = new NetworkFaults(model, setup, ValueBounds.profile(model, train, 2000, ifm));
            double loss = trainer.epoch(model, train, trainingHooks(faults, setup.uniform(ber), Seeds.derive(1, 99, e), kv), e,
                    per * (e - 1), per * epochs, s -> { });
            System.out.printf(Locale.ROOT, "fixed epoch %d BER %.3g loss %.4f (%.0f s)%n", e, ber, loss,
                    (System.nanoTime() - t) / 1e9);
        }
        return model;
    }

    /**
     * The training hooks of one epoch; with {@code read_gradient=straight|exact} (fixed-BER training only) through
     * the method read-gradient.patch adds to NetworkFaults (apply the patch and rebuild first).
     */
    static org.undervolt.nn.layer.LayerHooks trainingHooks(NetworkFaults faults, Map<Site, Double> bers, long seed,
            Map<String, String> kv) {
        if (!kv.containsKey("read_gradient")) {
            return faults.trainingHooks(bers, seed);
        }
        try {
            Class<?> g = Class.forName("org.undervolt.resilience.ReadGradient");
            Object mode = g.getMethod("parse", String.class).invoke(null, kv.get("read_gradient"));
            return (org.undervolt.nn.layer.LayerHooks) NetworkFaults.class.getMethod("trainingHooks", Map.class,
                    long.class, g).invoke(faults, bers, seed, mode);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("read_gradient needs read-gradient.patch applied", e);
        }
    }

    /**
     * The same function with every capped ReLU's cap below {@code limit}: the layer before it (weights and bias)
     * divided by a power of two s, the cap too, the next weighted layer's weights multiplied by s (exact in
     * floating point; max pooling and flatten commute with it).
     */
    static Sequential scaleBelow(Sequential in, double limit) {
        Sequential m = in.copy();
        List<org.undervolt.nn.layer.Layer> layers = new ArrayList<>(m.layers());
        org.undervolt.nn.layer.Layer prev = null;
        float pending = 1f;
        for (int k = 0; k < layers.size(); k++) {
            var l = layers.get(k);
            if (!l.parameters().isEmpty()) {
                if (pending != 1f) {
                    for (var p : l.parameters()) {
                        if (p.kind() == org.undervolt.nn.layer.ParameterKind.WEIGHT) {
                            float[] a = p.data();
                            for (int j = 0; j < a.length; j++) a[j] *= pending;
                        }
                    }
                    pending = 1f;
                }
                prev = l;
            } else if (l instanceof org.undervolt.nn.layer.Relu r && r.cap() > 0 && Float.isFinite(r.cap()) && prev != null) {
                float s = 1f;
                while (r.cap() / s >= limit) s *= 2f;
                if (s > 1f) {
                    for (var p : prev.parameters()) {
                        float[] a = p.data();
                        for (int j = 0; j < a.length; j++) a[j] /= s;
                    }
                    layers.set(k, new org.undervolt.nn.layer.Relu(r.name(), r.cap() / s));
                    pending = s;
                    System.out.printf(Locale.ROOT, "scaled %s and %s by 1/%.0f: cap %.3f%n", prev.name(), r.name(), s, r.cap() / s);
                }
            }
        }
        return new Sequential(m.inputShape(), layers);
    }

    static NetworkEvaluator evaluator(Sequential m, SetupSpec spec, ImageDataset train, ImageDataset test) {
        StorageSetup setup = spec.build(m);
        List<Integer> ifm = setup.sites().stream().filter(s -> s.kind() == DataKind.IFMS).map(Site::layer).toList();
        return new NetworkEvaluator(m, new NetworkFaults(m, setup, ValueBounds.profile(m, train, 2000, ifm)), test);
    }

    /** One-sided 95 % t quantile for df 1..9. */
    static double tq(int df) {
        double[] q = {6.314, 2.920, 2.353, 2.132, 2.015, 1.943, 1.895, 1.860, 1.833};
        return q[Math.min(df, 9) - 1];
    }

    static double d(Map<String, String> kv, String k, double def) {
        return kv.containsKey(k) ? Double.parseDouble(kv.get(k)) : def;
    }

    static int i(Map<String, String> kv, String k, int def) {
        return kv.containsKey(k) ? Integer.parseInt(kv.get(k)) : def;
    }
}
