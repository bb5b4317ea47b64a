package org.undervolt.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Issue 16: before and after retraining get different operating points, or the summary says why not. */
class RetrainingPointsTest {
    private final PipelineConfig eden = PipelineConfig.preset("eden", "lenet5-int8");

    @SuppressWarnings("unchecked")
    private static double chosen(Map<String, Object> r, String which) {
        return ((Number) ((Map<String, Object>) r.get(which)).get("chosen_vdd")).doubleValue();
    }

    @Test
    void aHigherToleranceAfterRetrainingLowersTheMedianDevicesVoltage() {
        Map<String, Object> r = RetrainingPoints.of(eden, 1e-8, 1e-4);
        assertThat(r.get("differ")).isEqualTo(true);
        assertThat(r.get("why_not")).isNull();
        assertThat(chosen(r, "with_retraining")).isLessThan(chosen(r, "without_retraining"));
    }

    @Test
    void theSameToleranceGivesTheSamePointAndSaysSo() {
        // the README's old lenet5-int8 figure: 8.66e-4 before and after retraining
        Map<String, Object> r = RetrainingPoints.of(eden, 8.66e-4, 8.66e-4);
        assertThat(r.get("differ")).isEqualTo(false);
        assertThat((String) r.get("why_not")).contains("did not raise the tolerable BER");
    }

    @Test
    void whenTheDataStopsBothTheSummaryNamesTheFloor() {
        // at 1e-3 and 1e-2 every Voltron DIMM's median device already sits at its lowest measured voltage
        Map<String, Object> r = RetrainingPoints.of(eden, 1e-3, 1e-2);
        assertThat(r.get("differ")).isEqualTo(false);
        assertThat((String) r.get("why_not")).contains("limited by data-floor");
        assertThat(chosen(r, "with_retraining")).isEqualTo(chosen(r, "without_retraining"));
        // no tolerance found (a negative or missing value) counts as 0: the lowest voltage with no measured errors
        assertThat(RetrainingPoints.of(eden, null, -1.0).get("differ")).isEqualTo(false);
    }
}
