package org.undervolt.usecase;

import java.util.List;

import org.undervolt.mapping.DataItem;
import org.undervolt.mapping.DeviceChoice;
import org.undervolt.mapping.DramModule;
import org.undervolt.mapping.EdenPlanner;
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
 *   <li>every BER(VDD) device at the smallest tolerance, the median device planned with ({@link DeviceChoice});</li>
 *   <li>eden: partitions at their own VDD/tRCD, each item to one whose BER it tolerates ({@link EdenPlanner});
 *       sparkxd: the lowest module voltage at which every item fits in locations it tolerates ({@link SparkXdPlanner});</li>
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
        DeviceChoice choice = DeviceChoice.of(module, s.vddDevices(), s.law(), s.floor(), DeviceChoice.tolerance(items));
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
            plan = new SparkXdPlanner(module, where, ber.lowestVolts(), s.vddStep(), s.rowOrder()).plan(items);
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
