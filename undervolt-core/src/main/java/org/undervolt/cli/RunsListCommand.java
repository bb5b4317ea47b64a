package org.undervolt.cli;

import java.util.ArrayList;
import java.util.List;
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
            List<Listed> rows = new ArrayList<>();
            for (RunRecord r : s.runs()) {
                rows.add(new Listed(r.id(), r.kind(), r.observedStatus().word(), r.seed(), s.trials().count(r.id()),
                        r.createdAt().toString(), r.updatedAt().toString(), headline(r.summary()), r.folder().orElse(null)));
            }
            Listing listing = new Listing(store.file().toString(), rows);
            jsonOption.print(listing, out -> {
                if (rows.isEmpty()) {
                    out.println("no runs in " + store.file());
                    return;
                }
                out.printf("%5s  %-10s  %-11s  %8s  %-20s  %4s  %-36s  %s%n", "id", "kind", "status", "trials", "started",
                        "seed", "headline", "folder");
                for (Listed m : rows) {
                    out.printf("%5d  %-10s  %-11s  %8d  %-20s  %4d  %-36s  %s%n", m.id(), m.kind(), m.status(), m.trials(),
                            m.createdAt().replaceFirst("\\.\\d+Z$", "Z"), m.seed(), m.headline() == null ? "—" : m.headline(),
                            m.folder() != null ? m.folder() : m.trials() > 0
                                    ? "in the store: undervolt runs export " + m.id() + " --as csv" : "—");
                }
            });
        }
        return 0;
    }

    /** What {@code runs list --json} prints: the store and its runs, newest first. */
    record Listing(String store, List<Listed> runs) {
    }

    /**
     * One run as listed: its components are the keys in order (snake_case).
     *
     * @param trials   trials recorded
     * @param headline the figure it is run for ({@link #headline}); null before it finishes
     * @param folder   where it writes its files; null if not recorded
     */
    record Listed(long id, String kind, String status, long seed, long trials, String createdAt, String updatedAt,
            String headline, String folder) {
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
