package org.undervolt.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.access.AccessCounts;
import org.undervolt.dram.access.AddressMapping;
import org.undervolt.dram.access.OpenPageCounter;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.dram.spec.Organization;

class StreamingInferenceTest {

    private final Organization lpddr3 = DramPresets.get("LPDDR3-1600_4Gb_x32").organization();

    @Test
    void regionsStartOnFreshRowsAfterTheWeights() {
        long row = lpddr3.bytesPerRow();
        var pass = StreamingInference.layout(List.of(new DataRegion("w", 0, 5000)), 3, 784, 40, row);
        assertThat(pass.images().address()).isEqualTo(2 * row);
        assertThat(pass.images().bytes()).isEqualTo(3 * 784);
        assertThat(pass.outputs().address()).isEqualTo(3 * row);
        assertThat(pass.bytesPerImage()).isEqualTo(784 + 5000 + 40);
        assertThat(pass.stepsFor(1).get(0).region().address()).isEqualTo(2 * row + 784);
    }

    @Test
    void replayCountsEveryBurstAndClassifiesRowBufferStatesExactly() {
        // One bank (bank:row:column mapping, everything below 1 bank's size): weights fill 2 rows,
        // images sit in row 2, outputs in row 3.
        long row = lpddr3.bytesPerRow();
        int burst = lpddr3.bytesPerBurst();
        var pass = StreamingInference.layout(List.of(new DataRegion("w", 0, 2 * row)), 2, burst, burst, row);
        AccessCounts c = pass.replay(new OpenPageCounter(AddressMapping.of("bank:row:column", lpddr3)));
        long weightBursts = 2 * row / burst;
        // per image: 1 image burst + weight bursts (reads) and 1 output burst (write)
        assertThat(c.reads()).isEqualTo(2 * (1 + weightBursts));
        assertThat(c.writes()).isEqualTo(2);
        // image 0: image row 2 -> miss; w row 0 conflict; w row 1 conflict; output row 3 conflict
        // image 1: image row 2 conflict; row 0 conflict; row 1 conflict; output row 3 conflict
        assertThat(c.misses()).isEqualTo(1);
        assertThat(c.conflicts()).isEqualTo(7);
        assertThat(c.hits()).isEqualTo(c.reads() + c.writes() - 8);
    }
}
