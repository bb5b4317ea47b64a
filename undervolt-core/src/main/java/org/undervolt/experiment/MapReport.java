package org.undervolt.experiment;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.undervolt.report.DeviceSpreadSections;
import org.undervolt.report.HtmlReport;
import org.undervolt.report.TableSection;

/**
 * The HTML report of {@code undervolt map --report FILE}, drawn from the same object {@code map --json} prints: the
 * saving and what limited it, saving versus tolerable BER across the devices with this network's tolerance marked,
 * every device's point, the partition or placement map, the energy breakdown, and the settings.
 */
public final class MapReport {
    private MapReport() {
    }

    /** @param map the {@code map --json} object; {@code chosenVdd} the lowest voltage of the plan's data */
    @SuppressWarnings("unchecked")
    public static HtmlReport of(Map<String, Object> map, double chosenVdd) {
        Map<String, Object> module = (Map<String, Object>) map.get("module");
        String law = String.valueOf(module.get("energy_law"));
        HtmlReport report = new HtmlReport("Undervolt map — " + map.get("network") + " (" + map.get("format") + ")",
                map.get("scheme") + " mapping on " + module.get("part") + ", " + map.get("dataflow")
                        + " dataflow: where can the data live, and what does that save?");
        String saving = pct(map.get("energy_saving"));
        report.add(new TableSection("headline", "Headline figures", List.of("figure", "value"))
                .figure(saving, "DRAM energy saved per inference (" + law + " law), limited by " + map.get("limited_by"))
                .figure(String.format(Locale.ROOT, "%.3f V", chosenVdd), String.format(Locale.ROOT,
                        "lowest VDD holding data (nominal %.3f V)", PipelineSummary.num(module.get("nominal_vdd"))))
                .figure(String.format(Locale.ROOT, "%.2e", PipelineSummary.num(map.get("tolerable_ber"))),
                        "tolerable BER of the data at reduced voltage")
                .row("energy saving, " + law + " law (chosen)", saving)
                .row("energy saving, linear law (IDD fixed)", pct(map.get("energy_saving_linear")))
                .row("energy saving, quadratic law (IDD ∝ V)", pct(map.get("energy_saving_quadratic")))
                .row("limited by", String.valueOf(map.get("limited_by")))
                .row("latency change (simulated)", String.format(Locale.ROOT, "%+.2f %%",
                        100 * PipelineSummary.num(map.get("latency_change"))))
                .row("planned with device", String.valueOf(map.get("plan_device")))
                .note(String.valueOf(module.get("energy_law_reasoning"))));
        DeviceSpreadSections.add(report, map, "this network's tolerance");
        report.add(MappingSections.placement(map, chosenVdd));
        report.add(MappingSections.breakdown(map, chosenVdd, law));
        report.add(TableSection.keyValues("module", "Module and models", module));
        return report;
    }

    private static String pct(Object o) {
        return o instanceof Number n ? String.format(Locale.ROOT, "%.1f %%", 100 * n.doubleValue()) : "n/a";
    }
}
