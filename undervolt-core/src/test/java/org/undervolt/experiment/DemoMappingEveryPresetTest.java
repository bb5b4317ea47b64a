package org.undervolt.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.undervolt.dram.access.AccessCounts;
import org.undervolt.dram.access.AddressMapping;
import org.undervolt.dram.access.DramAddress;
import org.undervolt.dram.access.OpenPageCounter;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.dram.spec.Organization;
import org.undervolt.mapping.DataRegion;
import org.undervolt.mapping.StreamingInference;

/** The demo's address mapping (bank above row above column) on every preset of the registry, every row included. */
class DemoMappingEveryPresetTest {

    static List<String> presets() {
        return DramPresets.names();
    }

    @ParameterizedTest
    @MethodSource("presets")
    void everyRowOfEveryBankRoundTrips(String preset) {
        Organization o = DramPresets.get(preset).organization();
        AddressMapping m = DemoPipeline.addressMapping(o);
        long rowBytes = o.bytesPerRow();
        long lastColumn = rowBytes - o.bytesPerBurst();
        for (int bank = 0; bank < o.banks(); bank++) {
            for (int row = 0; row < o.rows(); row++) {
                long address = ((long) bank * o.rows() + row) * rowBytes + lastColumn;
                DramAddress a = m.decode(address);
                if (a.bank() != bank || a.row() != row || a.column() != o.columns() - o.burstLength()) {
                    assertThat(a).as(preset + " bank " + bank + " row " + row).isNull();
                }
            }
        }
        DramAddress last = m.decode(o.capacityBytes() - 1);
        assertThat(last.bank()).isEqualTo(o.banks() - 1);
        assertThat(last.row()).isEqualTo(o.rows() - 1);
    }

    @ParameterizedTest
    @MethodSource("presets")
    void theDemosInferencePassReplaysOnThePart(String preset) {
        Organization o = DramPresets.get(preset).organization();
        // the demo's layout: 784-256-10 INT8 weights, then 100 test images and their outputs
        List<DataRegion> weights = List.of(new DataRegion("dense1", 0, 784 * 256), new DataRegion("dense2", 784 * 256, 2560));
        StreamingInference pass = StreamingInference.layout(weights, 100, 784, 40, o.bytesPerRow());
        AccessCounts c = pass.replay(new OpenPageCounter(DemoPipeline.addressMapping(o)));
        assertThat(c.reads()).isPositive();
        assertThat(c.hits() + c.misses() + c.conflicts()).isEqualTo(c.reads() + c.writes());
    }
}
