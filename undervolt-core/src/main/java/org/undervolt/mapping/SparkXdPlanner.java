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
 * tolerates stay unused. Data that is not weights lives in subarrays kept at nominal voltage (issue 16). Voltages are tried from nominal down in steps of {@code step} volts down to the
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

    /**
     * Whether {@code d} is weights (lowered with the module) rather than an input/feature map ({@code <layer>.ifm}) or the
     * output ({@link NetworkData#OUTPUT}), which are kept at nominal voltage.
     */
    static boolean isWeights(DataItem d) {
        return !d.name().endsWith(".ifm") && !d.name().equals(NetworkData.OUTPUT);
    }

    /**
     * The plan at voltage {@code v}, or null when some weight item finds too few rows it tolerates. Data that is not
     * weights (input image, feature maps, outputs) is laid out first in subarrays kept at nominal voltage (error-free), so
     * it does not pin the module's voltage; the weights go to rows of the lowered subarrays whose BER they tolerate.
     */
    public MapPlan at(List<DataItem> items, double v) {
        RowAllocator alloc = new RowAllocator(module, order);
        List<DataItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing((DataItem d) -> isWeights(d)).thenComparingDouble(DataItem::tolerableBer)
                .thenComparing(DataItem::name));
        Map<String, RowList> layouts = new LinkedHashMap<>();
        Map<String, String> where = new LinkedHashMap<>();
        Map<String, Double> itemBer = new LinkedHashMap<>();
        int banks = module.totalBanks();
        int subs = module.subarraysPerBank();
        double[] ber = new double[banks * subs];
        boolean[] nominal = new boolean[banks * subs];
        double minTol = sorted.stream().filter(SparkXdPlanner::isWeights).mapToDouble(DataItem::tolerableBer).min().orElse(0);
        int unsafe = 0;
        for (int b = 0; b < banks; b++) {
            for (int s = 0; s < subs; s++) {
                ber[b * subs + s] = bers.ber(b, s, v);
                if (ber[b * subs + s] > minTol) {
                    unsafe++;
                }
            }
        }
        int nominalSubarrays = 0;
        for (DataItem d : sorted) {
            if (!isWeights(d)) {
                RowList rows = alloc.allocate(d.name(), d.bytes(), (b, s) -> true);
                for (int k = 0; k < rows.rowCount(); k++) {
                    int u = rows.banks()[k] * subs + rows.subarrays()[k];
                    nominalSubarrays += nominal[u] ? 0 : 1;
                    nominal[u] = true;
                }
                layouts.put(d.name(), rows);
                itemBer.put(d.name(), 0.0);
                where.put(d.name(), "nominal-voltage subarrays (not weights)");
                continue;
            }
            RowAllocator.Eligible ok = (b, s) -> !nominal[b * subs + s] && ber[b * subs + s] <= d.tolerableBer();
            if (alloc.freeRows(ok) < alloc.rowsFor(d.bytes())) {
                return null;
            }
            RowList rows = alloc.allocate(d.name(), d.bytes(), ok);
            layouts.put(d.name(), rows);
            double worst = 0;
            for (int k = 0; k < rows.rowCount(); k++) {
                int u = rows.banks()[k] * subs + rows.subarrays()[k];
                worst = Math.max(worst, ber[u]);
            }
            itemBer.put(d.name(), worst);
            where.put(d.name(), "rows with BER <= " + d.tolerableBer());
        }
        double nominalVolts = module.nominalVolts();
        boolean[] keep = nominal.clone();
        VoltageMap volts = (b, s) -> keep[b * subs + s] ? nominalVolts : v;
        List<String> notes = List.of("module at " + v + " V, tRCD nominal; " + nominalSubarrays
                        + " subarrays at nominal voltage hold the data that is not weights",
                "errors: " + bers.describe(), "row order: " + this.order.name().toLowerCase(java.util.Locale.ROOT),
                unsafe + " of " + banks * subs + " subarrays above the weights' tolerable BER at " + v + " V");
        return new MapPlan("sparkxd", layouts, volts, module.nominalTrcd(), where, itemBer, notes);
    }

    /** The lowest voltage the search may try. */
    public double lowestVolts() {
        return lowestVolts;
    }

    /** The voltage search step. */
    public double step() {
        return step;
    }
}
