package org.undervolt.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.undervolt.dram.spec.DramPresets;
import org.undervolt.dram.spec.DramSpec;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/** {@code undervolt dram presets}: the built-in DRAM parts. */
@CommandLine.Command(name = "presets", mixinStandardHelpOptions = true,
        description = {"List the built-in DRAM parts with their aliases: the one registry of part names that dram energy,",
                "dram simulate (--part), dram info, demo, map and the pipelines accept."},
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
        jsonOption.printLine(Map.of("presets", list), w -> {
            for (String n : DramPresets.names()) {
                DramSpec s = DramPresets.get(n);
                w.printf(Locale.ROOT, "%-22s %-7s %6.0f MHz  %s %.2f V  %d MiB  also: %s%n", n, s.standard(),
                        s.timings().clockMhz(), s.coreRail(), s.coreVolts(), s.organization().capacityBytes() >> 20,
                        DramPresets.aliases(n).isEmpty() ? "-" : String.join(", ", DramPresets.aliases(n)));
            }
        });
        return 0;
    }
}
