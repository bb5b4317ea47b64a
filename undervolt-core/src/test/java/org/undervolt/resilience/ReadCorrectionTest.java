package org.undervolt.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;

class ReadCorrectionTest {
    private static final float[] READ = {-1f, 0f, 0.5f, 1f, 1.0000001f, 2f, Float.NaN, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, -0f, Float.MIN_VALUE};

    private static float[] corrected(ReadCorrection c) {
        float[] w = READ.clone();
        c.apply(w);
        return w;
    }

    @Test
    void clampMovesOutOfRangeValuesToTheNearestEndAndNanToZero() {
        assertThat(corrected(ReadCorrection.CLAMP)).containsExactly(0f, 0f, 0.5f, 1f, 1f, 1f, 0f, 1f, 0f, -0f,
                Float.MIN_VALUE);
    }

    @Test
    void zeroRemovesEveryValueOutsideTheRange() {
        assertThat(corrected(ReadCorrection.ZERO)).containsExactly(0f, 0f, 0.5f, 1f, 0f, 0f, 0f, 0f, 0f, -0f,
                Float.MIN_VALUE);
    }

    @Test
    void noneLeavesTheValuesAndCountsNothing() {
        float[] w = READ.clone();
        assertThat(ReadCorrection.NONE.apply(w)).isZero();
        assertThat(w).usingElementComparator(Float::compare).containsExactly(READ);
        assertThat(ReadCorrection.CLAMP.apply(READ.clone())).isEqualTo(6);
    }

    @Test
    void namesParseAndBadOnesSayWhatIsExpected() {
        assertThat(ReadCorrection.parse(" Zero ")).isEqualTo(ReadCorrection.ZERO);
        assertThat(ReadCorrection.CLAMP.id()).isEqualTo("clamp");
        assertThatThrownBy(() -> ReadCorrection.parse("saturate")).isInstanceOf(InvalidInputException.class)
                .hasMessage("read correction 'saturate': expected none, clamp or zero");
    }
}
