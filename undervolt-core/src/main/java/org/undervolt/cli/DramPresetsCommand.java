package org.undervolt.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.undervolt.dram.sim.SimPresets;
import org.undervolt.dram.spec.DramPresets;
import org.undervolt.dram.spec.DramSpec;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * {@code undervolt dram presets}: the built-in DRAM parts, and the timing-only parts the simulator also takes by name,
 * Ramulator's organisation / speed-bin preset pairs ({@link SimPresets#byName}).
 */
@CommandLine.Command(name = "presets", mixinStandardHelpOptions = true,
        description = {"List the built-in DRAM parts with their aliases: the one registry of part names that dram energy,",
                "dram simulate (--part), dram info, demo, map and the pipelines accept; then the timing-only parts that",
                "dram simulate and dram sim-bench also take by name: a pair of Ramulator 2.0a's organisation and speed-bin",
                "presets, ORG+BIN (e.g. DDR4_8Gb_x8+DDR4_2400R)."},
        footer = {"", "Examples:",
                "  undervolt dram presets",
                "  undervolt dram presets --json"})
public final class DramPresetsCommand implements Callable<Integer> {

    @Mixin JsonOption jsonOption = new JsonOption();

    @Override
    public Integer call() throws Exception {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String n : DramPresets.names()) {
            DramSpec s = DramPresets.get(n);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", n);
            m.put("aliases", DramPresets.aliases(n));
            m.put("standard", s.standard().name());
            m.put("clock_mhz", s.timings().clockMhz());
            m.put("core_rail", s.coreRail());
            m.put("vdd_nominal", s.coreVolts());
            m.put("capacity_bytes", s.organization().capacityBytes());
            list.add(m);
        }
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (String standard : SimPresets.standards()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("standard", standard);
            m.put("example", SimPresets.partName(SimPresets.defaultOrganization(standard), SimPresets.defaultTiming(standard)));
            m.put("organizations", SimPresets.organizations(standard));
            m.put("speed_bins", SimPresets.timings(standard));
            pairs.add(m);
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("presets", list);
        all.put("timing_only_preset_pairs", pairs);
        jsonOption.printLine(all, w -> {
            for (String n : DramPresets.names()) {
                DramSpec s = DramPresets.get(n);
                w.printf(Locale.ROOT, "%-22s %-7s %6.0f MHz  %s %.2f V  %d MiB  also: %s%n", n, s.standard(),
                        s.timings().clockMhz(), s.coreRail(), s.coreVolts(), s.organization().capacityBytes() >> 20,
                        DramPresets.aliases(n).isEmpty() ? "-" : String.join(", ", DramPresets.aliases(n)));
            }
            w.println("timing only, for dram simulate and dram sim-bench: ORG+BIN, a pair of Ramulator 2.0a's presets");
            for (Map<String, Object> m : pairs) {
                String standard = (String) m.get("standard");
                w.printf(Locale.ROOT, "  %-7s e.g. %s%n    ORG: %s%n    BIN: %s%n", standard, m.get("example"),
                        String.join(" ", SimPresets.organizations(standard)), String.join(" ", SimPresets.timings(standard)));
            }
        });
        return 0;
    }
}
