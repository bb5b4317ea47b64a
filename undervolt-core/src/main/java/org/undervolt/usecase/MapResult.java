package org.undervolt.usecase;

import java.util.ArrayList;
import java.util.List;

import org.undervolt.dram.device.LimitedBy;
import org.undervolt.mapping.DataItem;
import org.undervolt.mapping.DeviceChoice;
import org.undervolt.mapping.DramModule;
import org.undervolt.mapping.MapEvaluation;
import org.undervolt.mapping.MapPlan;
import org.undervolt.mapping.MapStudy;
import org.undervolt.mapping.MappingProblem;
import org.undervolt.mapping.OperatingPointBer;
import org.undervolt.mapping.PartitionSet;
import org.undervolt.mapping.SparkXdPlanner;
import org.undervolt.mapping.SubarrayBers;
import org.undervolt.mapping.Transfer;

/**
 * What a mapping run found: the plan and one inference priced at nominal and chosen settings.
 *
 * @param request    what was asked
 * @param module     the DRAM module
 * @param transfers  the DRAM transfers of one inference
 * @param items      the data items with their sizes and tolerable BERs
 * @param choice     the devices at the items' tolerance and the median one planned with
 * @param ber        the BER model the plan used (the median device's)
 * @param partitions eden: the partitions; null for sparkxd
 * @param where      the BER of every subarray at a voltage (uniform, or sparkxd's weak subarrays)
 * @param plan       where each item went and the voltages
 * @param evaluation one inference at nominal and chosen settings
 */
public record MapResult(MapRequest request, DramModule module, List<Transfer> transfers, List<DataItem> items,
        DeviceChoice choice, OperatingPointBer ber, PartitionSet partitions, SubarrayBers where, MapPlan plan,
        MapEvaluation evaluation) {

    private MapSettings settings() {
        return request.settings();
    }

    private boolean sparkxd() {
        return settings().scheme() == MapScheme.SPARKXD;
    }

    /** What stopped the voltage going lower: the items' tolerance or the device's data. */
    public LimitedBy limitedBy() {
        return MapStudy.limitedBy(plan, ber, module, sparkxd() ? settings().vddStep() : 0);
    }

    /**
     * The voltage the plan lowered to: sparkxd the module's one reduced voltage, eden the lowest voltage of a
     * partition holding data (nominal if none does).
     */
    public double chosenVdd() {
        if (sparkxd()) {
            return MapStudy.lowestVolts(plan, module);
        }
        double v = module.nominalVolts();
        for (int i = 0; i < partitions.size(); i++) {
            if (plan.placedIn().containsValue(partitions.get(i).name())) {
                v = Math.min(v, partitions.get(i).volts());
            }
        }
        return v;
    }

    /** The same plan priced under both energy laws. */
    public MapStudy.SavingUnderBothLaws savingUnderBothLaws() {
        return MapStudy.savingUnderBothLaws(module, settings().pagePolicy(), plan, settings().dataflow(), transfers);
    }

    /** eden: the greedy mapper's energy against the exact one's on the same problem. */
    public MapStudy.MapperComparison greedyVsExact() {
        return MapStudy.compareMappers(MappingProblem.of(items, partitions));
    }

    /**
     * Energy of one inference with the whole module at each voltage, nominal down to the BER device's lowest in
     * {@code step}s; "tolerated" when every item fits in locations whose BER ({@link #where}) it tolerates there.
     */
    public List<EnergyAtVdd> energyVsVdd(double step) {
        List<DataItem> anywhere = new ArrayList<>();
        for (DataItem d : items) {
            anywhere.add(new DataItem(d.name(), d.bytes(), d.readBursts(), d.writeBursts(), 1.0));
        }
        SparkXdPlanner uniform = new SparkXdPlanner(module, SubarrayBers.uniform(ber), ber.lowestVolts(), step);
        List<EnergyAtVdd> rows = new ArrayList<>();
        int n = (int) Math.floor((module.nominalVolts() - ber.lowestVolts()) / step + 1e-9);
        for (int i = 0; i <= n; i++) {
            double v = Math.round((module.nominalVolts() - i * step) * 1e6) / 1e6;
            MapPlan p = uniform.at(anywhere, v);
            if (p == null) {
                break;
            }
            MapEvaluation e = MapEvaluation.of(module, settings().law(), settings().pagePolicy(), p, settings().dataflow(),
                    transfers);
            rows.add(new EnergyAtVdd(v, ber.ber(v, module.nominalTrcd()), e.chosen().totalJoules(),
                    new SparkXdPlanner(module, where, ber.lowestVolts(), step).at(items, v) != null));
        }
        return rows;
    }

    /**
     * One inference with the whole module at one voltage.
     *
     * @param vdd       the module's voltage
     * @param ber       the BER there (nominal tRCD)
     * @param energyJ   DRAM energy of one inference
     * @param tolerated whether every item fits where it tolerates the BER
     */
    public record EnergyAtVdd(double vdd, double ber, double energyJ, boolean tolerated) {
    }
}
