package org.undervolt.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.undervolt.data.ImageDataset;
import org.undervolt.nn.zoo.ImageShape;
import org.undervolt.io.Json;
import org.undervolt.io.ProgressLine;

/**
 * How long a pipeline run (or what is left of it) should take on this machine: a {@link Calibration}
 * of the unit costs, times the {@link WorkModel} of the run's settings. Stages already finished in
 * the run folder are left out. The unit costs are measured once per build, machine and workload and kept in a
 * {@link CalibrationCache}: a later estimate of the same workload reads them and answers at once.
 *
 * @param pipeline {@code eden} or {@code sparkxd}
 * @param stages   stage → seconds (typical, at most), the stages still to run
 * @param costs    the measured unit costs (seconds per unit)
 * @param calibrationSeconds how long the measurement took
 * @param basis    what the unit costs are: measured now, or read from the cache (when measured, and where)
 */
public record RunEstimate(String pipeline, Map<String, WorkModel.Span> stages, UnitCosts costs,
        double calibrationSeconds, String basis) {

    /** The unit costs a pipeline's estimate is made of, as the JSON's {@code unit_costs} shows them. */
    public sealed interface UnitCosts permits EdenCosts, SparkxdCosts {
    }

    /**
     * EDEN's unit costs.
     *
     * @param trainImageS                seconds to train on one image
     * @param retrainImageS              seconds to retrain on one image, at two BERs
     * @param inferenceWithErrorsS       seconds to infer one image with errors, at two BERs
     * @param evaluationWithErrorsFixedS a trial's fixed cost, at two BERs
     * @param fineSearchTargets          the sites a fine search walks
     */
    public record EdenCosts(double trainImageS, AtTwoBers retrainImageS, AtTwoBers inferenceWithErrorsS,
            AtTwoBers evaluationWithErrorsFixedS, int fineSearchTargets) implements UnitCosts {
    }

    /**
     * SparkXD's unit costs.
     *
     * @param stdpImageS seconds of STDP training on one image
     * @param inferenceS seconds to infer one image
     */
    public record SparkxdCosts(double stdpImageS, double inferenceS) implements UnitCosts {
    }

    /** A cost measured at two BERs (the line between them is the model). */
    public record AtTwoBers(List<Double> ber, List<Double> s) {
        static AtTwoBers of(Calibration.Linear l) {
            return new AtTwoBers(List.of(l.ber0(), l.ber1()), List.of(l.cost0(), l.cost1()));
        }
    }

    /** Unit costs measured now. */
    public RunEstimate(String pipeline, Map<String, WorkModel.Span> stages, UnitCosts costs,
            double calibrationSeconds) {
        this(pipeline, stages, costs, calibrationSeconds, measuredNow(calibrationSeconds));
    }

    private static String measuredNow(double seconds) {
        return String.format(Locale.ROOT, "measured in %.0f s on this machine", seconds);
    }

    /** Calibrates (no cache) and estimates the run of {@code config} in {@code folder}. */
    public static RunEstimate of(String kind, PipelineConfig config, ImageDataset train, ImageDataset test, int threads,
            Path folder, Calibration calibration) {
        return of(kind, config, train, test, threads, folder, calibration, null);
    }

    /**
     * Estimates the run of {@code config} in {@code folder} from the unit costs {@code cache} holds for this build,
     * machine and workload, or, when it holds none (or {@code cache} is null), from a calibration made now (and kept
     * in {@code cache}).
     */
    public static RunEstimate of(String kind, PipelineConfig config, ImageDataset train, ImageDataset test, int threads,
            Path folder, Calibration calibration, CalibrationCache cache) {
        boolean eden = kind.equals(EdenPipeline.KIND);
        String key = cache == null ? null : CalibrationCache.key(kind, config, threads, train.size(), test.size());
        CalibrationCache.Entry hit = cache == null ? null : cache.get(key).orElse(null);
        Calibration.Eden ke = null;
        Calibration.Sparkxd ks = null;
        if (hit != null) {
            ke = eden ? CalibrationCache.eden(hit.costs()) : null;
            ks = eden ? null : CalibrationCache.sparkxd(hit.costs());
        } else if (eden) {
            ImageShape shape = PipelineData.isCifar(config.text("dataset")) ? new ImageShape(3, 32, 32)
                    : new ImageShape(1, train.rows(), train.cols());
            ke = calibration.eden(config, train, test, shape);
        } else {
            ks = calibration.sparkxd(config, train, test, threads);
        }
        double seconds = eden ? ke.seconds() : ks.seconds();
        String basis = measuredNow(seconds);
        if (hit != null) {
            basis = String.format(Locale.ROOT, "unit costs measured in %.0f s on this machine and build at %s, read from %s"
                    + " (delete it to measure again)", seconds, hit.measuredAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                    hit.file());
        } else if (cache != null) {
            Path kept = cache.put(key, eden ? CalibrationCache.toMap(ke) : CalibrationCache.toMap(ks),
                    java.time.Instant.now());
            if (kept != null) {
                basis = String.format(Locale.ROOT, "unit costs measured in %.0f s on this machine, kept in %s for the"
                        + " next estimate", seconds, kept);
            }
        }
        Map<String, WorkModel.Span> all;
        UnitCosts costs;
        if (eden) {
            Calibration.Eden k = ke;
            all = WorkModel.eden(config, k, k.sites(), train.size(), config.optionalText("model") == null);
            costs = new EdenCosts(k.trainImage(), AtTwoBers.of(k.retrainImage()), AtTwoBers.of(k.faultyImage()),
                    AtTwoBers.of(k.faultyTrial()), k.sites());
        } else {
            all = WorkModel.sparkxd(config, ks, threads);
            costs = new SparkxdCosts(ks.stdpImage(), ks.inferImage());
        }
        Map<String, WorkModel.Span> left = new LinkedHashMap<>();
        java.util.Collection<String> redone = redone(folder, config);
        all.forEach((stage, span) -> {
            if (folder == null || !Files.isRegularFile(folder.resolve("stages").resolve(stage + ".json"))
                    || redone.contains(stage)) {
                left.put(stage, span);
            }
        });
        return new RunEstimate(kind, left, costs, seconds, basis);
    }

    /**
     * The finished stages of {@code folder} that these settings would redo: those of a key that only refines one
     * stage and differs from the folder's ({@link Stages#redone}); none without a folder or its settings.
     */
    private static java.util.Collection<String> redone(Path folder, PipelineConfig config) {
        Path cfg = folder == null ? null : folder.resolve("config.json");
        if (cfg == null || !Files.isRegularFile(cfg)) {
            return java.util.List.of();
        }
        try {
            Map<String, String> redo = Stages.redone(Files.readString(cfg, java.nio.charset.StandardCharsets.UTF_8).strip(),
                    config.canonical());
            return redo == null ? java.util.List.of() : redo.values(); // other settings: the run itself says so
        } catch (java.io.IOException e) {
            return java.util.List.of();
        }
    }

    /** The stages left, in total. */
    public WorkModel.Span total() {
        return WorkModel.total(stages);
    }

    /** One line, e.g. {@code estimate: about 1 h 05 min, at most 1 h 40 min (model 3 min 10 s, ...)}. */
    public String line() {
        WorkModel.Span t = total();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "estimate: about %s, at most %s (",
                ProgressLine.duration(t.typical()), ProgressLine.duration(t.most())));
        String sep = "";
        for (var e : stages.entrySet()) {
            WorkModel.Span s = e.getValue();
            b.append(sep).append(e.getKey()).append(' ').append(ProgressLine.duration(s.typical()));
            if (s.most() > s.typical() * 1.05 + 1) {
                b.append("..").append(ProgressLine.duration(s.most()));
            }
            sep = ", ";
        }
        return b.append("); ").append(basis).toString();
    }

    /** As JSON-ready values. */
    public Map<String, Object> toMap() {
        Map<String, Range> st = new LinkedHashMap<>();
        stages.forEach((k, v) -> st.put(k, new Range(v.most(), v.typical())));
        return Json.fields(new Shown(pipeline, total().typical(), total().most(), st, costs, calibrationSeconds, basis,
                "unit costs timed on this machine on the run's own network and data (once per build, machine"
                        + " and workload, then read from the cache), times the work of each stage; a tolerance search"
                        + " typically walks half its BER grid, at most all of it"));
    }

    /**
     * The estimate as {@code --estimate --json} prints it: its components are the keys in order (snake_case).
     *
     * @param stages    each stage left, by name
     * @param unitCosts the measured unit costs
     * @param basis     measured now, or read from the cache
     */
    private record Shown(String pipeline, double typicalS, double atMostS, Map<String, Range> stages,
            UnitCosts unitCosts, double calibrationS, String basis, String method) {
    }

    /** Seconds at most and typically (in the order the estimate has always printed them). */
    private record Range(double atMostS, double typicalS) {
    }
}
