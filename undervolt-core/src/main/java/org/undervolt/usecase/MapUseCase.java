package org.undervolt.usecase;

import java.util.List;

import org.undervolt.dram.device.OperatingPoints;
import org.undervolt.mapping.DataItem;
import org.undervolt.mapping.DeviceChoice;
import org.undervolt.mapping.DramModule;
import org.undervolt.mapping.EdenPlanner;
import org.undervolt.mapping.InferenceTracePricing;
import org.undervolt.mapping.MapEvaluation;
import org.undervolt.mapping.MapPlan;
import org.undervolt.mapping.MapStudy;
import org.undervolt.mapping.OperatingPointBer;
import org.undervolt.mapping.PartitionSet;
import org.undervolt.mapping.SparkXdPlanner;
import org.undervolt.mapping.SubarrayBers;
import org.undervolt.mapping.Transfer;

/**
 * Maps a network's data to approximate DRAM and prices one inference: the one implementation behind
 * {@code undervolt map} and the pipelines' mapping stage.
 *
 * <ol>
 *   <li>the data items of one inference (weights, IFMs, output) with their tolerable BERs;</li>
 *   <li>every BER(VDD) device at the smallest tolerance, each priced on this network's inference
 *       ({@link InferenceTracePricing}), the median device planned with ({@link DeviceChoice}): its point is the
 *       run's headline ({@link MapResult#headline});</li>
 *   <li>eden: partitions at their own VDD/tRCD, each item to one whose BER it tolerates ({@link EdenPlanner});
 *       sparkxd: the module at the median device's voltage (uniform errors), or the lowest voltage at which every item
 *       fits in locations it tolerates (weak subarrays) ({@link SparkXdPlanner});</li>
 *   <li>one inference simulated at nominal and chosen settings ({@link MapEvaluation}).</li>
 * </ol>
 */
public final class MapUseCase {
    private MapUseCase() {
    }

    public static MapResult run(MapRequest request) {
        MapSettings s = request.settings();
        DramModule module = s.module();
        List<Transfer> transfers = s.dataflow().transfers(request.network());
        List<DataItem> items = MapStudy.items(request.network(), transfers, module.organization().bytesPerBurst(),
                request.tolerances());
        // one pricing for every saving the run reports: this network's inference (InferenceTracePricing)
        InferenceTracePricing pricing = InferenceTracePricing.of(module, s.pagePolicy(), s.rowOrder(), items, transfers);
        DeviceChoice choice = DeviceChoice.of(module, s.vddDevices(), s.law(), s.floor(), DeviceChoice.tolerance(items),
                pricing);
        double headlineVolts = OperatingPoints.median(choice.points()).chosen();
        if (s.weak() != null && s.weak().planDevice() != null) {
            choice = choice.withPlanDevice(s.weak().planDevice(), module, s.floor());
        }
        choice = choice.withTrcdDevice(s.trcdDevice(), module, s.floor());
        OperatingPointBer ber = choice.ber();
        SubarrayBers where = SubarrayBers.uniform(ber);
        PartitionSet partitions = null;
        MapPlan plan;
        if (s.scheme() == MapScheme.SPARKXD) {
            double weak = s.weak().fraction();
            where = weak >= 1 ? where : SubarrayBers.weakSubarrays(ber, weak, s.weak().deviceSeed());
            SparkXdPlanner planner = new SparkXdPlanner(module, where, ber.lowestVolts(), s.vddStep(), s.rowOrder());
            // uniform errors: placed at the median device's point (the headline's 1 mV grid, not vdd_step's); the
            // location model's weak subarrays may allow a lower voltage than the device's mean BER: its own search
            plan = weak >= 1 ? planner.at(items, headlineVolts) : null;
            plan = plan != null ? plan : planner.plan(items);
        } else {
            MapSettings.Partitions p = s.partitions();
            partitions = p.file() != null ? PartitionSet.load(p.file(), module, ber, s.law())
                    : PartitionSet.generate(module, ber, s.law(), p.granularity(), p.count(),
                    p.vddMin() != null ? p.vddMin() : ber.lowestVolts(), p.trcdMin(), p.trcdSteps());
            plan = EdenPlanner.plan(partitions, items, s.scheme() == MapScheme.EDEN_EXACT, p.lowerIdle(), s.rowOrder());
        }
        MapEvaluation evaluation = MapEvaluation.of(module, s.law(), s.pagePolicy(), plan, s.dataflow(), transfers);
        return new MapResult(request, module, transfers, items, choice, ber, partitions, where, plan, evaluation);
    }
}
