package org.undervolt.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.undervolt.dram.energy.VoltageScaling;
import org.undervolt.dram.device.DeviceSet;
import org.undervolt.dram.device.FloorPolicy;
import org.undervolt.dram.sim.PagePolicy;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.mapping.DataItem;
import org.undervolt.mapping.DeviceChoice;
import org.undervolt.mapping.Dataflow;
import org.undervolt.mapping.DramModule;
import org.undervolt.mapping.EdenPlanner;
import org.undervolt.mapping.Granularity;
import org.undervolt.mapping.MapEvaluation;
import org.undervolt.mapping.MapPlan;
import org.undervolt.mapping.MapStudy;
import org.undervolt.mapping.NetworkData;
import org.undervolt.mapping.OperatingPointBer;
import org.undervolt.mapping.PartitionSet;
import org.undervolt.mapping.SparkXdPlanner;
import org.undervolt.mapping.SubarrayBers;
import org.undervolt.mapping.Tolerances;
import org.undervolt.mapping.Transfer;

/**
 * The last stage of both pipelines: the network's data items with their tolerable BERs mapped to
 * approximate DRAM ({@code eden}: partitions at their own VDD/tRCD, {@link EdenPlanner}; {@code sparkxd}:
 * one module voltage with DRMap placement, {@link SparkXdPlanner}), priced for one inference at nominal
 * and chosen settings ({@link MapEvaluation}); plus the energy of the same inference with the whole
 * module at each voltage of a sweep (all data placed regardless of tolerance, marked whether every
 * item tolerates that voltage's BER). The same library calls as {@code undervolt map}.
 */
final class MappingStage {
    private MappingStage() {
    }

    /** The BER(VDD) devices of the config: {@code ber_table} when set (a vdd_v,ber file or a selector), else {@code devices}. */
    static DeviceSet devices(PipelineConfig c) {
        Object table = c.values().get("ber_table");
        return DeviceSet.vddSelection(c.text("devices"), table == null ? null : table.toString(),
                table == null ? "devices" : "ber_table");
    }

    /** Checks every mapping setting (bad input before any work). */
    static void check(PipelineConfig c, String scheme) {
        DramModule module = DramModule.of(DramPresets.get(c.text("preset")));
        VoltageScaling.parse(c.text("energy_law"));
        devices(c);
        Dataflow.parse(c.text("dataflow"), 108 * 1024, 64 * 1024, 256 * 1024);
        PagePolicy.parse(c.text("page_policy"));
        c.number("vdd_step", 1e-4, 1);
        if (scheme.equals("sparkxd")) {
            c.number("weak_fraction", 0, 1);
            c.integer("device_seed", 0L, Long.MAX_VALUE);
        } else {
            Granularity.parse(c.text("granularity"));
            c.integer("partition_count", 1, 64);
            c.number("trcd_min", 0.1, 1);
        }
        if (module.organization() == null) {
            throw new IllegalStateException("preset without organisation");
        }
    }

    /**
     * @param scheme    eden, eden-exact or sparkxd
     * @param tolerance tolerable BER of every item
     */
    static Map<String, Object> run(NetworkData net, String scheme, PipelineConfig c, Tolerances tolerance) {
        DramModule module = DramModule.of(DramPresets.get(c.text("preset")));
        VoltageScaling law = VoltageScaling.parse(c.text("energy_law"));
        Dataflow flow = Dataflow.parse(c.text("dataflow"), 108 * 1024, 64 * 1024, 256 * 1024);
        List<Transfer> transfers = flow.transfers(net);
        int burst = module.organization().bytesPerBurst();
        List<DataItem> items = MapStudy.items(net, transfers, burst, tolerance);
        DeviceChoice choice = DeviceChoice.of(module, devices(c), law, FloorPolicy.STOP, DeviceChoice.tolerance(items));
        OperatingPointBer ber = choice.ber();
        PagePolicy policy = PagePolicy.parse(c.text("page_policy"));

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("preset", module.part().name());
        out.put("nominal_vdd", module.nominalVolts());
        out.put("ber_source", ber.source());
        MapPlan plan;
        SubarrayBers where = SubarrayBers.uniform(ber);
        double chosenVdd;
        double step = c.number("vdd_step", 1e-4, 1);
        if (scheme.equals("sparkxd")) {
            double weak = c.number("weak_fraction", 0, 1);
            where = weak >= 1 ? SubarrayBers.uniform(ber)
                    : SubarrayBers.weakSubarrays(ber, weak, c.integer("device_seed", 0L, Long.MAX_VALUE));
            plan = new SparkXdPlanner(module, where, ber.lowestVolts(), step).plan(items);
            chosenVdd = MapStudy.lowestVolts(plan, module);
        } else {
            PartitionSet set = PartitionSet.generate(module, ber, law, Granularity.parse(c.text("granularity")),
                    c.integer("partition_count", 1, 64), ber.lowestVolts(), c.number("trcd_min", 0.1, 1));
            out.put("partitions", MapStudy.describe(set));
            plan = EdenPlanner.plan(set, items, scheme.equals("eden-exact"));
            chosenVdd = module.nominalVolts();
            for (int i = 0; i < set.size(); i++) {
                if (plan.placedIn().containsValue(set.get(i).name())) {
                    chosenVdd = Math.min(chosenVdd, set.get(i).volts());
                }
            }
        }
        MapEvaluation e = MapEvaluation.of(module, law, policy, plan, flow, transfers);
        out.put("chosen_vdd", chosenVdd);
        out.put("limited_by", MapStudy.limitedBy(plan, ber, module, scheme.equals("sparkxd") ? step : 0).label());
        out.put("energy_law", law.toString());
        out.put("energy_law_reasoning", VoltageScaling.REASONING);
        out.put("chosen_vdd_meaning", scheme.equals("sparkxd") ? "the module's one reduced voltage"
                : "the lowest voltage of a partition holding data");
        out.putAll(MapStudy.describe(e, items));
        out.putAll(MapStudy.savingUnderBothLaws(module, policy, plan, flow, transfers));
        out.putAll(choice.describe());
        out.put("energy_vs_vdd", sweep(module, ber, where, law, policy, flow, transfers, items, step * 5));
        return out;
    }

    /**
     * Energy of one inference with the whole module at each voltage, nominal down to the table's lowest;
     * "tolerated" when every item fits in locations whose BER ({@code where}) it tolerates at that voltage.
     */
    private static List<Map<String, Object>> sweep(DramModule module, OperatingPointBer ber, SubarrayBers where,
            VoltageScaling law,
            PagePolicy policy, Dataflow flow, List<Transfer> transfers, List<DataItem> items, double step) {
        List<DataItem> anywhere = new ArrayList<>();
        for (DataItem d : items) {
            anywhere.add(new DataItem(d.name(), d.bytes(), d.readBursts(), d.writeBursts(), 1.0));
        }
        SparkXdPlanner uniform = new SparkXdPlanner(module, SubarrayBers.uniform(ber), ber.lowestVolts(), step);
        List<Map<String, Object>> rows = new ArrayList<>();
        int n = (int) Math.floor((module.nominalVolts() - ber.lowestVolts()) / step + 1e-9);
        for (int i = 0; i <= n; i++) {
            double v = Math.round((module.nominalVolts() - i * step) * 1e6) / 1e6;
            MapPlan p = uniform.at(anywhere, v);
            if (p == null) {
                break;
            }
            MapEvaluation e = MapEvaluation.of(module, law, policy, p, flow, transfers);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("vdd", v);
            r.put("ber", ber.ber(v, module.nominalTrcd()));
            r.put("energy_j", e.chosen().totalJoules());
            r.put("tolerated", new SparkXdPlanner(module, where, ber.lowestVolts(), step).at(items, v) != null);
            rows.add(r);
        }
        return rows;
    }

    static String describeVolts(double v) {
        return String.format(Locale.ROOT, "%.3f V", v);
    }
}
