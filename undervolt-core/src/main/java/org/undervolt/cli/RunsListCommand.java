package org.undervolt.cli;

import java.io.PrintWriter;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code undervolt runs list}: one line per run, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the runs, newest first.",
        footer = {"", "Examples:",
                "  undervolt runs list",
                "  undervolt runs list --json"})
public final class RunsListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Mixin
    JsonOption jsonOption = new JsonOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ResultsStore s = store.open()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (RunRecord r : s.runs()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", r.id());
                m.put("kind", r.kind());
                m.put("status", r.status().word());
                m.put("seed", r.seed());
                m.put("trials", s.trials().count(r.id()));
                m.put("created_at", r.createdAt().toString());
                m.put("updated_at", r.updatedAt().toString());
                rows.add(m);
            }
            if (jsonOption.json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("store", store.file().toString());
                m.put("runs", rows);
                out.println(Json.write(m));
            } else if (rows.isEmpty()) {
                out.println("no runs in " + store.file());
            } else {
                out.printf("%5s  %-10s  %-9s  %8s  %-20s  %s%n", "id", "kind", "status", "trials", "started", "seed");
                for (Map<String, Object> m : rows) {
                    out.printf("%5d  %-10s  %-9s  %8d  %-20s  %d%n", m.get("id"), m.get("kind"), m.get("status"),
                            m.get("trials"), String.valueOf(m.get("created_at")).replaceFirst("\\.\\d+Z$", "Z"),
                            m.get("seed"));
                }
            }
        }
        out.flush();
        return 0;
    }
}
