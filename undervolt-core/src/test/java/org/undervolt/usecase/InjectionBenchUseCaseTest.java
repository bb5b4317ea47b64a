package org.undervolt.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.error.UniformErrorModel;
import org.undervolt.dram.error.UniformErrorModel.Sampler;
import org.undervolt.io.Json;
import org.undervolt.storage.Formats;

/** {@code undervolt errors bench}'s measuring loop as a library call: the points it measured, in order. */
class InjectionBenchUseCaseTest {

    private static InjectionBenchRequest bothSamplers(List<Long> sizes, List<Double> bers) {
        return new InjectionBenchRequest(Formats.byName("int8"), "int8", "uniform",
                ber -> List.of(new UniformErrorModel(ber, Sampler.SEQUENTIAL), new UniformErrorModel(ber, Sampler.BLOCKED)),
                sizes, bers, 1, 0, 0, 0, 9);
    }

    @Test
    void measuresEverySizeBerAndModelInOrderWithTheFlipsTheCommandPrinted() {
        // undervolt errors bench --bits 80000,160000 --ber 0,1e-2 --repeats 1 --warmup 0 --warmup-ms 0
        //   --first-warmup-ms 0 --sampler both --seed 9 --json printed these flips before the loop moved here
        List<InjectionBenchResult.Point> streamed = new ArrayList<>();
        InjectionBenchResult r = InjectionBenchUseCase.run(bothSamplers(List.of(80_000L, 160_000L), List.of(0.0, 1e-2)),
                streamed::add);
        assertThat(r.points()).isEqualTo(streamed);
        assertThat(r.points()).extracting(InjectionBenchResult.Point::bits)
                .containsExactly(80_000L, 80_000L, 80_000L, 80_000L, 160_000L, 160_000L, 160_000L, 160_000L);
        assertThat(r.points()).extracting(InjectionBenchResult.Point::ber)
                .containsExactly(0.0, 0.0, 1e-2, 1e-2, 0.0, 0.0, 1e-2, 1e-2);
        assertThat(r.points()).extracting(InjectionBenchResult.Point::sampler)
                .containsExactly("sequential", "blocked", "sequential", "blocked", "sequential", "blocked", "sequential", "blocked");
        assertThat(r.points()).extracting(InjectionBenchResult.Point::flips)
                .containsExactly(0L, 0L, 834L, 780L, 0L, 0L, 1650L, 1547L);
        assertThat(r.points()).allSatisfy(p -> {
            assertThat(p.copyMs()).isPositive();
            assertThat(p.ratio()).isEqualTo(p.injectMs() / p.copyMs(), org.assertj.core.api.Assertions.within(1e-9));
        });
    }

    @Test
    void itsJsonKeysAreTheCommands() {
        InjectionBenchResult r = InjectionBenchUseCase.run(bothSamplers(List.of(8_000L), List.of(1e-3)), p -> { });
        Map<String, Object> json = Json.fields(r);
        assertThat(json.keySet()).containsExactly("format", "model", "reps", "timing", "points");
        assertThat(json.get("timing")).isEqualTo("in process, after warm-up; ratio = injection after a copy over the copy, same process");
        @SuppressWarnings("unchecked")
        Map<String, Object> point = ((List<Map<String, Object>>) json.get("points")).get(0);
        assertThat(point.keySet()).containsExactly("bits", "ber", "sampler", "flips", "copy_ms", "inject_ms", "ratio",
                "trial_ms", "trial_extra");
    }

    @Test
    void badValuesAreNamedByKeyBeforeAnythingRuns() {
        assertThatThrownBy(() -> bothSamplers(List.of(80_000L, 0L), List.of(1e-3))).isInstanceOf(BadSetting.class)
                .hasMessage("bits: 0 bits do not fit: need 1 .. 4294967296 bits");
        assertThatThrownBy(() -> bothSamplers(List.of(80_000L), List.of(1.5))).isInstanceOf(BadSetting.class)
                .hasMessage("ber 1.5: expected a bit error rate in [0, 1]");
        assertThatThrownBy(() -> new InjectionBenchRequest(Formats.byName("int8"), "int8", "uniform",
                ber -> List.of(new UniformErrorModel(ber)), List.of(8L), List.of(0.0), 0, 0, 0, 0, 1))
                .isInstanceOf(BadSetting.class).hasMessage("repeats 0: expected an integer >= 1");
    }
}
