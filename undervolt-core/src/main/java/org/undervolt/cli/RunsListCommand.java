package org.undervolt.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.undervolt.io.Json;
import org.undervolt.store.ResultsStore;
import org.undervolt.store.RunRecord;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code undervolt runs list}: one line per run, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the runs, newest first.",
        footer = {"", "Examples:",
                "  undervolt runs list",
                "  undervolt runs list --json"})
public final class RunsListCommand implements Callable<Integer> {

    @Mixin StoreOption store;
    @Mixin JsonOption jsonOption = new JsonOption();

    @Override
    public Integer call() {
        try (ResultsStore s = store.open()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (RunRecord r : s.runs()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", r.id());
                m.put("kind", r.kind());
                m.put("status", r.observedStatus().word());
                m.put("seed", r.seed());
                m.put("trials", s.trials().count(r.id()));
                m.put("created_at", r.createdAt().toString());
                m.put("updated_at", r.updatedAt().toString());
                m.put("headline", headline(r.summary()));
                m.put("folder", r.folder().orElse(null));
                rows.add(m);
            }
            Map<String, Object> listing = new LinkedHashMap<>();
            listing.put("store", store.file().toString());
            listing.put("runs", rows);
            jsonOption.print(listing, out -> {
                if (rows.isEmpty()) {
                    out.println("no runs in " + store.file());
                    return;
                }
                out.printf("%5s  %-10s  %-11s  %8s  %-20s  %4s  %-36s  %s%n", "id", "kind", "status", "trials", "started",
                        "seed", "headline", "folder");
                for (Map<String, Object> m : rows) {
                    out.printf("%5d  %-10s  %-11s  %8d  %-20s  %4d  %-36s  %s%n", m.get("id"), m.get("kind"), m.get("status"),
                            m.get("trials"), String.valueOf(m.get("created_at")).replaceFirst("\\.\\d+Z$", "Z"),
                            m.get("seed"), m.get("headline") == null ? "—" : m.get("headline"),
                            m.get("folder") != null ? m.get("folder") : (long) m.get("trials") > 0
                                    ? "in the store: undervolt runs export " + m.get("id") + " --as csv" : "—");
                }
            });
        }
        return 0;
    }

    /**
     * The figure a finished run is run for, from its summary: the DRAM energy saved and the tolerable BER
     * (with retraining, for the pipelines), or the trial count of a sweep; null before it finishes.
     */
    static String headline(java.util.Optional<String> summary) {
        if (summary.isEmpty()) {
            return null;
        }
        com.fasterxml.jackson.databind.JsonNode s;
        try {
            s = Json.mapper().readTree(summary.get());
        } catch (java.io.IOException e) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (s.path("energy_saving").isNumber()) {
            parts.add(String.format(java.util.Locale.ROOT, "%.1f %% energy saved", 100 * s.get("energy_saving").asDouble()));
        }
        com.fasterxml.jackson.databind.JsonNode ber = s.has("tolerable_ber_with_retraining")
                ? s.get("tolerable_ber_with_retraining") : s.path("tolerable_ber");
        if (ber.isNumber()) {
            parts.add(String.format(java.util.Locale.ROOT, "BER %.2e", ber.asDouble()));
        }
        if (parts.isEmpty() && s.path("trials").isNumber()) {
            parts.add(s.get("trials").asLong() + " trials");
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }
}
