package org.undervolt.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.undervolt.io.Json;

/**
 * One mapping question answered end to end: the network's data items with their traffic under a dataflow and
 * their tolerances, a plan by the chosen scheme, and the plan priced at nominal and chosen settings.
 */
public final class MapStudy {
    private MapStudy() {
    }

    /** The data items of {@code net} with their per-inference bursts under {@code transfers}. */
    public static List<DataItem> items(NetworkData net, List<Transfer> transfers, int burstBytes, Tolerances tol) {
        Map<String, long[]> traffic = MapEvaluation.traffic(transfers, burstBytes);
        List<DataItem> items = new ArrayList<>();
        for (String n : net.itemNames()) {
            long[] rw = traffic.getOrDefault(n, new long[2]);
            items.add(new DataItem(n, net.bytesOf(n), rw[0], rw[1], tol.of(n)));
        }
        return items;
    }

    /** Greedy and exact costs of one mapping problem (per-burst energy model), and greedy's gap. */
    public static MapperComparison compareMappers(MappingProblem pr) {
        Assignment g = GreedyMapper.map(pr);
        Double greedy = g.complete() ? g.joules() : null;
        String model = "per-burst energy: column command + the row's ACT/PRE shared over its bursts";
        if (pr.itemCount() > ExactMapper.MAX_ITEMS || pr.partitionCount() > ExactMapper.MAX_PARTITIONS) {
            return new MapperComparison(greedy, null, null, null, "more than " + ExactMapper.MAX_ITEMS + " items or "
                    + ExactMapper.MAX_PARTITIONS + " partitions", model);
        }
        Assignment x = ExactMapper.map(pr);
        return new MapperComparison(greedy, x.complete() ? x.joules() : null, x.optimal(),
                g.complete() && x.complete() ? (g.joules() - x.joules()) / x.joules() : null, null, model);
    }

    /**
     * The greedy mapper against the exact one on one problem.
     *
     * @param greedyJoules       greedy's energy; null if it placed not every item
     * @param exactJoules        the exact mapper's; null if it placed not every item or was not run
     * @param exactProvenOptimal whether the exact search finished (absent when it was not run)
     * @param greedyGap          greedy's energy above the exact one's, as a fraction (absent unless both placed all)
     * @param exactSkipped       why the exact mapper was not run (absent when it was)
     * @param model              the energy model both were priced with
     */
    public record MapperComparison(Double greedyJoules, Double exactJoules, @Json.OmitWhenNull Boolean exactProvenOptimal,
            @Json.OmitWhenNull Double greedyGap, @Json.OmitWhenNull String exactSkipped, String model) {
    }

    /** A JSON-ready description of an evaluation. */
    public static Map<String, Object> describe(MapEvaluation e, List<DataItem> items) {
        return Json.fields(PricedPlan.of(e, items));
    }

    /**
     * A plan priced at nominal and chosen settings: where each item went, and the energy and time of one inference.
     *
     * @param scheme   the planner (eden, eden-exact, sparkxd)
     * @param dataflow the dataflow the transfers follow
     * @param plan     every data item, where it went and the BER it sees there
     * @param notes    what the planner chose, in words
     */
    public record PricedPlan(String scheme, String dataflow, List<PlannedItem> plan, List<String> notes, Cost nominal,
            Cost chosen, double energySaving, double speedupSimulated, double latencyChange, double speedupLatencyBound) {

        public static PricedPlan of(MapEvaluation e, List<DataItem> items) {
            List<PlannedItem> plan = new ArrayList<>();
            for (DataItem d : items) {
                plan.add(new PlannedItem(d.name(), d.bytes(), d.readBursts(), d.writeBursts(), d.tolerableBer(),
                        e.plan().placedIn().get(d.name()), e.plan().itemBer().get(d.name()),
                        e.plan().layouts().get(d.name()).rowCount()));
            }
            return new PricedPlan(e.plan().scheme(), e.dataflow(), plan, e.plan().notes(), Cost.of(e.nominal()),
                    Cost.of(e.chosen()), e.energySaving(), e.speedup(), e.latencyChange(), e.latencyBoundSpeedup());
        }
    }

    /** One data item of a plan: its size, traffic and tolerance, where it went and the BER there, rows it takes. */
    public record PlannedItem(String item, long bytes, long readBursts, long writeBursts, double tolerableBer,
            String placedIn, Double ber, int rows) {
    }

    /** One inference priced: energy by component and in total, tRCD, cycles, times and row-buffer outcomes. */
    public record Cost(Map<String, Double> energyJ, double totalJ, int trcdCycles, long cycles, double seconds,
            double latencyBoundSeconds, long readBursts, long writeBursts, long rowHits, long rowMisses,
            long rowConflicts) {

        static Cost of(DramCost c) {
            return new Cost(new TreeMap<>(c.joules()), c.totalJoules(), c.trcdCycles(), c.cycles(), c.seconds(),
                    c.serialSeconds(), c.reads(), c.writes(), c.hits(), c.misses(), c.conflicts());
        }
    }

    /** A partition: its units, voltage, tRCD, BER, capacity and the energy of one read burst in it. */
    public record PartitionRow(String name, String granularity, int[] units, double vdd, int trcdCycles, double ber,
            long capacityBytes, double readBurstJoules) {
    }

    /**
     * What stopped the plan's lowest voltage going lower: the BER device's data floor (or, under {@code extrapolate},
     * its extrapolation limit) when the plan reaches it (within one search {@code step}), else the tolerance of the data.
     */
    public static org.undervolt.dram.device.LimitedBy limitedBy(MapPlan plan, OperatingPointBer ber, DramModule module,
                                                                double step) {
        double v = lowestVolts(plan, module);
        boolean lowerPossible = step > 0 ? v - step >= ber.lowestVolts() - 1e-9 : v > ber.lowestVolts() + 1e-9;
        if (lowerPossible) {
            return org.undervolt.dram.device.LimitedBy.TOLERANCE;
        }
        return ber.lowestVolts() < ber.dataFloorVolts() - 1e-9 ? org.undervolt.dram.device.LimitedBy.EXTRAPOLATION_LIMIT
                : org.undervolt.dram.device.LimitedBy.DATA_FLOOR;
    }

    /** The lowest voltage any subarray of the plan runs at. */
    public static double lowestVolts(MapPlan plan, DramModule module) {
        double v = Double.POSITIVE_INFINITY;
        for (int b = 0; b < module.totalBanks(); b++) {
            for (int k = 0; k < module.subarraysPerBank(); k++) {
                v = Math.min(v, plan.volts().volts(b, k));
            }
        }
        return v;
    }

    /** The same plan priced under both energy laws. */
    public static SavingUnderBothLaws savingUnderBothLaws(DramModule module, org.undervolt.dram.sim.PagePolicy policy,
                                                          MapPlan plan, Dataflow flow, List<Transfer> transfers) {
        return new SavingUnderBothLaws(MapEvaluation.of(module, org.undervolt.dram.energy.VoltageScaling.LINEAR, policy,
                plan, flow, transfers).energySaving(), MapEvaluation.of(module,
                org.undervolt.dram.energy.VoltageScaling.QUADRATIC, policy, plan, flow, transfers).energySaving());
    }

    /** One plan's energy saving under the linear law (IDD fixed) and the quadratic one (IDD proportional to V). */
    public record SavingUnderBothLaws(double energySavingLinear, double energySavingQuadratic) {
    }

    /** "chosen V min/median/max, saving min/median/max, limited by reason count, ..." of a device choice, for text output. */
    public static String spreadLine(DeviceChoice c) {
        var v = org.undervolt.dram.device.OperatingPoints.Spread.of(c.points(),
                org.undervolt.dram.device.OperatingPoint::chosen);
        var e = org.undervolt.dram.device.OperatingPoints.Spread.of(c.points(),
                org.undervolt.dram.device.OperatingPoint::energySaving);
        return String.format(java.util.Locale.ROOT, "%d devices, VDD min %.3f / median %.3f / max %.3f V, saving "
                + "%.1f / %.1f / %.1f %% (priced on the %s), limited by %s", c.points().size(), v.min(), v.median(), v.max(),
                100 * e.min(),
                100 * e.median(), 100 * e.max(), c.lookup().pricing().pricedOn(), org.undervolt.dram.device.OperatingPoints.countsText(
                org.undervolt.dram.device.OperatingPoints.limitedCounts(c.points())));
    }

    /** Partitions as JSON-ready maps. */
    public static List<Map<String, Object>> describe(PartitionSet set) {
        return partitionRows(set).stream().map(Json::fields).toList();
    }

    /** Every partition of {@code set}, in order. */
    public static List<PartitionRow> partitionRows(PartitionSet set) {
        List<PartitionRow> out = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            Partition p = set.get(i);
            out.add(new PartitionRow(p.name(), p.granularity().label(), p.units(), p.volts(), p.trcdCycles(), p.ber(),
                    p.capacityBytes(), set.joulesPerBurst(i, false)));
        }
        return out;
    }
}
