package org.undervolt.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.undervolt.InvalidInputException;
import org.undervolt.experiment.PipelineConfig;
import org.undervolt.io.Json;
import org.undervolt.store.EnergyRow;
import org.undervolt.store.ResultsStore;
import org.undervolt.store.RunRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code undervolt runs show ID}: one run's configuration, provenance, progress and headline result. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one run.",
        footer = {"", "Examples:",
                "  undervolt runs show 3",
                "  undervolt runs show 3 --json"})
public final class RunsShowCommand implements Callable<Integer> {

    @Mixin StoreOption store;

    @Parameters(paramLabel = "ID", description = "Run id (see 'undervolt runs list').")
    long id;

    @Mixin JsonOption jsonOption = new JsonOption();

    @Override
    public Integer call() {
        try (ResultsStore s = store.open()) {
            RunRecord r = s.run(id).orElseThrow(() -> new InvalidInputException("run " + id + " is not in "
                    + store.file() + ": see 'undervolt runs list'"));
            JsonNode config = todaysNames(parse(r.config()));
            JsonNode provenance = parse(r.provenance());
            JsonNode summary = r.summary().map(RunsShowCommand::parse).orElse(null);
            long trials = s.trials().count(id);
            long points = s.trials().pointCount(id);
            Map<String, Integer> curves = new LinkedHashMap<>();
            for (String name : s.curves().names(id)) {
                curves.put(name, s.curves().get(id, name).size());
            }
            List<Energy> energy = s.energy().get(id).stream().map(e -> new Energy(e.label(), e.vdd(),
                    Double.isNaN(e.trcdNs()) ? null : e.trcdNs(), e.energyJ())).toList();
            Shown m = new Shown(r.id(), r.kind(), r.observedStatus().word(), r.folder().orElse(null), r.seed(),
                    r.createdAt().toString(), r.updatedAt().toString(), trials, points, curves, energy, config, provenance,
                    summary);
            jsonOption.print(m, out -> {
                out.printf("run %d  %s  %s%s%n", r.id(), r.kind(), r.observedStatus().word(),
                        r.folder().map(f -> "  " + f).orElse(""));
                out.printf("  started    %s%n  updated    %s%n  seed       %d%n",
                        r.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                        r.updatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), r.seed());
                out.printf("  trials     %d at %d points%n", trials, points);
                curves.forEach((n, k) -> out.printf("  curve      %s (%d points)%n", n, k));
                for (EnergyRow e : s.energy().get(id)) {
                    out.printf(Locale.ROOT, "  energy     %-8s %.3f V  %.6g J%n", e.label(), e.vdd(), e.energyJ());
                }
                if (summary != null) {
                    summary.properties().forEach(f -> {
                        if (f.getValue().isValueNode()) {
                            out.printf("  result     %s = %s%n", f.getKey(), HumanNumbers.text(f.getValue()));
                        }
                    });
                }
                config.properties().forEach(f -> out.printf("  config     %s = %s%n", f.getKey(),
                        HumanNumbers.text(f.getValue())));
                provenance.properties().forEach(f -> out.printf("  provenance %s = %s%n", f.getKey(),
                        HumanNumbers.text(f.getValue())));
            });
        }
        return 0;
    }

    /**
     * What {@code runs show --json} prints: its components are the keys in order (snake_case).
     *
     * @param folder   where the run writes its files; null if it was not recorded
     * @param trials   trials recorded
     * @param points   distinct points (BERs) they are at
     * @param curves   each stored curve's number of points, by name
     * @param config   the configuration the run is stored under (its identity, old key names kept)
     * @param summary  the headline result; null until the run finishes
     */
    record Shown(long id, String kind, String status, String folder, long seed, String createdAt, String updatedAt,
            long trials, long points, Map<String, Integer> curves, List<Energy> energy, JsonNode config,
            JsonNode provenance, JsonNode summary) {
    }

    /** A stored energy figure: what it is of, the voltage, tRCD (null when not lowered) and the joules. */
    record Energy(String label, double vdd, Double trcdNs, double energyJ) {
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("results store holds unreadable JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A run is stored under its config's old key names (they are its identity); it is shown, as {@code runs export}
     * shows it, with today's ({@code preset} as {@code part}, the demo's {@code scaling} as {@code energy_law}).
     */
    static JsonNode todaysNames(JsonNode stored) {
        if (!stored.isObject()) {
            return stored;
        }
        com.fasterxml.jackson.databind.node.ObjectNode shown = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode();
        stored.properties().forEach(f -> shown.set(PipelineConfig.currentName(f.getKey()), f.getValue()));
        return shown;
    }
}
