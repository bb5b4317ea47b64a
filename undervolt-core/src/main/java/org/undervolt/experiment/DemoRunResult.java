package org.undervolt.experiment;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;

import org.undervolt.io.Json;

/**
 * What a demo run gave and where it is: the result, the network it ran, the run it was recorded under (with how many
 * trials came from the store) and the files written.
 *
 * @param result       the figures ({@link DemoResult})
 * @param network      the network's name ({@link DemoConfig#network()})
 * @param runId        the run in the results store; empty when nothing was recorded
 * @param store        the results store, or {@code null}
 * @param reusedTrials trials taken from the store instead of drawn again
 * @param folder       the folder the files are in
 */
public record DemoRunResult(DemoResult result, String network, OptionalLong runId, Path store, int reusedTrials,
        Path folder) {

    public Path resultFile() {
        return folder.resolve("result.json");
    }

    public Path reportFile() {
        return folder.resolve("report.html");
    }

    public Path plotFile() {
        return folder.resolve("accuracy_vs_ber.png");
    }

    /** What {@code demo --json} prints and result.json holds: the result's figures, then where the run is. */
    public Map<String, Object> json() {
        return Json.fields(new Printed(result.toJson(), network, runId.isPresent() ? runId.getAsLong() : null,
                store == null ? null : store.toString(), reusedTrials));
    }

    /** The JSON object: the result's keys, then these (snake_case, in order). */
    private record Printed(@Json.Inline Map<String, Object> result, String network, Long runId, String store,
            int reusedTrials) {
    }
}
