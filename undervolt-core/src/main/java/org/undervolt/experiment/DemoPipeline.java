package org.undervolt.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

import org.undervolt.Provenance;
import org.undervolt.data.ImageDataset;
import org.undervolt.dram.access.AccessCounts;
import org.undervolt.dram.access.AddressMapping;
import org.undervolt.dram.access.OpenPageCounter;
import org.undervolt.dram.device.DeviceSet;
import org.undervolt.dram.device.OperatingPoint;
import org.undervolt.dram.device.OperatingPointSummary;
import org.undervolt.dram.device.OperatingPoints;
import org.undervolt.dram.energy.AccessEnergyModel;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.error.UniformErrorModel;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.MemspecLoader;
import org.undervolt.dram.spec.Organization;
import org.undervolt.io.Json;
import org.undervolt.io.ProgressLine;
import org.undervolt.dram.spec.VoltageTimingTable;
import org.undervolt.mapping.DataRegion;
import org.undervolt.mapping.StreamingInference;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.train.Evaluator;
import org.undervolt.nn.train.TrainConfig;
import org.undervolt.nn.train.Trainer;
import org.undervolt.nn.zoo.Mlp;
import org.undervolt.resilience.BerGrid;
import org.undervolt.resilience.BerSweep;
import org.undervolt.resilience.CurvePoint;
import org.undervolt.resilience.StoredWeights;
import org.undervolt.resilience.StoredWeightsEvaluator;
import org.undervolt.resilience.ToleranceCriterion;
import org.undervolt.resilience.TrialStore;
import org.undervolt.storage.DramGeometry;
import org.undervolt.storage.FormatSpec;
import org.undervolt.storage.Formats;
import org.undervolt.storage.SequentialPlacement;
import org.undervolt.storage.StoredTensor;
import org.undervolt.usecase.OperatingPointRequest;

/**
 * The first end-to-end question: how low can the DRAM voltage go for this network, and what does
 * that save?
 *
 * <ol>
 *   <li>train an MLP with SGD (or reuse the cached one trained with the same settings);</li>
 *   <li>store its weights in DRAM in the chosen format (INT8 by default) and measure the error-free
 *       accuracy of the stored network: the baseline;</li>
 *   <li>sweep the BER over a log grid, several Monte-Carlo trials per point, flipping bits in the
 *       stored bytes with EDEN's error model 0;</li>
 *   <li>take the largest BER whose mean accuracy stays within {@code delta} of the baseline;</li>
 *   <li>look up every measured device's lowest core-rail voltage with at most that BER ({@link OperatingPoints}) and
 *       take the median device's, reporting the spread and what limited it;</li>
 *   <li>replay the DRAM accesses of one inference pass over the test set and price them at nominal
 *       and at that voltage ({@link DemoAccessPricing}: the same pricing the lookup chose every device's point with,
 *       so the headline is the median device's saving).</li>
 * </ol>
 */
public final class DemoPipeline {
    /** Sequential placement fills a row, then the next row of the same bank: bank above row above column. */
    static final String ADDRESS_ORDER = "bank:row:column";
    private static final int OUTPUT_BYTES_PER_CLASS = 4;

    private final DemoConfig config;
    private final Consumer<String> log;

    public DemoPipeline(DemoConfig config, Consumer<String> log) {
        this.config = config;
        this.log = log;
    }

    public DemoResult run() {
        return run(TrialStore.NONE);
    }

    /** Runs the demo, taking finished sweep trials from {@code trials} and recording new ones there. */
    public DemoResult run(TrialStore trials) {
        // Everything a user can get wrong is checked before the minutes of training and sweeping.
        double[] grid = BerGrid.logarithmic(config.berMin(), config.berMax(), config.pointsPerDecade());
        FormatSpec format = Formats.byName(config.format());
        ImageDataset train = config.data().train();
        ImageDataset test = config.data().test();
        if (config.testImages() > 0 && config.testImages() < test.size()) {
            test = test.slice(0, config.testImages());
        }
        DramSpec spec = MemspecLoader.resolve(config.part()).spec();
        AddressMapping mapping = addressMapping(spec.organization());
        VoltageScaling scaling = VoltageScaling.parse(config.scaling());
        DeviceSet devices = DeviceSet.vddSelection(config.devices(), "--devices");

        long t0 = System.nanoTime();
        boolean[] cached = new boolean[1];
        Sequential model = trainedModel(train, cached);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        double fp32 = Evaluator.accuracy(model, test);

        Organization org = spec.organization();
        StoredWeights stored = StoredWeights.of(model, format,
                new SequentialPlacement(geometryOf(org)));
        double baseline = Evaluator.accuracy(stored.quantisedCopy(model), test);
        log.accept(String.format("baseline: fp32 %.4f, %s in DRAM %.4f (%d weight bytes)", fp32, config.format(),
                baseline, stored.bytes()));

        long t1 = System.nanoTime();
        var evaluator = new StoredWeightsEvaluator(model, stored, test, UniformErrorModel::new);
        ProgressLine sweepProgress = new ProgressLine("sweep", grid.length);
        List<CurvePoint> curve = new BerSweep(config.seed(), config.trials()).run(grid, evaluator,
                (i, n, p) -> log.accept(String.format("%s  BER %.3g: mean %.4f, min %.4f", sweepProgress.line(i + 1),
                        p.ber(), p.mean(), p.min())), trials);
        double sweepSeconds = (System.nanoTime() - t1) / 1e9;

        OptionalDouble tolerable = new ToleranceCriterion(baseline, config.delta()).tolerableBer(curve);
        double vNominal = spec.coreVolts();
        StreamingInference pass = StreamingInference.layout(weightRegions(stored), test.size(), test.imageSize(),
                (long) test.numClasses() * OUTPUT_BYTES_PER_CLASS, org.bytesPerRow());
        AccessCounts counts = pass.replay(new OpenPageCounter(mapping));
        // one pricing for the headline, every device's point and the spread: this pass's accesses
        DemoAccessPricing pricing = new DemoAccessPricing(spec, VoltageTimingTable.builtin(), counts);
        OperatingPoints operatingPoints = new OperatingPoints(devices, pricing, scaling, OperatingPointRequest.FLOOR,
                OperatingPointRequest.BOUND);
        List<OperatingPoint> points = operatingPoints.at(tolerable.orElse(0));
        OperatingPoint median = OperatingPoints.median(points);
        double vChosen = median.chosen();

        var dram = new Dram(spec.name(), spec.core().name(), config.scaling(), ADDRESS_ORDER, "sequential",
                devices.selector() + " (" + points.size() + " devices; the chosen voltage is the median device's)",
                "device voltages scaled by " + vNominal + " V / " + devices.nominal() + " V", "uniform (EDEN model 0)");
        var op = new ChosenPoint(tolerable.isPresent() ? median.limitedBy().label() : "tolerance", median.device().name(),
                scaling.toString(), VoltageScaling.REASONING, median.energySavingLinear(), median.energySavingQuadratic(),
                median.latencyChange(), OperatingPointSummary.summary(points), OperatingPointSummary.rows(points),
                OperatingPointSummary.savingCurve(operatingPoints, OperatingPointSummary.CURVE_TOLERANCES),
                pricing.pricedOn());
        return new DemoResult(fp32, baseline, curve, tolerable, vNominal, vChosen, median.berAtChosen(),
                pricing.joules(vNominal, scaling), pricing.joules(vChosen, scaling), counts, stored.bytes(), test.size(),
                cached[0], trainSeconds, sweepSeconds, Json.fields(dram), config.describe(), Provenance.describe(),
                Json.fields(op));
    }

    /**
     * The DRAM side of a demo run, result.json's {@code dram}: the part and its core rail, the energy law, how the
     * weights are laid out, whose BER(VDD) data chose the voltage and the error model.
     */
    private record Dram(String part, String coreRail, String energyLaw, String addressMapping, String placement,
            String berDevices, String berTableMapping, String errorModel) {
    }

    /**
     * The operating point the demo chose, result.json's {@code operating_point}: the median device's ({@link
     * OperatingPoints#median}), what limited it and its savings under both laws, the spread over the devices and the
     * saving versus tolerance curve, and what the savings are priced on.
     */
    private record ChosenPoint(String limitedBy, String device, String energyLaw, String energyLawReasoning,
            double energySavingLinear, double energySavingQuadratic, double latencyChange, Map<String, Object> devicesSummary,
            List<Map<String, Object>> devices, List<Map<String, Object>> savingVsTolerance, String pricedOn) {
    }

    private Sequential trainedModel(ImageDataset train, boolean[] cached) {
        int[] sizes = new int[config.hidden().length + 2];
        sizes[0] = train.imageSize();
        System.arraycopy(config.hidden(), 0, sizes, 1, config.hidden().length);
        sizes[sizes.length - 1] = train.numClasses();
        TrainConfig tc = TrainConfig.defaults(config.epochs(), config.seed());
        String description = "mlp " + java.util.Arrays.toString(sizes) + " " + tc + " data " + fingerprint(train);
        ModelCache cache = new ModelCache(config.cacheDir());
        String key = ModelCache.key(description);
        if (config.useCache()) {
            Optional<Sequential> hit = cache.get(key);
            if (hit.isPresent()) {
                log.accept("model: reusing cached MLP " + cache.fileFor(key));
                cached[0] = true;
                return hit.get();
            }
        }
        log.accept("model: training MLP " + java.util.Arrays.toString(sizes) + " for " + tc.epochs() + " epochs");
        Sequential model = Mlp.create(sizes, config.seed());
        ProgressLine trainProgress = new ProgressLine("training", tc.epochs());
        new Trainer(tc).train(model, train, (epoch, loss, seconds) -> log.accept(
                String.format("%s  loss %.4f", trainProgress.line(epoch), loss)));
        if (config.useCache()) {
            cache.put(key, model, Map.of("description", description));
        }
        return model;
    }

    /** The demo's address mapping ({@link #ADDRESS_ORDER}) for {@code org}: any part, rows a power of two or not. */
    static AddressMapping addressMapping(Organization org) {
        return AddressMapping.of(ADDRESS_ORDER, org);
    }

    static DramGeometry geometryOf(Organization org) {
        int subarrays = Math.max(1, org.rows() / org.subarrayRows());
        return new DramGeometry(org.channels(), org.ranks(), org.banks(), subarrays, org.rows() / subarrays,
                Math.toIntExact(org.bytesPerRow()));
    }

    private static List<DataRegion> weightRegions(StoredWeights stored) {
        List<DataRegion> regions = new ArrayList<>();
        for (StoredTensor t : stored.image().tensors()) {
            regions.add(new DataRegion(t.name(), t.offset(), t.byteLength()));
        }
        return regions;
    }

    /** CRC32C of the training images and labels: identifies the data a cached model was trained on. */
    private static String fingerprint(ImageDataset d) {
        CRC32C crc = new CRC32C();
        crc.update(d.pixels());
        crc.update(d.labels());
        return d.size() + "x" + d.rows() + "x" + d.cols() + ":" + Long.toHexString(crc.getValue());
    }
}
