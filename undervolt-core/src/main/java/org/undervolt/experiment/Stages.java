package org.undervolt.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.type.TypeReference;

import org.undervolt.InvalidInputException;
import org.undervolt.Provenance;
import org.undervolt.io.AtomicFiles;
import org.undervolt.io.Json;
import org.undervolt.store.ResultsStore;
import org.undervolt.store.RunStart;
import org.undervolt.store.RunStatus;

/**
 * The stages of one pipeline run in its folder, each done at most once.
 *
 * <p>The folder holds {@code config.json} (the run's canonical settings: a folder made with other
 * settings is refused), {@code undervolt-build.txt} (the build that started it: resuming with another
 * build says so, since the finished stages' figures came from that build) and, per finished stage, {@code stages/NAME.json} with the stage's result,
 * written atomically when the stage ends. A stage whose file exists is not run again; its result is
 * read back. Inside a stage, the library's own checkpoints (SNN training, fault-aware training,
 * retraining epochs, tolerance points) make even an interrupted stage continue where it stopped.
 *
 * <p>With a results store the run is recorded there as well (kind = the pipeline, config = the
 * canonical settings, chosen by {@link RunStart}); {@link #store()} is for the pipeline to add curves,
 * mappings and energies as stages finish.
 */
public final class Stages implements AutoCloseable {

    /** Called after each stage's result is saved; tests throw from it to simulate a kill. */
    public interface Hook {
        void afterStage(String name);
    }

    private final Path dir;
    private final Consumer<String> log;
    private final Hook hook;
    private final ResultsStore store;
    private final long runId;
    private final boolean resumedInStore;

    public Stages(Path dir, PipelineConfig config, Path storeFile, Consumer<String> log, Hook hook) {
        this.dir = dir;
        this.log = log;
        this.hook = hook == null ? n -> { } : hook;
        String canonical = config.canonical();
        Path cfg = dir.resolve("config.json");
        try {
            String build = thisBuild();
            Path made = dir.resolve(BUILD_FILE);
            if (Files.exists(cfg)) {
                String old = Files.readString(cfg, StandardCharsets.UTF_8).strip();
                if (!old.equals(canonical)) {
                    Map<String, String> redo = redone(old, canonical);
                    if (redo == null) {
                        throw new InvalidInputException("--out " + dir + ": holds a run with other settings (" + cfg
                                + "); use another --out or the same settings to resume it");
                    }
                    // the stages' results go before the settings change: a kill in between redoes them again
                    for (var e : redo.entrySet()) {
                        if (e.getValue().isEmpty()) {
                            log.accept("setting " + e.getKey() + " changed: it changes no result, nothing is redone");
                            continue;
                        }
                        Files.deleteIfExists(dir.resolve("stages").resolve(e.getValue() + ".json"));
                        log.accept("setting " + e.getKey() + " changed: stage " + e.getValue()
                                + " is redone (its checkpoint keeps what still holds); the other stages are reused");
                    }
                    AtomicFiles.write(cfg, (canonical + "\n").getBytes(StandardCharsets.UTF_8));
                }
                String was = Files.exists(made) ? Files.readString(made, StandardCharsets.UTF_8).strip() : "an older build";
                if (!was.equals(build)) {
                    log.accept("warning: " + dir + " was started by " + was + ", this is " + build
                            + ": its finished stages are reused as they are (another --out redoes them with this build)");
                }
            } else {
                Files.createDirectories(dir.resolve("stages"));
                AtomicFiles.write(made, (build + "\n").getBytes(StandardCharsets.UTF_8));
                AtomicFiles.write(cfg, (canonical + "\n").getBytes(StandardCharsets.UTF_8));
            }
            Files.createDirectories(dir.resolve("stages"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use run folder " + dir + ": " + e.getMessage(), e);
        }
        if (storeFile != null) {
            store = ResultsStore.open(storeFile);
            // A rerun of a finished run with the same settings is the same run (its stages are reused
            // from the folder): record into it again rather than adding a duplicate.
            OptionalLong finished = store.runs().stream()
                    .filter(r -> r.kind().equals(config.pipeline()) && r.config().equals(canonical)
                            && r.status() == RunStatus.FINISHED)
                    .mapToLong(org.undervolt.store.RunRecord::id).max();
            RunStart start = RunStart.choose(store, config.pipeline(), canonical, seedOf(config),
                    Json.canonical(Provenance.describe()), finished, false);
            runId = start.runId();
            resumedInStore = start.resumed();
            store.setFolder(runId, dir.toAbsolutePath().normalize().toString());
            log.accept((resumedInStore ? "resuming run " : "recording run ") + runId + " in " + storeFile);
        } else {
            store = null;
            runId = -1;
            resumedInStore = false;
        }
    }

    /**
     * The keys whose values differ between the settings a folder was made with and these, with the stage each
     * redoes ({@link PipelineKeys#REDOES}; "" for a key that changes no result, {@link PipelineKeys#DESCRIBES_ONLY});
     * null when any other key differs (another run).
     */
    static Map<String, String> redone(String made, String now) throws IOException {
        Map<String, Object> a = Json.mapper().readValue(made, new TypeReference<LinkedHashMap<String, Object>>() { });
        Map<String, Object> b = Json.mapper().readValue(now, new TypeReference<LinkedHashMap<String, Object>>() { });
        Map<String, String> redo = new java.util.TreeMap<>();
        java.util.Set<String> keys = new java.util.TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            if (!java.util.Objects.equals(a.get(k), b.get(k))) {
                String stage = PipelineKeys.DESCRIBES_ONLY.contains(k) ? "" : PipelineKeys.REDOES.get(k);
                if (stage == null) {
                    return null;
                }
                redo.put(k, stage);
            }
        }
        return redo;
    }

    /** The file naming the build that started the run ({@link #thisBuild()}). */
    static final String BUILD_FILE = "undervolt-build.txt";

    /** {@code undervolt <version> (git <revision>)}: a resumed run's stages may come from another build. */
    static String thisBuild() {
        return "undervolt " + Provenance.version() + " (git " + Provenance.gitRevision() + ")";
    }

    private static long seedOf(PipelineConfig c) {
        return c.values().get("seed") instanceof Number n ? n.longValue() : 0;
    }

    /** The folder of stage {@code name}, for its own files and checkpoints. */
    public Path folder(String name) {
        Path p = dir.resolve(name);
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    public Path dir() {
        return dir;
    }

    /**
     * A file a finished stage's result names ({@code stored}, as written then): the file of that name in this run's
     * folder of {@code stage} where the stored one lay in a folder of that name and this run's copy exists (the run
     * folder was moved or copied since), else {@code stored} itself (e.g. a model the settings name from elsewhere).
     */
    public Path file(String stage, String stored) {
        Path p = Path.of(stored);
        Path parent = p.getParent();
        if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals(stage)) {
            Path here = dir.resolve(stage).resolve(p.getFileName());
            if (Files.exists(here)) {
                return here;
            }
        }
        return p;
    }

    /** Whether stage {@code name} finished in an earlier invocation. */
    public boolean done(String name) {
        return Files.isRegularFile(resultFile(name));
    }

    /** The stage's result: read back if it finished before, else computed now and saved. */
    public Map<String, Object> run(String name, Supplier<Map<String, Object>> work) {
        Path f = resultFile(name);
        if (Files.isRegularFile(f)) {
            log.accept("stage " + name + ": done in an earlier run, reusing " + f);
            try {
                return Json.mapper().readValue(Files.readString(f, StandardCharsets.UTF_8),
                        new TypeReference<LinkedHashMap<String, Object>>() { });
            } catch (IOException e) {
                throw new InvalidInputException(f + ": damaged stage result (" + e.getMessage() + "); delete it to redo the stage");
            }
        }
        log.accept("stage " + name + ": running");
        long t0 = System.nanoTime();
        Map<String, Object> result = new LinkedHashMap<>(work.get());
        result.put("stage_seconds", (System.nanoTime() - t0) / 1e9);
        // Round trip through JSON so a fresh and a resumed run hand the pipeline identical values.
        String text = Json.write(result);
        AtomicFiles.write(f, (text + "\n").getBytes(StandardCharsets.UTF_8));
        log.accept(String.format("stage %s: finished in %.1f s", name, (System.nanoTime() - t0) / 1e9));
        hook.afterStage(name);
        try {
            return Json.mapper().readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path resultFile(String name) {
        return dir.resolve("stages").resolve(name + ".json");
    }

    /** The results store, or null when the run is not recorded. */
    public ResultsStore store() {
        return store;
    }

    public OptionalLong runId() {
        return store == null ? OptionalLong.empty() : OptionalLong.of(runId);
    }

    /** Marks the run finished with its headline figures. */
    public void finish(Map<String, Object> summary) {
        if (store != null) {
            store.setStatus(runId, RunStatus.FINISHED, Json.canonical(summary));
        }
    }

    /** Marks the run failed (the stages done stay done). */
    public void fail() {
        if (store != null) {
            store.markFailedQuietly(runId);
        }
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
    }
}
