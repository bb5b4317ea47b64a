package org.undervolt.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.undervolt.dram.access.AccessCounts;
import org.undervolt.dram.access.DramAddress;
import org.undervolt.dram.access.OpenPageCounter;
import org.undervolt.dram.sim.RequestMapping;
import org.undervolt.dram.sim.RequestMappings;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.dram.spec.DramSpec;
import org.undervolt.dram.spec.Organization;
import org.undervolt.storage.DramLocation;
import org.undervolt.storage.Placement;

class PlacementTest {
    /** 4 banks of 8 rows in 2 subarrays of 4, 64-byte rows of 8-byte bursts (one x8 device). */
    static DramModule tiny() {
        DramSpec p = DramPresets.get("DDR3L-1600_1Gb_x8");
        Organization o = new Organization(1, 1, 1, 4, 8, 64, 8, 1, 8, 2, 4);
        return DramModule.withDevices(new DramSpec(p.name(), p.standard(), o, p.timings(), p.rails(), p.coreRail(),
                p.rho(), p.source()), 1);
    }

    @Test
    void drMapOrderFillsARowThenTheSameRowOfTheOtherBanksThenTheNextSubarray() {
        DramModule m = tiny();
        RowList r = new RowAllocator(m).allocate("w", 6 * 64 - 10, (b, s) -> true);
        assertThat(r.banks()).containsExactly(0, 1, 2, 3, 0, 1);
        assertThat(r.subarrays()).containsExactly(0, 0, 0, 0, 1, 1);
        assertThat(r.rows()).containsExactly(0, 0, 0, 0, 0, 0);
        RequestMapping drmap = RequestMappings.of("DRMap", m.organization());
        DramAddress a = drmap.decode(r.address(m, 4 * 64 + 17));
        assertThat(a.bank()).isEqualTo(0);
        assertThat(a.row()).isEqualTo(4); // subarray 1, row 0 of it
        assertThat(a.column()).isEqualTo(16); // burst of byte 17 starts at column 16 (x8: one byte per column)
        // read front to back: 8 bursts per row, first of each row opens it; row 5 closes bank 0's row 0
        OpenPageCounter c = new OpenPageCounter(drmap);
        for (long b = 0; b < r.bytes(); b += 8) {
            c.access(r.address(m, b), false);
        }
        AccessCounts n = c.counts();
        assertThat(n.misses()).isEqualTo(4);
        assertThat(n.conflicts()).isEqualTo(2);
        assertThat(n.hits()).isEqualTo(n.accesses() - 6);
    }

    @Test
    void bankSequentialOrderFillsOneBankFirstAndConflictsOnEveryNewRow() {
        DramModule m = tiny();
        RowList r = new RowAllocator(m, RowAllocator.Order.BANK_SEQUENTIAL).allocate("w", 6 * 64, (b, s) -> true);
        assertThat(r.banks()).containsExactly(0, 0, 0, 0, 0, 0);
        assertThat(r.subarrays()).containsExactly(0, 0, 0, 0, 1, 1);
        assertThat(r.rows()).containsExactly(0, 1, 2, 3, 0, 1);
        OpenPageCounter c = new OpenPageCounter(RequestMappings.of("DRMap", m.organization()));
        for (long b = 0; b < r.bytes(); b += 8) {
            c.access(r.address(m, b), false);
        }
        assertThat(c.counts().misses()).isEqualTo(1);
        assertThat(c.counts().conflicts()).isEqualTo(5);
    }

    @Test
    void placementLocatesEveryByteInItsRow() {
        DramModule m = tiny();
        RowList r = new RowAllocator(m).allocate("w", 5 * 64, (b, s) -> true);
        Placement p = r.placement(m, "drmap");
        assertThat(p.locate(4 * 64 + 3)).isEqualTo(new DramLocation(0, 0, 0, 1, 0, 3));
        assertThat(p.locate(64)).isEqualTo(new DramLocation(0, 0, 1, 0, 0, 0));
        assertThat(p.runLength(64 + 60)).isEqualTo(4);
    }

    @Test
    void safeOnlyPlacementNeverTouchesUnsafeSubarrays() {
        DramModule m = tiny();
        // bank 1 subarray 0 and bank 2 subarray 1 are weak
        SubarrayBers bers = new SubarrayBers() {
            @Override
            public double ber(int b, int s, double v) {
                return (b == 1 && s == 0) || (b == 2 && s == 1) ? 1e-3 : 0;
            }

            @Override
            public String describe() {
                return "test";
            }
        };
        SparkXdPlanner planner = new SparkXdPlanner(m, bers, 1.0, 0.05);
        // 6 safe subarrays x 4 rows = 24 safe rows: 20 rows of weights fit; a tolerant item gets the rest
        MapPlan plan = planner.at(List.of(new DataItem("w", 20 * 64, 0, 0, 1e-5),
                new DataItem("ifm", 8 * 64, 0, 0, 1e-2)), 1.35);
        RowList w = plan.layouts().get("w");
        for (int k = 0; k < w.rowCount(); k++) {
            assertThat(bers.ber(w.banks()[k], w.subarrays()[k], 1.35)).isZero();
        }
        assertThat(plan.itemBer().get("w")).isZero();
        assertThat(plan.itemBer().get("ifm")).isEqualTo(1e-3); // the unsafe rows went to the tolerant data
        // 25 rows of weights cannot be placed safely
        assertThat(planner.at(List.of(new DataItem("w", 25 * 64, 0, 0, 1e-5)), 1.35)).isNull();
    }

    @Test
    void locationAwareErrorsAllowALowerVoltageThanUniformOnes() {
        DramModule m = DramModule.of(DramPresets.get("DDR3L-1600_1Gb_x8"));
        OperatingPointBer ber = OperatingPointBer.builtin(m);
        List<DataItem> w = List.of(new DataItem("w", 1_254_400, 0, 0, 1e-5));
        MapPlan uniform = new SparkXdPlanner(m, SubarrayBers.uniform(ber), ber.lowestVolts(), 0.005).plan(w);
        SubarrayBers weak = SubarrayBers.weakSubarrays(ber, 0.1, 7);
        MapPlan aware = new SparkXdPlanner(m, weak, ber.lowestVolts(), 0.005).plan(w);
        double vu = uniform.volts().volts(0, 0);
        double va = aware.volts().volts(0, 0);
        assertThat(ber.ber(vu, 10)).isLessThanOrEqualTo(1e-5);
        assertThat(ber.ber(vu - 0.005, 10)).isGreaterThan(1e-5);
        assertThat(va).isLessThan(vu);
        RowList rows = aware.layouts().get("w");
        for (int k = 0; k < rows.rowCount(); k++) {
            assertThat(weak.ber(rows.banks()[k], rows.subarrays()[k], va)).isLessThanOrEqualTo(1e-5);
        }
    }

    @Test
    void unsafeSubarraysGrowAsVddFalls() {
        DramModule m = DramModule.of(DramPresets.get("DDR3L-1600_1Gb_x8"));
        OperatingPointBer ber = OperatingPointBer.builtin(m); // Voltron B8: 1.8 % of lines fail at 1.025 V
        SubarrayBers weak = SubarrayBers.weakSubarrays(ber, 0.1, 7);
        int total = m.totalBanks() * m.subarraysPerBank();
        boolean[] unsafeBefore = new boolean[total];
        int previous = 0;
        for (double v = 1.35; v >= ber.lowestVolts() - 1e-9; v -= 0.005) {
            int unsafe = 0;
            for (int b = 0; b < m.totalBanks(); b++) {
                for (int s = 0; s < m.subarraysPerBank(); s++) {
                    boolean u = weak.ber(b, s, v) > 0;
                    // an unsafe subarray stays unsafe at every lower voltage (its own onset voltage is above)
                    assertThat(u || !unsafeBefore[b * m.subarraysPerBank() + s]).isTrue();
                    unsafeBefore[b * m.subarraysPerBank() + s] = u;
                    unsafe += u ? 1 : 0;
                }
            }
            assertThat(unsafe).isGreaterThanOrEqualTo(previous);
            previous = unsafe;
        }
        assertThat(weak.ber(0, 0, 1.2) + weak.ber(3, 5, 1.2)).isZero(); // B8 has no errors at 1.2 V
        // at 1.025 V the unsafe share is B8's failing-line fraction, 1.819 %, within sampling error of 256 subarrays
        double share = (double) previous / total;
        double f = 0.0181890428066;
        assertThat(share).isBetween(f - 3 * Math.sqrt(f / total), f + 3 * Math.sqrt(f / total) + 1.0 / total);
        assertThat(previous).isPositive();
    }

    @Test
    void dataThatIsNotWeightsStaysAtNominalVoltage() {
        DramModule m = DramModule.of(DramPresets.get("DDR3L-1600_1Gb_x8"));
        OperatingPointBer ber = OperatingPointBer.builtin(m);
        List<DataItem> items = List.of(new DataItem("fc1.weights", 100_000, 0, 0, 1e-4),
                new DataItem("fc1.ifm", 3_136, 0, 0, 0), new DataItem(NetworkData.OUTPUT, 40, 0, 0, 0));
        MapPlan plan = new SparkXdPlanner(m, SubarrayBers.uniform(ber), ber.lowestVolts(), 0.005).plan(items);
        RowList in = plan.layouts().get("fc1.ifm");
        assertThat(plan.volts().volts(in.banks()[0], in.subarrays()[0])).isEqualTo(1.35);
        RowList w = plan.layouts().get("fc1.weights");
        double vw = plan.volts().volts(w.banks()[0], w.subarrays()[0]);
        assertThat(vw).isLessThan(1.2); // the zero-tolerance input and output did not pin the module at nominal
        assertThat(ber.ber(vw, m.nominalTrcd())).isLessThanOrEqualTo(1e-4);
        // a smaller tolerance gives a higher voltage
        List<DataItem> strict = List.of(new DataItem("fc1.weights", 100_000, 0, 0, 1e-7), items.get(1), items.get(2));
        MapPlan p2 = new SparkXdPlanner(m, SubarrayBers.uniform(ber), ber.lowestVolts(), 0.005).plan(strict);
        RowList w2 = p2.layouts().get("fc1.weights");
        assertThat(p2.volts().volts(w2.banks()[0], w2.subarrays()[0])).isGreaterThan(vw);
    }
}
