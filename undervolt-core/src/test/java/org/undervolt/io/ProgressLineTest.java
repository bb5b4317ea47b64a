package org.undervolt.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void barAndEstimateFollowTheFinishedShare() {
        ProgressLine p = new ProgressLine("sweep", 13, 0);
        assertThat(p.line(0, 5 * SECOND)).isEqualTo("sweep [--------------------]  0/13  ETA ?");
        // 4 of 13 in 8 s: 2 s an item, 9 left
        assertThat(p.line(4, 8 * SECOND)).isEqualTo("sweep [######--------------]  4/13  ETA 18 s");
        assertThat(p.line(13, 26 * SECOND)).isEqualTo("sweep [####################] 13/13  done in 26 s");
    }

    @Test
    void durationsReadNaturally() {
        assertThat(ProgressLine.duration(59.4)).isEqualTo("59 s");
        assertThat(ProgressLine.duration(185)).isEqualTo("3 min 05 s");
        assertThat(ProgressLine.duration(3720)).isEqualTo("1 h 02 min");
    }
}
