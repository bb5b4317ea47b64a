package org.undervolt.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.undervolt.InvalidInputException;

/**
 * SparkXD's mapping (Putra et al., DAC 2021; EnforceSNN, Front. Neurosci. 2022; docs/PAPERS.md §1.8): the
 * whole module at one reduced voltage, the lowest at which every item fits in DRAM locations whose BER it
 * tolerates; the items laid out in DRMap order (row-buffer hits, then bank-, then subarray-level
 * parallelism), the least tolerant first so the safest rows go to the data that needs them; subarrays no item
 * tolerates stay unused. Voltages are tried from nominal down in steps of {@code step} volts down to the
 * lowest the BER table covers.
 */
public final class SparkXdPlanner {
    private final DramModule module;
    private final SubarrayBers bers;
    private final double lowestVolts;
    private final double step;
    private final RowAllocator.Order order;

    public SparkXdPlanner(DramModule module, SubarrayBers bers, double lowestVolts, double step) {
        this(module, bers, lowestVolts, step, RowAllocator.Order.DRMAP);
    }

    public SparkXdPlanner(DramModule module, SubarrayBers bers, double lowestVolts, double step, RowAllocator.Order order) {
        this.order = order;
        if (!(step > 0)) {
            throw new InvalidInputException("--vdd-step: expected a positive voltage step, got " + step);
        }
        this.module = module;
        this.bers = bers;
        this.lowestVolts = lowestVolts;
        this.step = step;
    }

    /** The plan at the lowest feasible voltage (nominal always is: the table has BER 0 there). */
    public MapPlan plan(List<DataItem> items) {
        MapPlan best = null;
        int steps = (int) Math.floor((module.nominalVolts() - lowestVolts) / step + 1e-9);
        for (int i = 0; i <= steps; i++) {
            double v = Math.round((module.nominalVolts() - i * step) * 1e6) / 1e6;
            if (v < lowestVolts) {
                break;
            }
            MapPlan p = at(items, v);
            if (p == null) {
                break;
            }
            best = p;
        }
        if (best == null) {
            throw new InvalidInputException("the data does not fit in the module even at nominal voltage");
        }
        return best;
    }

    /** The plan at voltage {@code v}, or null when some item finds too few rows it tolerates. */
    public MapPlan at(List<DataItem> items, double v) {
        RowAllocator alloc = new RowAllocator(module, order);
        List<DataItem> order = new ArrayList<>(items);
        order.sort(Comparator.comparingDouble(DataItem::tolerableBer).thenComparing(DataItem::name));
        Map<String, RowList> layouts = new LinkedHashMap<>();
        Map<String, String> where = new LinkedHashMap<>();
        Map<String, Double> itemBer = new LinkedHashMap<>();
        int banks = module.totalBanks();
        int subs = module.subarraysPerBank();
        double[] ber = new double[banks * subs];
        int safeForAll = 0;
        double minTol = order.isEmpty() ? 0 : order.get(0).tolerableBer();
        for (int b = 0; b < banks; b++) {
            for (int s = 0; s < subs; s++) {
                ber[b * subs + s] = bers.ber(b, s, v);
                if (ber[b * subs + s] <= minTol) {
                    safeForAll++;
                }
            }
        }
        for (DataItem d : order) {
            RowAllocator.Eligible ok = (b, s) -> ber[b * subs + s] <= d.tolerableBer();
            if (alloc.freeRows(ok) < alloc.rowsFor(d.bytes())) {
                return null;
            }
            RowList rows = alloc.allocate(d.name(), d.bytes(), ok);
            layouts.put(d.name(), rows);
            double worst = 0;
            for (int k = 0; k < rows.rowCount(); k++) {
                worst = Math.max(worst, ber[rows.banks()[k] * subs + rows.subarrays()[k]]);
            }
            itemBer.put(d.name(), worst);
            where.put(d.name(), "rows with BER <= " + d.tolerableBer());
        }
        List<String> notes = List.of("module at " + v + " V, tRCD nominal", "errors: " + bers.describe(),
                "row order: " + this.order.name().toLowerCase(java.util.Locale.ROOT),
                safeForAll + " of " + banks * subs + " subarrays within the least tolerant item's BER");
        return new MapPlan("sparkxd", layouts, VoltageMap.uniform(v), module.nominalTrcd(), where, itemBer, notes);
    }
}
