package org.undervolt.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

import org.undervolt.InvalidInputException;
import org.undervolt.io.Json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Picks the run a pipeline records into, the same way for every pipeline:
 * <ul>
 *   <li>an explicit run to resume must exist, be of the same kind and have exactly the same
 *       configuration (else bad input naming the differing keys);</li>
 *   <li>otherwise the newest unfinished run of the kind with the identical configuration is resumed;</li>
 *   <li>otherwise, or when a new run is asked for, a new run is created.</li>
 * </ul>
 * The chosen run is marked running.
 *
 * @param runId   the run to record into
 * @param resumed whether it existed before (its finished trials will be reused)
 */
public record RunStart(long runId, boolean resumed) {

    /**
     * @param configJson canonical configuration ({@link Json#canonical}); equality of this text is what
     *                   "same configuration" means
     */
    public static RunStart choose(ResultsStore store, String kind, String configJson, long seed, String provenanceJson,
            OptionalLong resume, boolean newRun) {
        RunStart start;
        if (resume.isPresent()) {
            checkResumable(store, kind, resume.getAsLong(), configJson);
            start = new RunStart(resume.getAsLong(), true);
        } else {
            Optional<RunRecord> unfinished = newRun ? Optional.empty() : store.latestUnfinished(kind, configJson);
            start = unfinished.map(r -> new RunStart(r.id(), true))
                    .orElseGet(() -> new RunStart(store.createRun(kind, configJson, seed, provenanceJson), false));
        }
        store.setStatus(start.runId(), RunStatus.RUNNING, null);
        return start;
    }

    /**
     * As {@link #choose}, except that when no run is named, none is forced and none with this configuration
     * is unfinished, the newest finished one with it is reused as it stands (not marked running): every
     * trial then comes from the store, and the result is the same, bit for bit.
     */
    public static RunStart chooseReusingFinished(ResultsStore store, String kind, String configJson, long seed,
            String provenanceJson, OptionalLong resume, boolean newRun) {
        if (resume.isEmpty() && !newRun && store.latestUnfinished(kind, configJson).isEmpty()) {
            Optional<RunRecord> done = store.latestFinished(kind, configJson);
            if (done.isPresent()) {
                return new RunStart(done.get().id(), true);
            }
        }
        return choose(store, kind, configJson, seed, provenanceJson, resume, newRun);
    }

    /** Fails with one line of bad input unless run {@code id} exists, is a {@code kind} run and has this configuration. */
    public static void checkResumable(ResultsStore store, String kind, long id, String configJson) {
        RunRecord r = store.run(id).orElseThrow(() -> new InvalidInputException("--resume " + id + ": no such run in "
                + store.file() + " (see 'undervolt runs list --store " + store.file() + "')"));
        if (!r.kind().equals(kind)) {
            throw new InvalidInputException("--resume " + id + ": run " + id + " is a " + r.kind() + " run, not a "
                    + kind + " run");
        }
        if (!r.config().equals(configJson)) {
            throw new InvalidInputException("--resume " + id + ": run " + id + " was made with a different "
                    + "configuration (differs in: " + String.join(", ", differingKeys(r.config(), configJson))
                    + "); repeat its options, or drop --resume to start a new run");
        }
    }

    /** The top-level keys whose values differ between two JSON objects, sorted. */
    static List<String> differingKeys(String a, String b) {
        try {
            TypeReference<Map<String, Object>> type = new TypeReference<>() { };
            Map<String, Object> ma = Json.mapper().readValue(a, type);
            Map<String, Object> mb = Json.mapper().readValue(b, type);
            TreeSet<String> keys = new TreeSet<>(ma.keySet());
            keys.addAll(mb.keySet());
            List<String> out = new ArrayList<>();
            for (String k : keys) {
                if (!Objects.equals(ma.get(k), mb.get(k))) {
                    out.add(k);
                }
            }
            return out;
        } catch (JsonProcessingException e) {
            return List.of("(unreadable stored configuration)");
        }
    }
}
