package org.undervolt.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.undervolt.InvalidInputException;
import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.spec.DramPresets;

class PartitionSetTest {
    final DramModule ddr3l = DramModule.of(DramPresets.get("DDR3L-1600_1Gb_x8"));
    final OperatingPointBer ber = OperatingPointBer.builtin(ddr3l);

    @Test
    void moduleOfEightX8DevicesHas64ByteBursts() {
        assertThat(ddr3l.organization().devices()).isEqualTo(8);
        assertThat(ddr3l.organization().bytesPerBurst()).isEqualTo(64);
        assertThat(ddr3l.geometry().rowBytes()).isEqualTo(8192);
        assertThat(ddr3l.subarraysPerBank()).isEqualTo(32);
    }

    @Test
    void generatedBankPartitionsStepVoltageDownWithTheLatencyPartitionApart() {
        PartitionSet s = PartitionSet.generate(ddr3l, ber, VoltageScaling.QUADRATIC, Granularity.BANK, 8, 1.025, 0.7);
        assertThat(s.size()).isEqualTo(8);
        assertThat(s.get(0).volts()).isEqualTo(1.35);
        assertThat(s.get(0).trcdCycles()).isEqualTo(8); // DIVA B23 error-free down to 0.8 of nominal
        assertThat(s.get(0).ber()).isZero();
        assertThat(s.get(7).volts()).isEqualTo(1.025);
        assertThat(s.get(7).trcdCycles()).isEqualTo(10);
        // default devices: Voltron B8, 1.819 % of cache lines failing at 1.025 V (lower bound f/512), nominal tRCD
        assertThat(s.get(7).ber()).isCloseTo(0.0181890428066 / 512, org.assertj.core.data.Offset.offset(1e-15));
        for (int i = 2; i < 8; i++) {
            assertThat(s.get(i).ber()).isGreaterThanOrEqualTo(s.get(i - 1).ber());
            assertThat(s.joulesPerBurst(i, false)).isLessThan(s.joulesPerBurst(i - 1, false));
        }
        assertThat(s.get(3).capacityBytes()).isEqualTo(ddr3l.geometry().bankBytes());
        assertThat(s.indexOf(5, 17)).isEqualTo(5);
    }

    @Test
    void linearTrcdStepsLowerBothKnobsOnlyForADimmMeasuredAtBoth(@TempDir Path dir) throws Exception {
        // Voltron B8 and DIVA B23 are different DIMMs: no BER for both lowered
        assertThatThrownBy(() -> PartitionSet.generate(ddr3l, ber, VoltageScaling.QUADRATIC, Granularity.BANK, 8, 1.025, 0.7,
                PartitionSet.TrcdSteps.LINEAR)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--trcd-steps linear").hasMessageContaining("different DIMMs");
        assertThatThrownBy(() -> ber.ber(1.1, 8)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("voltron:B8").hasMessageContaining("diva:B23");
        // one DIMM with both tables ('# dimms: lab'): tRCD falls with VDD, independent causes
        Path[] t = org.undervolt.dram.device.CombinedPointsTest.labTables(dir, true);
        var d1 = org.undervolt.dram.device.DeviceSet.select(t[0] + ":D1").devices().get(0);
        var t1 = org.undervolt.dram.device.DeviceSet.select(t[1] + ":D1").devices().get(0);
        OperatingPointBer both = new OperatingPointBer(d1, t1, org.undervolt.dram.device.BerBound.LOWER,
                org.undervolt.dram.device.FloorPolicy.STOP, ddr3l.nominalVolts(), ddr3l.nominalTrcd());
        assertThat(both.hasCombinedData()).isTrue();
        PartitionSet s = PartitionSet.generate(ddr3l, both, VoltageScaling.QUADRATIC, Granularity.BANK, 4, 1.1, 0.8,
                PartitionSet.TrcdSteps.LINEAR);
        assertThat(s.get(3).volts()).isEqualTo(1.1);
        assertThat(s.get(3).trcdCycles()).isEqualTo(8);
        double bt = t1.curve(org.undervolt.dram.device.BerBound.LOWER).ber(8.0 / 10 * 12.5,
                org.undervolt.dram.device.FloorPolicy.STOP);
        assertThat(s.get(3).ber()).isCloseTo(1 - (1 - 1e-6) * (1 - bt), org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void errorFreeTrcdStepsUseTheShortestTrcdWithoutErrors() {
        // default BER(tRCD) device DIVA B23: no errors down to 10 ns = 0.8 of its 12.5 ns nominal; DDR3L tRCD 10 -> 8 cycles
        PartitionSet s = PartitionSet.generate(ddr3l, ber, VoltageScaling.QUADRATIC, Granularity.BANK, 4, 1.1, 0.5,
                PartitionSet.TrcdSteps.ERROR_FREE);
        assertThat(s.get(0).trcdCycles()).isEqualTo(8); // the latency partition, at nominal VDD
        for (int i = 1; i < s.size(); i++) {
            assertThat(s.get(i).trcdCycles()).isEqualTo(10); // voltage partitions keep nominal tRCD
        }
        assertThat(s.get(0).ber()).isZero();
        assertThat(PartitionSet.generate(ddr3l, ber, VoltageScaling.QUADRATIC, Granularity.BANK, 4, 1.1, 0.8,
                PartitionSet.TrcdSteps.ERROR_FREE).get(0).trcdCycles()).isEqualTo(8);
    }

    @Test
    void perBurstEnergyScalesQuadraticallyOnTheCoreRail() {
        PartitionSet s = PartitionSet.generate(ddr3l, ber, VoltageScaling.QUADRATIC, Granularity.BANK, 2, 1.08, 1);
        double r = 1.08 / 1.35;
        assertThat(s.joulesPerBurst(1, false) / s.joulesPerBurst(0, false)).isCloseTo(r * r,
                org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void loadsJsonAndRejectsOverlapsWithOneLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.json");
        Files.writeString(f, """
                {"granularity": "subarray", "partitions": [
                  {"name": "safe", "units": [0, 1, 2], "vdd": 1.35},
                  {"name": "low", "units": [3, 40], "vdd": 1.1},
                  {"name": "fast", "units": [4], "vdd": 1.35, "trcd_rel": 0.8}]}""");
        PartitionSet s = PartitionSet.load(f, ddr3l, ber, VoltageScaling.QUADRATIC);
        assertThat(s.get(1).trcdCycles()).isEqualTo(10);
        assertThat(s.get(2).trcdCycles()).isEqualTo(8);
        assertThat(s.get(1).capacityBytes()).isEqualTo(2 * ddr3l.geometry().subarrayBytes());
        assertThat(s.indexOf(1, 8)).isEqualTo(1); // unit 40 = bank 1, subarray 8
        assertThat(s.indexOf(1, 9)).isEqualTo(-1);
        Files.writeString(f, """
                {"granularity": "bank", "partitions": [{"units": [0, 1], "vdd": 1.3}, {"units": [1], "vdd": 1.2}]}""");
        assertThatThrownBy(() -> PartitionSet.load(f, ddr3l, ber, VoltageScaling.QUADRATIC))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("two partitions");
        Files.writeString(f, """
                {"granularity": "bank", "partitions": [{"units": [9], "vdd": 1.3}]}""");
        assertThatThrownBy(() -> PartitionSet.load(f, ddr3l, ber, VoltageScaling.QUADRATIC))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("partitions[0]").hasMessageContaining("0..7");
        Files.writeString(f, """
                {"granularity": "bank", "partitions": [{"units": [1], "vdd": 1.1, "trcd_rel": 0.8}]}""");
        assertThatThrownBy(() -> PartitionSet.load(f, ddr3l, ber, VoltageScaling.QUADRATIC))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("partitions[0]").hasMessageContaining("different DIMMs");
        Files.writeString(f, "{\"granularity\": \"bank\", \"partitions\": [{\"units\": [1], \"vdd\": 2.0}]}");
        assertThatThrownBy(() -> PartitionSet.load(f, ddr3l, ber, VoltageScaling.QUADRATIC))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("voltage");
    }
}
