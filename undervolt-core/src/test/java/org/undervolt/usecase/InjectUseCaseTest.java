package org.undervolt.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.error.ErrorModel;
import org.undervolt.dram.error.ErrorModelRegistry;
import org.undervolt.storage.Formats;

/** {@code undervolt errors inject}'s work as a library call: the flips it counted, the same as the command printed. */
class InjectUseCaseTest {

    private static InjectRequest request(String model, double ber, long bits, int trials, long seed) {
        ErrorModel m = ErrorModelRegistry.family(model, 1).atBer(ber);
        return new InjectRequest(Formats.byName("int8"), m, ber, bits, trials, seed);
    }

    @Test
    void countsWhatTheCommandPrinted() {
        // undervolt errors inject --format int8 --ber 1e-3 --bits 100000 --trials 3 --seed 5 --json printed
        // {"format":"int8","model":"uniform(ber=0.001, sampler=blocked)","ber":0.001,"bits":100000,"trials":3,
        //  "flips":301,"expected_flips":300.0,...,"seed":5} before the loop moved here
        InjectResult r = InjectUseCase.run(request("uniform", 1e-3, 100_000, 3, 5));
        assertThat(r.format()).isEqualTo("int8");
        assertThat(r.model()).isEqualTo("uniform(ber=0.001, sampler=blocked)");
        assertThat(r.bits()).isEqualTo(100_000);
        assertThat(r.trials()).isEqualTo(3);
        assertThat(r.flips()).isEqualTo(301);
        assertThat(r.expectedFlips()).isEqualTo(300.0);
        assertThat(r.seed()).isEqualTo(5);
        assertThat(r.seconds()).isPositive();
    }

    @Test
    void aWeakFractionThatMissesTheTensorFlipsNothing() {
        // undervolt errors inject --error-model location:0.1 --ber 1e-3 --bits 400000 --seed 3: flips 0, expected 0
        InjectResult r = InjectUseCase.run(request("location:0.1", 1e-3, 400_000, 1, 3));
        assertThat(r.model()).isEqualTo("location(weak-fraction=0.1, granularity=subarray, cell-rate=0.01, weak=fixed(device=1))");
        assertThat(r.flips()).isZero();
        assertThat(r.expectedFlips()).isZero();
    }

    @Test
    void sameSeedSameFlipsAndBerZeroFlipsNothing() {
        assertThat(InjectUseCase.run(request("uniform", 1e-2, 80_000, 4, 9)).flips())
                .isEqualTo(InjectUseCase.run(request("uniform", 1e-2, 80_000, 4, 9)).flips());
        assertThat(InjectUseCase.run(request("uniform", 0, 80_000, 2, 9)).flips()).isZero();
    }

    @Test
    void badValuesAreNamedByKey() {
        assertThatThrownBy(() -> request("uniform", 1e-3, 1000, 0, 1)).isInstanceOf(BadSetting.class)
                .hasMessage("trials: 0; expected a positive count");
        assertThatThrownBy(() -> request("uniform", 1e-3, 0, 1, 1)).isInstanceOf(BadSetting.class)
                .hasMessage("bits: 0 bits do not fit: need 1 .. 4294967296 bits");
        assertThat(((BadSetting) catchBad(() -> request("uniform", 1e-3, 0, 1, 1))).named(SettingNames.options(java.util.Map.of()))
                .getMessage()).isEqualTo("--bits: 0 bits do not fit: need 1 .. 4294967296 bits");
    }

    private static Throwable catchBad(Runnable r) {
        try {
            r.run();
        } catch (BadSetting e) {
            return e;
        }
        throw new AssertionError("no BadSetting");
    }
}
