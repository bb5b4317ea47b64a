package org.undervolt.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.undervolt.report.PlacementMapSection;
import org.undervolt.report.StackedBarsSection;

/**
 * Report sections drawn from a mapping result (the {@code map --json} object, or a pipeline's mapping / placement
 * stage): where the data lives and the energy breakdown of one inference. Shared by {@link PipelineReport} and
 * {@link MapReport}.
 */
final class MappingSections {
    private MappingSections() {
    }

    /**
     * The partition map (EDEN: the result has {@code partitions}) or placement map (SparkXD: one module voltage,
     * {@code chosenVdd}), from the result's {@code plan} and {@code notes}.
     */
    @SuppressWarnings("unchecked")
    static PlacementMapSection placement(Map<String, Object> map, double chosenVdd) {
        boolean eden = map.containsKey("partitions");
        Map<String, String> op = new LinkedHashMap<>();
        if (eden) {
            for (Object o : (List<Object>) map.get("partitions")) {
                Map<String, Object> p = (Map<String, Object>) o;
                op.put(String.valueOf(p.get("name")), String.format(Locale.ROOT, "%.3f V, tRCD %s, BER %.1e",
                        PipelineSummary.num(p.get("vdd")), p.get("trcd_cycles"), PipelineSummary.num(p.get("ber"))));
            }
        }
        Map<String, List<PlacementMapSection.Item>> by = new LinkedHashMap<>();
        op.keySet().forEach(k -> by.put(k, new ArrayList<>()));
        for (Object o : (List<Object>) map.get("plan")) {
            Map<String, Object> p = (Map<String, Object>) o;
            by.computeIfAbsent(String.valueOf(p.get("placed_in")), k -> new ArrayList<>()).add(new PlacementMapSection.Item(
                    String.valueOf(p.get("item")), ((Number) p.get("bytes")).longValue(), PipelineSummary.num(p.get("tolerable_ber")),
                    PipelineSummary.num(p.get("ber"))));
        }
        List<PlacementMapSection.Region> regions = new ArrayList<>();
        by.forEach((k, items) -> {
            if (!items.isEmpty()) {
                regions.add(new PlacementMapSection.Region(k, op.getOrDefault(k, String.format(Locale.ROOT, "module at %.3f V",
                        chosenVdd)), items));
            }
        });
        return new PlacementMapSection("map", eden ? "Partition map" : "Placement map", regions,
                String.join(". ", (List<String>) map.get("notes")) + "." + (eden ? " Partitions holding no data are not drawn." : ""));
    }

    /** DRAM energy of one inference by component at nominal settings and at the chosen ones. */
    @SuppressWarnings("unchecked")
    static StackedBarsSection breakdown(Map<String, Object> map, double chosenVdd, String law) {
        Map<String, Map<String, Double>> breakdown = new LinkedHashMap<>();
        double nominal = PipelineSummary.num(map.containsKey("nominal_vdd") ? map.get("nominal_vdd")
                : ((Map<String, Object>) map.get("module")).get("nominal_vdd"));
        breakdown.put(String.format(Locale.ROOT, "nominal (%.3f V)", nominal),
                (Map<String, Double>) ((Map<String, Object>) map.get("nominal")).get("energy_j"));
        breakdown.put(String.format(Locale.ROOT, "chosen (%.3f V)", chosenVdd),
                (Map<String, Double>) ((Map<String, Object>) map.get("chosen")).get("energy_j"));
        return new StackedBarsSection("breakdown", "DRAM energy breakdown of one inference", breakdown, "J",
                "DRAM energy of one inference (" + map.get("dataflow") + " dataflow) by component, DRAMPower equations, "
                        + "core rail scaled with voltage (" + law + " energy law).");
    }
}
