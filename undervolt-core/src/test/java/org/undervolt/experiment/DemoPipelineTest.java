package org.undervolt.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.data.DataSource;
import org.undervolt.data.IdxWriter;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;

class DemoPipelineTest {

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void writeTinyDataSet() {
        ImageDataset all = SyntheticDatasets.separableBlobs(700, 8, 8, 4, 11);
        ImageDataset train = all.slice(0, 500);
        ImageDataset test = all.slice(500, 700);
        IdxWriter.write(train, dataDir.resolve("train-images-idx3-ubyte"), dataDir.resolve("train-labels-idx1-ubyte"),
                false);
        IdxWriter.write(test, dataDir.resolve("t10k-images-idx3-ubyte.gz"), dataDir.resolve("t10k-labels-idx1-ubyte.gz"),
                true);
    }

    private static DemoConfig config(long seed, Path cache, boolean useCache) {
        return new DemoConfig(DataSource.of("mnist", dataDir), new int[] {16}, 3, seed, 3, 1e-4, 1e-1, 1, 0.01,
                "int8", "LPDDR3-1600_4Gb_x32", "quadratic", null, 0, useCache, cache);
    }

    @Test
    void endToEndOnATinySetIsConsistentAndReproducible(@TempDir Path cache) {
        DemoResult a = new DemoPipeline(config(5, cache, true), m -> { }).run();
        DemoResult b = new DemoPipeline(config(5, cache, false), m -> { }).run();

        assertThat(a.baselineAccuracy()).isGreaterThan(0.9);
        assertThat(a.curve()).hasSize(4);
        assertThat(a.curve().get(0).trials()).isEqualTo(3);
        // retraining without the cache gives the same network, hence the same curve
        assertThat(b.curve()).isEqualTo(a.curve());
        assertThat(b.baselineAccuracy()).isEqualTo(a.baselineAccuracy());
        // at BER 0.1 the 8-bit weights are mostly noise: accuracy falls
        assertThat(a.curve().get(3).mean()).isLessThan(a.baselineAccuracy());

        // the tolerable BER obeys the criterion and the voltage/energy follow from it
        assertThat(a.tolerableBer()).isPresent();
        assertThat(a.vddNominal()).isEqualTo(1.2);
        assertThat(a.vddChosen()).isLessThan(a.vddNominal());
        assertThat(a.berAtChosen()).isLessThanOrEqualTo(a.tolerableBer().getAsDouble() * (1 + 1e-9));
        double ratio = a.vddChosen() / a.vddNominal();
        assertThat(a.energyChosenJ()).isLessThan(a.energyNominalJ());
        // quadratic scaling applies to the VDD2 (core) rail only, so the saving is below 1 - ratio^2
        assertThat(a.energySaving()).isPositive().isLessThan(1 - ratio * ratio);
        // one pricing (issue 18/19): the headline is the median device's point of the lookup, priced on this pass's
        // accesses like every device's, so it is the spread's median and inside it
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> spread = (Map<String, Map<String, Object>>) a.operatingPoint().get("devices_summary");
        assertThat(a.operatingPoint().get("priced_on")).isEqualTo("network inference accesses");
        assertThat(a.vddChosen()).isEqualTo(((Number) spread.get("chosen").get("median")).doubleValue());
        assertThat(a.energySaving()).isEqualTo(((Number) spread.get("energy_saving").get("median")).doubleValue())
                .isBetween(((Number) spread.get("energy_saving").get("min")).doubleValue(),
                        ((Number) spread.get("energy_saving").get("max")).doubleValue());
        assertThat(a.operatingPoint().get("energy_saving_quadratic")).isEqualTo(a.energySaving());
        // INT8 weights: 64 inputs x 16 hidden + 16 hidden x 10 classes (IDX directories hold 10-class sets)
        assertThat(a.weightBytes()).isEqualTo(16 * 64 + 10 * 16);
        // each image writes 10 FP32 logits = 40 bytes, which always spans two 32-byte bursts
        assertThat(a.accesses().writes()).isEqualTo(2 * 200);
        assertThat(a.toJson()).containsKeys("baseline_accuracy", "curve", "tolerable_ber", "vdd_nominal", "vdd_chosen",
                "energy_nominal_j", "energy_chosen_j", "energy_saving");

        // what more tolerance buys: every device's point at 1e-8 ... 1e-1; a device never saves less at a larger
        // tolerance, so neither does the median device; the report plots it with this network's tolerance marked
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> curve = (List<Map<String, Object>>) a.operatingPoint().get("saving_vs_tolerance");
        assertThat(curve).hasSize(15);
        assertThat(((Number) curve.get(0).get("tolerable_ber")).doubleValue()).isCloseTo(1e-8, within(1e-20));
        double previous = -1;
        for (Map<String, Object> row : curve) {
            double median = ((Number) ((Map<String, Object>) row.get("energy_saving")).get("median")).doubleValue();
            assertThat(median).isGreaterThanOrEqualTo(previous);
            previous = median;
        }
        var section = DemoReport.savingVersusTolerance(a);
        assertThat(section).isPresent();
        assertThat(section.get().svg()).contains("this network");
    }

    @Test
    void theSecondRunReusesTheCachedNetwork(@TempDir Path cache) throws Exception {
        DemoResult first = new DemoPipeline(config(9, cache, true), m -> { }).run();
        DemoResult second = new DemoPipeline(config(9, cache, true), m -> { }).run();
        assertThat(first.modelFromCache()).isFalse();
        assertThat(second.modelFromCache()).isTrue();
        assertThat(second.curve()).isEqualTo(first.curve());
        try (var files = Files.list(cache.resolve("models"))) {
            assertThat(files.count()).isEqualTo(1);
        }
    }
}
