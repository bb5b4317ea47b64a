package org.undervolt.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.InvalidInputException;
import org.undervolt.experiment.StoredBerTrials;
import org.undervolt.resilience.BerSweep;

class RunStartTest {

    @Test
    void resumesTheUnfinishedRunOfTheSameKindAndConfigurationOnly(@TempDir Path tmp) {
        try (ResultsStore s = ResultsStore.open(tmp.resolve("u.db"))) {
            RunStart a = RunStart.choose(s, "eden", "{\"x\":1}", 3, "{}", OptionalLong.empty(), false);
            assertThat(a).isEqualTo(new RunStart(1, false));
            assertThat(RunStart.choose(s, "eden", "{\"x\":1}", 3, "{}", OptionalLong.empty(), false))
                    .isEqualTo(new RunStart(1, true));
            assertThat(RunStart.choose(s, "sparkxd", "{\"x\":1}", 3, "{}", OptionalLong.empty(), false))
                    .isEqualTo(new RunStart(2, false));
            assertThat(RunStart.choose(s, "eden", "{\"x\":1}", 3, "{}", OptionalLong.empty(), true))
                    .isEqualTo(new RunStart(3, false));
            s.setStatus(3, RunStatus.FINISHED, "{}");
            assertThat(RunStart.choose(s, "eden", "{\"x\":1}", 3, "{}", OptionalLong.of(3), false))
                    .isEqualTo(new RunStart(3, true));
            assertThat(s.run(3).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);

            assertThatThrownBy(() -> RunStart.choose(s, "demo", "{\"x\":1}", 3, "{}", OptionalLong.of(2), false))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("is a sparkxd run, not a demo run");
            assertThatThrownBy(() -> RunStart.choose(s, "eden", "{\"x\":2,\"y\":0,\"z\":5}", 3, "{}", OptionalLong.of(1),
                    false)).isInstanceOf(InvalidInputException.class).hasMessageContaining("(differs in: x, y, z)");
        }
    }

    @Test
    void perLayerSweepsOfOneRunKeepTheirTrialsApart(@TempDir Path tmp) {
        try (ResultsStore s = ResultsStore.open(tmp.resolve("u.db"))) {
            long run = s.createRun("eden", "{}", 1, "{}");
            double[] grid = {1e-4, 1e-3};
            for (String layer : new String[] {"fc1", "fc2"}) {
                StoredBerTrials t = new StoredBerTrials(s, run, ber -> PointKeys.layerType(layer, "weights", ber));
                new BerSweep(1, 2).run(grid, (ber, rng) -> rng.nextDouble(), (i, n, p) -> { }, t);
                assertThat(t.recorded()).isEqualTo(4);
                assertThat(t.reused()).isZero();
            }
            assertThat(s.trials().count(run)).isEqualTo(8);
            assertThat(s.trials().done(run)).contains(new TrialKey("layer=fc2;type=weights;ber=0.001", 1));
            StoredBerTrials again = new StoredBerTrials(s, run, ber -> PointKeys.layerType("fc1", "weights", ber));
            new BerSweep(1, 2).run(grid, (ber, rng) -> {
                throw new AssertionError("a finished trial was evaluated again");
            }, (i, n, p) -> { }, again);
            assertThat(again.reused()).isEqualTo(4);
            assertThat(Set.copyOf(s.trials().done(run))).hasSize(8);
        }
    }
}
