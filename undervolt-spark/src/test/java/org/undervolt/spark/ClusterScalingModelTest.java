package org.undervolt.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The scaling model's calibration and prediction on runs made up so that the answer is known exactly. */
class ClusterScalingModelTest {

    /** A run of 1000 trials of 0.02 core-seconds each, 1 job, 2 ms per task and 0.5 s per job on the driver. */
    private static ClusterScalingModel.Run run(int cores) {
        int tasks = 4 * cores;
        double executor = 1000 * 0.02;
        double spark = executor / cores + 0.5 + tasks * 0.002;
        return new ClusterScalingModel.Run(cores, 1000, 1, tasks, spark, 1000 * 1e-5, executor, 1_000_000, 10);
    }

    @Test
    void fitRecoversTheConstantsOfTwoRuns() {
        ClusterScalingModel.Fit f = ClusterScalingModel.fit(List.of(run(1), run(2)));
        assertThat(f.trial()).isCloseTo(0.02, within(1e-12));
        assertThat(f.record()).isCloseTo(1e-5, within(1e-15));
        assertThat(f.job()).isCloseTo(0.5, within(1e-9));
        assertThat(f.launch()).isCloseTo(0.002, within(1e-9));
    }

    @Test
    void predictionAddsTheTermsAndNamesTheLargestSerialOne() {
        ClusterScalingModel.Fit f = new ClusterScalingModel.Fit(0.02, 1e-5, 0.5, 0.002, 1_000_000);
        // 100 000 trials in 5 jobs on 64 cores, 4 per executor, 1e8 B/s
        ClusterScalingModel.Point p = ClusterScalingModel.predict(f, 64, 100_000, 20_000, 4, 1e8);
        assertThat(p.compute()).isCloseTo(100_000 * 0.02 / 64, within(1e-9));
        assertThat(p.driver()).isCloseTo(5 * 0.5 + 5 * 4 * 64 * 0.002, within(1e-9));
        assertThat(p.store()).isCloseTo(1.0, within(1e-9));
        assertThat(p.broadcast()).isCloseTo(5 * 1e6 * 16 / 1e8, within(1e-9));
        assertThat(p.total()).isCloseTo(p.compute() + p.driver() + p.store() + p.broadcast(), within(1e-9));
        assertThat(p.efficiency()).isCloseTo(p.compute() / p.total(), within(1e-12));
        assertThat(p.limit()).isEqualTo("driver");
        // more cores: compute shrinks, the driver's per-task launches grow
        assertThat(ClusterScalingModel.predict(f, 256, 100_000, 20_000, 4, 1e8).efficiency()).isLessThan(p.efficiency());
    }

    @Test
    void noisyRunsNeverGiveANegativeCost() {
        ClusterScalingModel.Run a = new ClusterScalingModel.Run(1, 100, 1, 4, 3.0, 0.01, 2.0, 10, 5);
        ClusterScalingModel.Run b = new ClusterScalingModel.Run(2, 100, 1, 8, 1.5, 0.01, 2.0, 10, 5);
        ClusterScalingModel.Fit f = ClusterScalingModel.fit(List.of(a, b));
        assertThat(f.job()).isGreaterThanOrEqualTo(0);
        assertThat(f.launch()).isGreaterThanOrEqualTo(0);
    }
}
