package org.undervolt.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.Split;
import org.undervolt.data.SyntheticDatasets;
import org.undervolt.fault.Injector;
import org.undervolt.mapping.DramModule;
import org.undervolt.mapping.LocationStorage;
import org.undervolt.mapping.NetworkShapes;
import org.undervolt.mapping.Tolerances;
import org.undervolt.mapping.WeakSubarrayModel;
import org.undervolt.random.Seeds;
import org.undervolt.resilience.Acceptance;
import org.undervolt.resilience.EvaluationMode;
import org.undervolt.resilience.ReadCorrection;
import org.undervolt.resilience.SnnFaultAwareTrainer;
import org.undervolt.resilience.SnnStoredTrials;
import org.undervolt.resilience.SnnToleranceRun;
import org.undervolt.resilience.ToleranceSearch;
import org.undervolt.snn.SnnModel;
import org.undervolt.snn.SnnModelFile;
import org.undervolt.storage.DramImage;
import org.undervolt.storage.DramLocation;
import org.undervolt.storage.Formats;
import org.undervolt.storage.Placement;
import org.undervolt.usecase.MapRequest;
import org.undervolt.usecase.MapResult;
import org.undervolt.usecase.MapUseCase;

/**
 * SparkXD's weak subarrays as the one location model of a sparkxd run (issue 16, item 6): fault-aware training, the
 * tolerance trials and the placement see the same device, seed and unsafe subarrays at every voltage.
 */
class LocationStorageTest {
    private final ImageDataset test = TinySnn.DATA.load(Split.TEST);

    private static PipelineConfig quick(String weakFraction) {
        return PipelineConfig.preset("sparkxd", "quick").withSettings(List.of("weak_fraction=" + weakFraction));
    }

    @Test
    void weakFractionOneKeepsTheUniformPath() {
        assertThat(MappingStage.location(quick("1"))).isNull();
        assertThat(MappingStage.settings(quick("1"), "sparkxd").weak().planDevice()).isNull();
    }

    @Test
    void faultAwareTrainingToleranceAndPlacementSeeTheSameUnsafeSubarrays() {
        PipelineConfig c = quick("0.1");
        LocationStorage where = MappingStage.location(c);
        // the placement of the same config, at some tolerance: it plans with the location model's device and seed
        MapResult plan = MapUseCase.run(new MapRequest(NetworkShapes.resolve("snn", null, 100, "fp32"),
                new Tolerances(Map.of("weights", 1e-4, "ifm", 0.0)), MappingStage.settings(c, "sparkxd")));
        assertThat(plan.ber().vddDevice().name()).isEqualTo(where.weakSubarrays().ber().vddDevice().name());
        DramModule m = where.module();
        assertThat(plan.module().geometry()).isEqualTo(m.geometry());
        WeakSubarrayModel weak = where.weakSubarrays();
        SnnFaultAwareTrainer.Config fat = new SnnFaultAwareTrainer.Config(new double[] {1e-4}, 1, 1,
                Formats.byName("fp32"), org.undervolt.dram.error.UniformErrorModel::new, 1).on(where);
        int seen = 0;
        for (double ber : new double[] {1e-7, 1e-5, 1e-4, 5e-4, where.maxBer()}) {
            double v = where.volts(ber);
            for (int b = 0; b < m.totalBanks(); b++) {
                for (int s = 0; s < m.subarraysPerBank(); s++) {
                    assertThat(plan.where().ber(b, s, v) > 0).isEqualTo(weak.unsafe(b, s, v));
                }
            }
            // flips of a FAT read and of a tolerance trial land only in the subarrays the placement calls unsafe
            float[] w = new float[784 * 100];
            java.util.Arrays.fill(w, 0.5f);
            for (var errors : List.of(fat.errorModel().apply(ber), where.errors(ber))) {
                DramImage img = DramImage.builder(fat.placement()).add("w", new int[] {784, 100}, w, Formats.byName("fp32"))
                        .build();
                List<Long> bits = new ArrayList<>();
                Injector.inject(img, 0, img.size(), errors, Seeds.stream(3, (long) (ber * 1e9)), bits::add);
                for (long bit : bits) {
                    DramLocation loc = fat.placement().locate(bit / 8);
                    assertThat(plan.where().ber(loc.flatBank(m.geometry()), loc.subarray(), v)).isPositive();
                }
                seen += bits.size();
            }
        }
        assertThat(seen).as("some flips at the device's floor").isPositive();
    }

    @Test
    void itsErrorsAreTheRegistrysWeakSubarrayModelAndFlipTheBitsTheyFlippedBefore() {
        LocationStorage where = MappingStage.location(quick("0.1"));
        assertThat(where.errorModel()).isEqualTo("weak-subarray:device=" + where.weakSubarrays().ber().vddDevice().name()
                + ",part=LPDDR3-1600_4Gb_x32");
        assertThat(where.key()).isEqualTo("location:" + where.weakSubarrays().ber().vddDevice().name()
                + ":seed=1:part=LPDDR3-1600_4Gb_x32"); // the point stores' identity as before the registry named it
        float[] w = new float[784 * 40];
        java.util.Arrays.fill(w, 0.375f);
        long flips = 0;
        for (double ber : new double[] {1e-6, 1e-4, where.maxBer(), 1e-2}) {
            // the model as LocationStorage built it before it went through the registry
            var before = where.weakSubarrays().errorModel(where.volts(ber));
            var now = where.errors(ber);
            assertThat(now.name()).startsWith("weak-subarray(");
            DramImage a = DramImage.builder(where.placement()).add("w", new int[] {784, 40}, w, Formats.byName("fp32")).build();
            DramImage b = DramImage.builder(where.placement()).add("w", new int[] {784, 40}, w, Formats.byName("fp32")).build();
            flips += Injector.inject(a, "w", before, Seeds.stream(4, (long) (ber * 1e9)));
            Injector.inject(b, "w", now, Seeds.stream(4, (long) (ber * 1e9)));
            assertThat(b.bytes()).isEqualTo(a.bytes());
        }
        assertThat(flips).isPositive();
    }

    @Test
    void survivesSerialisationWithTheSameKeyAndErrors() throws Exception {
        LocationStorage where = MappingStage.location(quick("0.1"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(where);
        }
        LocationStorage back;
        try (ObjectInputStream i = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (LocationStorage) i.readObject();
        }
        assertThat(back.key()).isEqualTo(where.key());
        double top = where.maxBer();
        assertThat(back.maxBer()).isEqualTo(top);
        Placement p = where.placement();
        float[] w = new float[784 * 20];
        java.util.Arrays.fill(w, 0.25f);
        DramImage a = DramImage.builder(p).add("w", new int[] {784, 20}, w, Formats.byName("fp32")).build();
        DramImage b = DramImage.builder(back.placement()).add("w", new int[] {784, 20}, w, Formats.byName("fp32")).build();
        Injector.inject(a, "w", where.errors(top), Seeds.stream(8, 1));
        Injector.inject(b, "w", back.errors(top), Seeds.stream(8, 1));
        assertThat(b.bytes()).isEqualTo(a.bytes());
    }

    @Test
    void aLocationTrialIsTheSameOnAnyThreadCount() throws Exception {
        SnnModel model = SnnModelFile.read(new ByteArrayInputStream(TinySnn.model()), "tiny");
        LocationStorage where = MappingStage.location(quick("0.1"));
        for (double ber : new double[] {1e-5, where.maxBer()}) {
            var one = new SnnStoredTrials(model, Formats.byName("fp32"), where, test, 20, 1, ReadCorrection.ZERO)
                    .evaluate(ber, Seeds.stream(4, 2));
            var three = new SnnStoredTrials(model, Formats.byName("fp32"), where, test, 20, 3, ReadCorrection.ZERO)
                    .evaluate(ber, Seeds.stream(4, 2));
            assertThat(three).isEqualTo(one);
        }
    }

    @Test
    void theToleranceSearchRunsOnTheDevicesAxisAndSaysWhichModelDecided(@TempDir Path tmp) throws Exception {
        Path model = tmp.resolve("tiny.uvsnn");
        Files.write(model, TinySnn.model());
        LocationStorage where = MappingStage.location(quick("0.1"));
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            Path out = Files.createDirectories(tmp.resolve("t" + threads));
            var o = new SnnToleranceRun.Options(model, Formats.byName("fp32"), "uniform", 1, ReadCorrection.ZERO,
                    new ToleranceSearch.Settings(1e-5, 0.1, 1, 1, 2, 7), 0.05, Acceptance.Rule.parse("mean"), 20, threads,
                    null, out, EvaluationMode.FULL, where);
            runs.add(SnnToleranceRun.run(o, test, m -> { }).json());
        }
        assertThat(runs.get(1).get("coarse")).isEqualTo(runs.get(0).get("coarse"));
        @SuppressWarnings("unchecked")
        Map<String, Object> loc = (Map<String, Object>) runs.get(0).get("location");
        assertThat(loc).isEqualTo(runs.get(1).get("location"));
        // 10 neurons x 784 FP32 weights = 31,360 bytes: 8 rows of 4 KiB, one in each of 8 subarrays (DRMap)
        assertThat((String) loc.get("line")).matches("weak-subarray: \\d+ of 8 weight subarrays unsafe at [0-9.]+ V .*");
        assertThat(loc.get("device")).isEqualTo(where.weakSubarrays().ber().vddDevice().name());
        // the axis stops at the first grid point at or above the device's BER at its lowest voltage (A4: 1.6e-3)
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> curve = (List<Map<String, Object>>) ((Map<String, Object>) runs.get(0).get("coarse"))
                .get("curve");
        assertThat(where.maxBer()).isCloseTo(0.81877836585 / 512, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(curve).extracting(p -> ((Number) p.get("ber")).doubleValue()).containsExactly(1e-5, 1e-4, 1e-3, 1e-2);
        // the tiny network holds its accuracy there: the tolerable voltage is the device's lowest, its BER the device's
        assertThat(((Number) loc.get("vdd")).doubleValue()).isEqualTo(where.weakSubarrays().ber().lowestVolts());
        assertThat(((Number) loc.get("module_ber")).doubleValue()).isCloseTo(where.maxBer(),
                org.assertj.core.data.Offset.offset(1e-15));
        assertThat(Files.readString(tmp.resolve("t1/tolerance.json"))).contains("\"location\"").contains("weak-subarray: ");
    }

    @Test
    void theTinyPipelineSaysWhichModelDecidedInItsSummary(@TempDir Path tmp) throws Exception {
        ImageDataset data = SyntheticDatasets.separableBlobs(360, 28, 28, 10, 7);
        for (String f : new String[] {"0.1", "1"}) {
            PipelineConfig c = PipelineResumeTest.tinySparkxd().withSettings(List.of("weak_fraction=" + f));
            Map<String, Object> s = new PipelineRun(SparkxdPipeline.KIND, c, tmp.resolve("w" + f), null, 1, null)
                    .run(data.slice(0, 300), data.slice(300, 360), m -> { });
            assertThat((String) s.get("weight_errors")).startsWith(f.equals("1") ? "uniform" : "weak-subarray: ");
            // FAT's steps read through the same model: each step's voltage and unsafe weight subarrays are kept
            String fat = Files.readString(tmp.resolve("w" + f).resolve("stages/fault-aware-training.json"));
            assertThat(fat.contains("\"location_steps\"")).isEqualTo(!f.equals("1"));
        }
    }
}
