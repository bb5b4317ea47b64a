package org.undervolt.dram.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.undervolt.InvalidInputException;
import org.undervolt.dram.energy.AccessEnergyModel;
import org.undervolt.dram.energy.CommandEnergies;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.Organization;

class OpenPageCounterTest {
    private final DramSpec lpddr3 = DramPresets.get("LPDDR3-1600_4Gb_x32");
    private final Organization org = lpddr3.organization();
    private static final long ROW_BYTES = 4096; // 1024 columns x 32 bit

    @Test
    void rowBankColumnDecodesFieldsFromTheTop() {
        AddressMapping m = AddressMapping.of("row:bank:column", org);
        // offset 5 bits (32 B burst), column 7 bits (128 bursts), bank 3 bits, row 14 bits
        long a = (5L << (5 + 7 + 3)) | (3L << (5 + 7)) | (17L << 5) | 9;
        assertThat(m.decode(a)).isEqualTo(new DramAddress(0, 0, 0, 3, 5, 17 * 8));
        assertThat(m.flatBank(a)).isEqualTo(3);
        assertThat(m.row(a)).isEqualTo(5);
        AddressMapping ramulatorStyle = AddressMapping.of("RoBaCo", org);
        assertThat(ramulatorStyle.decode(a)).isEqualTo(m.decode(a));
    }

    @Test
    void bankRowColumnPutsBankOnTop() {
        AddressMapping m = AddressMapping.of("bank:row:column", org);
        long a = (6L << (5 + 7 + 14)) | (100L << (5 + 7)) | (1L << 5);
        assertThat(m.decode(a)).isEqualTo(new DramAddress(0, 0, 0, 6, 100, 8));
    }

    @Test
    void sequentialStreamHitsExceptAtRowStarts() {
        OpenPageCounter c = new OpenPageCounter(AddressMapping.of("row:bank:column", org));
        c.accessRange(0, 16 * ROW_BYTES, false); // 16 rows' worth: banks 0..7 of row 0, then row 1
        AccessCounts n = c.counts();
        assertThat(n.reads()).isEqualTo(16 * 128);
        assertThat(n.misses()).isEqualTo(8);      // first touch of each bank
        assertThat(n.conflicts()).isEqualTo(8);   // row 1 replaces row 0 in every bank
        assertThat(n.hits()).isEqualTo(16 * 127);
        assertThat(c.openBanks()).isEqualTo(8);
    }

    @Test
    void bankRowColumnStreamConflictsOnEveryRowInOneBank() {
        OpenPageCounter c = new OpenPageCounter(AddressMapping.of("bank:row:column", org));
        c.accessRange(0, 3 * ROW_BYTES, true);
        AccessCounts n = c.counts();
        assertThat(n).isEqualTo(new AccessCounts(0, 3 * 128, 3 * 127, 1, 2));
    }

    @Test
    void singleAccessStatesAndRangeEdges() {
        OpenPageCounter c = new OpenPageCounter(AddressMapping.of("row:bank:column", org));
        assertThat(c.access(0, false)).isEqualTo(RowBufferState.MISS);
        assertThat(c.access(31, false)).isEqualTo(RowBufferState.HIT);
        assertThat(c.access(8 * ROW_BYTES, false)).isEqualTo(RowBufferState.CONFLICT); // row 1, bank 0
        c.closeAll();
        assertThat(c.access(0, true)).isEqualTo(RowBufferState.MISS);
        OpenPageCounter r = new OpenPageCounter(AddressMapping.of("row:bank:column", org));
        r.accessRange(31, 2, false); // straddles two bursts
        assertThat(r.counts().reads()).isEqualTo(2);
        r.accessRange(100, 0, false);
        assertThat(r.counts().reads()).isEqualTo(2);
    }

    @Test
    void energyOfCountsEqualsSumOfAccessEnergies() {
        AccessCounts n = new AccessCounts(10, 4, 8, 3, 3);
        AccessEnergyModel model = new AccessEnergyModel(lpddr3, VoltageScaling.QUADRATIC);
        CommandEnergies e = CommandEnergies.legacy(lpddr3);
        double expected = 6 * e.act() + 3 * e.pre() + 10 * e.rd() + 4 * e.wr();
        assertThat(model.joulesNominal(n)).isCloseTo(expected, within(1e-18));
        double low = model.joules(n, 1.0);
        assertThat(low).isLessThan(expected);
        assertThat(model.joules(AccessCounts.ZERO, 1.0)).isZero();
    }

    @Test
    void nonPowerOfTwoRowsWorkWhenRowIsTheTopField() {
        Organization lp4 = DramPresets.get("LPDDR4-3200").organization(); // 49152 rows, 8 banks, 2 KiB rows, 32 B bursts
        AddressMapping m = AddressMapping.of("RoBaCo", lp4);
        long rowStride = 8L * 2048;
        assertThat(m.row(49151 * rowStride)).isEqualTo(49151);
        assertThat(m.row(49152 * rowStride)).isZero();
        assertThat(m.decode(49151 * rowStride + 3 * 2048 + 64)).isEqualTo(new DramAddress(0, 0, 0, 3, 49151, 32));
        // below the top, the row is a mixed-radix digit: bank = address / (49152 rows x 2 KiB)
        AddressMapping middle = AddressMapping.of("BaRoCo", lp4);
        assertThat(middle.decode(3 * 49152L * 2048 + 49151L * 2048 + 64)).isEqualTo(new DramAddress(0, 0, 0, 3, 49151, 32));
        assertThat(middle.decode(4 * 49152L * 2048)).isEqualTo(new DramAddress(0, 0, 0, 4, 0, 0));
    }

    @Test
    void badMappingsAreRejected() {
        assertThatThrownBy(() -> AddressMapping.of("RoXxCo", org)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("RoXxCo");
        assertThatThrownBy(() -> AddressMapping.of("row:column", org)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bank");
        assertThatThrownBy(() -> AddressMapping.of("row:bank:bank:column", org)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new AccessCounts(1, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
