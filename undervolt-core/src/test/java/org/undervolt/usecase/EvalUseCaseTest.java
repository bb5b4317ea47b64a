package org.undervolt.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.undervolt.data.ImageDataset;
import org.undervolt.data.SyntheticDatasets;
import org.undervolt.dram.error.ErrorModelRegistry;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.nn.model.Sequential;
import org.undervolt.nn.quant.Int8Hooks;
import org.undervolt.nn.quant.Int8Network;
import org.undervolt.nn.zoo.Mlp;
import org.undervolt.storage.Formats;

/** {@code undervolt eval}'s work as a library call: accuracy as trained, stored, and under bit errors. */
class EvalUseCaseTest {
    private static final Sequential MODEL = Mlp.create(new int[] {784, 16, 10}, 1);
    private static final ImageDataset TEST = SyntheticDatasets.separableBlobs(60, 28, 28, 10, 3);

    private static EvalRequest request(Double ber, int trials, long seed) {
        return new EvalRequest(MODEL, TEST, Formats.byName("int8"), DramPresets.get("LPDDR3-1600_4Gb_x32"),
                ErrorModelRegistry.family("uniform", 1), "uniform", ber, trials, seed);
    }

    @Test
    void withoutAFormatItIsTheAccuracyAsTrained() {
        EvalResult r = EvalUseCase.run(new EvalRequest(MODEL, TEST, null, DramPresets.get("LPDDR3-1600_4Gb_x32"),
                ErrorModelRegistry.family("uniform", 1), "uniform", null, 1, 1));
        assertThat(r.stored()).isNull();
        assertThat(r.accuracy()).isEqualTo(r.floatAccuracy()).isBetween(0.0, 1.0);
    }

    @Test
    void berZeroFlipsNothingAndEveryTrialIsTheStoredAccuracy() {
        EvalResult r = EvalUseCase.run(request(0.0, 3, 1));
        assertThat(r.stored().bytes()).isEqualTo(784L * 16 + 16 * 10); // int8: one byte per weight, biases on chip
        assertThat(r.stored().trials().flips()).containsExactly(0L, 0L, 0L);
        assertThat(r.stored().trials().accuracies()).containsOnly(r.stored().baselineAccuracy());
        assertThat(r.accuracy()).isEqualTo(r.stored().baselineAccuracy());
    }

    @Test
    void trialsAreTheSameBitsForTheSameSeedAndFlipAboutBerTimesTheBits() {
        EvalResult a = EvalUseCase.run(request(1e-2, 4, 7));
        EvalResult b = EvalUseCase.run(request(1e-2, 4, 7));
        assertThat(a).isEqualTo(b);
        long bits = 8 * a.stored().bytes();
        double sd = Math.sqrt(bits * 1e-2);
        for (long f : a.stored().trials().flips()) {
            assertThat((double) f).isBetween(bits * 1e-2 - 5 * sd, bits * 1e-2 + 5 * sd);
        }
        assertThat(a.accuracy()).isEqualTo(a.stored().trials().mean());
    }

    @Test
    void theInt8DatapathIsCalibratedOnTheFirstThousandImagesAsEvalDidIt() {
        ImageDataset train = SyntheticDatasets.separableBlobs(1200, 28, 28, 10, 4);
        EvalResult r = EvalUseCase.run(new EvalRequest(MODEL, TEST, null, DramPresets.get("LPDDR3-1600_4Gb_x32"),
                ErrorModelRegistry.family("uniform", 1), "uniform", null, 1, 1, EvalRequest.Datapath.INT8, train));
        // what undervolt eval --datapath int8 computed in the command before this entry point held it
        double before = EvalUseCase.exact(Int8Network.quantize(MODEL, train.slice(0, 1000)).accuracy(TEST, Int8Hooks.NONE));
        assertThat(r.int8Accuracy()).isEqualTo(before).isBetween(0.0, 1.0);
        assertThat(r.floatAccuracy()).isEqualTo(EvalUseCase.run(request(null, 1, 1)).floatAccuracy());
        assertThat(r.accuracy()).isEqualTo(r.floatAccuracy()); // the run stands for the float accuracy, as eval printed
        assertThat(EvalUseCase.run(request(null, 1, 1)).int8Accuracy()).isNull();
    }

    @Test
    void theDatapathIsParsedAndNotOfferedWithBitErrors() {
        assertThat(EvalRequest.Datapath.parse("INT8")).isEqualTo(EvalRequest.Datapath.INT8);
        assertThatThrownBy(() -> EvalRequest.Datapath.parse("double")).isInstanceOf(BadSetting.class)
                .hasMessage("datapath double: expected float or int8");
        assertThatThrownBy(() -> new EvalRequest(MODEL, TEST, Formats.byName("int8"), DramPresets.get("LPDDR3-1600_4Gb_x32"),
                ErrorModelRegistry.family("uniform", 1), "uniform", 1e-3, 1, 1, EvalRequest.Datapath.INT8, TEST))
                .isInstanceOf(BadSetting.class)
                .hasMessage("datapath int8 with ber: bit errors on the integer datapath are not offered yet")
                .satisfies(e -> assertThat(((BadSetting) e).named(SettingNames.options(java.util.Map.of())))
                        .hasMessage("--datapath int8 with --ber: bit errors on the integer datapath are not offered yet"));
    }

    @Test
    void badValuesAreNamedByKey() {
        assertThatThrownBy(() -> request(1.5, 1, 1)).isInstanceOf(BadSetting.class)
                .hasMessage("ber 1.5: expected a bit error rate in [0, 1]");
        assertThatThrownBy(() -> request(1e-3, 0, 1)).hasMessage("trials 0: expected an integer in 1..1000000");
    }
}
