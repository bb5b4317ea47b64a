package org.undervolt.usecase;

import java.util.ArrayList;
import java.util.List;

import org.undervolt.dram.device.LimitedBy;
import org.undervolt.dram.device.OperatingPoint;
import org.undervolt.dram.device.OperatingPoints;
import org.undervolt.dram.device.SavingModel;
import org.undervolt.dram.energy.VoltageScaling;
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

    /**
     * The run's operating point: the median device's point of the lookup ({@link DeviceChoice#points}), priced on
     * this network's inference ({@code mapping.InferenceTracePricing}) like every device's point and the spread, so
     * the headline, {@code devices_summary} and the saving curve agree by construction. Under a location model the
     * plan device may differ from the median; the headline stays the median device's.
     */
    public Headline headline() {
        OperatingPoint m = OperatingPoints.median(choice.points());
        SavingModel p = choice.lookup().pricing();
        double vNom = module.nominalVolts();
        VoltageScaling law = settings().law();
        return new Headline(choice.tolerance(), m.device().name(), vNom, m.chosen(), p.joules(vNom, law),
                p.joules(m.chosen(), law), m.energySaving(), m.energySavingLinear(), m.energySavingQuadratic(),
                m.latencyChange(), p.latencySeconds(vNom, Double.NaN) / p.latencySeconds(m.chosen(), Double.NaN),
                m.limitedBy().label(), p.pricedOn(), HEADLINE_WORKLOAD);
    }

    /** What the headline's energies are of. */
    public static final String HEADLINE_WORKLOAD = "one inference, the module at the device's voltage: every subarray lowered "
            + "except those holding data that tolerates no error (kept at nominal); timings lengthened at that voltage";

    /**
     * The median device's operating point, as the pipelines' headline reports it.
     *
     * @param tolerableBer     the tolerance the devices were asked at (the items' smallest nonzero one)
     * @param device           the median device
     * @param nominalVdd       the module's nominal core voltage
     * @param chosenVdd        the device's point
     * @param energyNominalJ   one inference at nominal voltage
     * @param energyChosenJ    one inference at the chosen voltage, timings lengthened
     * @param energySaving     1 − chosen / nominal under the run's law
     * @param speedupSimulated nominal over chosen simulated duration (below 1: the lengthened timings)
     * @param pricedOn         what the savings are priced on
     * @param workload         what the energies are of ({@link #HEADLINE_WORKLOAD})
     */
    public record Headline(double tolerableBer, String device, double nominalVdd, double chosenVdd, double energyNominalJ,
            double energyChosenJ, double energySaving, double energySavingLinear, double energySavingQuadratic,
            double latencyChange, double speedupSimulated, String limitedBy, String pricedOn, String workload) {
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
     * Energy of one inference with the module at each voltage, nominal down to the BER device's lowest in
     * {@code step}s, priced as the headline is (the data that tolerates errors at the voltage, the rest at nominal);
     * "tolerated" when every item fits in locations whose BER ({@link #where}) it tolerates there.
     */
    public List<EnergyAtVdd> energyVsVdd(double step) {
        SavingModel pricing = choice.lookup().pricing();
        double lowest = Math.max(ber.lowestVolts(), pricing.lowestVolts());
        SparkXdPlanner planner = new SparkXdPlanner(module, where, ber.lowestVolts(), step);
        List<EnergyAtVdd> rows = new ArrayList<>();
        int n = (int) Math.floor((module.nominalVolts() - lowest) / step + 1e-9);
        for (int i = 0; i <= n; i++) {
            double v = Math.round((module.nominalVolts() - i * step) * 1e6) / 1e6;
            rows.add(new EnergyAtVdd(v, ber.ber(v, module.nominalTrcd()), pricing.joules(v, settings().law()),
                    planner.at(items, v) != null));
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
